// SPDX-License-Identifier: GPL-3.0-or-later
#include "range_codec.h"

#include "common/cbor_values.h"

#include <algorithm>

namespace deploycast {

std::vector<BlockRange> rangesFromCbor(const QCborValue &value, std::uint32_t blockCount, std::size_t maxRanges)
{
    std::vector<BlockRange> ranges;
    const QCborArray array = value.toArray();
    for (const QCborValue &item : array) {
        if (ranges.size() >= maxRanges)
            break;
        const QCborArray pair = item.toArray();
        if (pair.size() != 2 || !pair[0].isInteger() || !pair[1].isInteger())
            continue;
        const qint64 first = integerOf(pair[0]);
        const qint64 last = integerOf(pair[1]);
        if (first < 0 || last < first || last >= qint64(blockCount))
            continue;
        ranges.push_back({std::uint32_t(first), std::uint32_t(last)});
    }
    normalizeRanges(&ranges);
    return ranges;
}

void normalizeRanges(std::vector<BlockRange> *ranges)
{
    std::sort(ranges->begin(), ranges->end(), [](const BlockRange &a, const BlockRange &b) { return a.first < b.first; });
    std::size_t merged = 0;
    for (const BlockRange &range : *ranges) {
        if (merged > 0 && std::uint64_t(range.first) <= std::uint64_t((*ranges)[merged - 1].last) + 1)
            (*ranges)[merged - 1].last = std::max((*ranges)[merged - 1].last, range.last);
        else
            (*ranges)[merged++] = range;
    }
    ranges->resize(merged);
}

std::uint64_t blocksIn(const std::vector<BlockRange> &ranges)
{
    std::uint64_t blocks = 0;
    for (const BlockRange &range : ranges)
        blocks += std::uint64_t(range.last) - range.first + 1;
    return blocks;
}

QCborArray rangesToCbor(const std::vector<BlockRange> &ranges)
{
    QCborArray array;
    for (const BlockRange &range : ranges)
        array.append(QCborArray{qint64(range.first), qint64(range.last)});
    return array;
}

std::vector<BlockRange> intersection(const std::vector<BlockRange> &a, const std::vector<BlockRange> &b)
{
    std::vector<BlockRange> both;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        const std::uint32_t first = std::max(a[i].first, b[j].first);
        const std::uint32_t last = std::min(a[i].last, b[j].last);
        if (first <= last)
            both.push_back({first, last});
        if (a[i].last < b[j].last)
            ++i;
        else
            ++j;
    }
    return both;
}

} // namespace deploycast
