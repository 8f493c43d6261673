#include "range_codec.h"

#include "common/cbor_values.h"

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
    return ranges;
}

QCborArray rangesToCbor(const std::vector<BlockRange> &ranges)
{
    QCborArray array;
    for (const BlockRange &range : ranges)
        array.append(QCborArray{qint64(range.first), qint64(range.last)});
    return array;
}

} // namespace deploycast
