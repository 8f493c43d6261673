#pragma once

#include "transfer/block_bitmap.h"

#include <QCborArray>
#include <QCborValue>

#include <vector>

namespace deploycast {

// Block ranges on the wire are [[first, last], ...]. Anything malformed or
// outside the image is dropped rather than trusted.
std::vector<BlockRange> rangesFromCbor(const QCborValue &value, std::uint32_t blockCount, std::size_t maxRanges);
QCborArray rangesToCbor(const std::vector<BlockRange> &ranges);

} // namespace deploycast
