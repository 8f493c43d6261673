// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_bitmap.h"

#include <algorithm>
#include <bit>

namespace deploycast {

BlockBitmap::BlockBitmap(std::uint32_t blockCount)
    : m_words((std::size_t(blockCount) + 63) / 64, 0)
    , m_size(blockCount)
{
}

bool BlockBitmap::test(std::uint32_t index) const
{
    return index < m_size && (m_words[index / 64] >> (index % 64)) & 1u;
}

bool BlockBitmap::set(std::uint32_t index)
{
    if (index >= m_size || test(index))
        return false;
    m_words[index / 64] |= std::uint64_t(1) << (index % 64);
    ++m_setCount;
    return true;
}

bool BlockBitmap::clear(std::uint32_t index)
{
    if (!test(index))
        return false;
    m_words[index / 64] &= ~(std::uint64_t(1) << (index % 64));
    --m_setCount;
    return true;
}

template<typename Change>
std::uint32_t BlockBitmap::changeRange(const BlockRange &range, Change change)
{
    if (range.first > range.last || range.first >= m_size)
        return 0;
    const std::uint32_t last = std::min(range.last, m_size - 1);
    std::uint32_t changed = 0;
    for (std::uint32_t word = range.first / 64; word <= last / 64; ++word) {
        const std::uint32_t from = word == range.first / 64 ? range.first % 64 : 0;
        const std::uint32_t to = word == last / 64 ? last % 64 : 63; // inclusive
        const std::uint64_t mask = (to == 63 ? ~std::uint64_t(0) : (std::uint64_t(1) << (to + 1)) - 1)
                                   & ~((std::uint64_t(1) << from) - 1);
        const std::uint64_t before = m_words[word];
        m_words[word] = change(before, mask);
        changed += std::uint32_t(std::popcount(before ^ m_words[word]));
    }
    return changed;
}

std::uint32_t BlockBitmap::setRange(const BlockRange &range)
{
    const std::uint32_t changed = changeRange(range, [](std::uint64_t word, std::uint64_t mask) { return word | mask; });
    m_setCount += changed;
    return changed;
}

std::uint32_t BlockBitmap::clearRange(const BlockRange &range)
{
    const std::uint32_t changed = changeRange(range, [](std::uint64_t word, std::uint64_t mask) { return word & ~mask; });
    m_setCount -= changed;
    return changed;
}

std::uint32_t BlockBitmap::nextSet(std::uint32_t from) const
{
    if (from >= m_size)
        return m_size;
    std::size_t word = from / 64;
    std::uint64_t bits = m_words[word] & (~std::uint64_t(0) << (from % 64));
    while (bits == 0) {
        if (++word == m_words.size())
            return m_size;
        bits = m_words[word];
    }
    return std::min(m_size, std::uint32_t(word * 64 + std::size_t(std::countr_zero(bits))));
}

std::vector<BlockRange> BlockBitmap::missingRanges(std::uint32_t start, std::uint32_t span,
                                                   std::size_t maxRanges) const
{
    std::vector<BlockRange> ranges;
    if (m_size == 0 || maxRanges == 0)
        return ranges;
    span = std::min(span, m_size);
    start %= m_size;

    // Walk the span as at most two linear pieces: [start, end) then [0, rest).
    auto scan = [&](std::uint32_t from, std::uint32_t to) {
        std::uint32_t i = from;
        while (i < to && ranges.size() < maxRanges) {
            // Skip whole words that are full.
            if (i % 64 == 0 && m_words[i / 64] == ~std::uint64_t(0)) {
                i += 64;
                continue;
            }
            if (test(i)) {
                ++i;
                continue;
            }
            const std::uint32_t first = i;
            while (i < to && !test(i))
                ++i;
            ranges.push_back({first, i - 1});
        }
    };
    const std::uint32_t firstPieceEnd = std::min<std::uint64_t>(std::uint64_t(start) + span, m_size);
    scan(start, firstPieceEnd);
    const std::uint32_t wrapped = span - (firstPieceEnd - start);
    if (wrapped > 0)
        scan(0, wrapped);
    return ranges;
}

} // namespace deploycast
