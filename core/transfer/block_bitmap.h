// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace deploycast {

// An inclusive range of block indexes, [first, last].
struct BlockRange {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    friend bool operator==(const BlockRange &, const BlockRange &) = default;
};

// One bit per block of an image: which blocks a receiver holds, or which
// repairs the sender owes.
class BlockBitmap
{
public:
    explicit BlockBitmap(std::uint32_t blockCount = 0);

    std::uint32_t size() const { return m_size; }
    std::uint32_t setCount() const { return m_setCount; }
    bool isComplete() const { return m_setCount == m_size; }

    bool test(std::uint32_t index) const;
    // Returns true if the bit was newly set.
    bool set(std::uint32_t index);
    bool clear(std::uint32_t index);
    // Whole ranges at once, a word at a time; they return how many bits changed.
    std::uint32_t setRange(const BlockRange &range);
    std::uint32_t clearRange(const BlockRange &range);
    // The first set bit at or after `from`, or size() if there is none.
    std::uint32_t nextSet(std::uint32_t from) const;

    // Ranges of clear bits among the `span` blocks that start at `start` and
    // wrap round the end, at most maxRanges of them, in that order.
    std::vector<BlockRange> missingRanges(std::uint32_t start, std::uint32_t span,
                                          std::size_t maxRanges) const;

private:
    template<typename Change>
    std::uint32_t changeRange(const BlockRange &range, Change change);

    std::vector<std::uint64_t> m_words;
    std::uint32_t m_size = 0;
    std::uint32_t m_setCount = 0;
};

} // namespace deploycast
