// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/block_bitmap.h"

#include <QCborArray>
#include <QCborValue>

#include <vector>

namespace deploycast {

// Block ranges on the wire are [[first, last], ...]. Anything malformed or
// outside the image is dropped rather than trusted, and at most maxRanges
// are read. What comes back is sorted and merged: each block at most once,
// so the work a list causes follows the blocks it names, not how often a
// peer repeats them.
std::vector<BlockRange> rangesFromCbor(const QCborValue &value, std::uint32_t blockCount, std::size_t maxRanges);
QCborArray rangesToCbor(const std::vector<BlockRange> &ranges);

// Sorts ranges and merges those that overlap or touch.
void normalizeRanges(std::vector<BlockRange> *ranges);
// How many blocks the ranges hold.
std::uint64_t blocksIn(const std::vector<BlockRange> &ranges);
// The blocks in both lists (each sorted and merged), sorted and merged.
std::vector<BlockRange> intersection(const std::vector<BlockRange> &a, const std::vector<BlockRange> &b);

} // namespace deploycast
