// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/block_bitmap.h"
#include "transfer/seekable_zstd.h"

#include <QByteArray>

#include <cstdint>
#include <vector>

namespace deploycast {

// A receiver's side of a compressed image (SeekableZstd): the wire blocks
// carry the compressed file, whose frames (one per chunk) start anywhere in
// a block. Each block's bytes are copied into the frames it overlaps; a
// frame whose blocks are all in is handed on, to be decompressed, checked
// and written. Copies are idempotent, so a block received again (after a
// neighbouring frame failed its check) changes nothing.
//
// Memory is bounded: frames being gathered hold at most kMostHeldBytes. A
// block that would start a frame beyond that is not taken now; it comes
// again (the carousel, a NAK). Frames complete in carousel order, so only
// those with a lost block wait, for their repair.
class FrameAssembler
{
public:
    static constexpr qint64 kMostHeldBytes = 256 * 1024 * 1024;

    // A wire image of `wireSize` bytes holding `frameCount` frames.
    void start(qint64 wireSize, std::uint32_t frameCount);
    // Frame sizes as they come with the digests, in order: `first` must be
    // the number known so far. False if they do not fit the wire image.
    bool addFrames(std::uint32_t first, const QByteArray &bigEndianSizes);
    bool allFramesKnown() const { return m_table.count() == m_frameCount; }
    std::uint32_t knownFrames() const { return m_table.count(); }

    // Whether the block can be taken now: the frames it overlaps are known
    // and, if `bounded`, there is room to gather them.
    bool canTake(std::uint32_t block, bool bounded = true) const;
    // The block (its bytes) was taken; `held` tells which blocks are in.
    // Frames it completed are appended to *completed.
    void store(std::uint32_t block, const unsigned char *data, std::size_t length, const BlockBitmap &held,
               std::vector<std::uint32_t> *completed);
    // A completed frame's compressed bytes; the frame counts as done.
    QByteArray take(std::uint32_t frame);
    // A frame that failed its check is gathered again, from its blocks.
    void reopen(std::uint32_t frame);

    BlockRange blocksOf(std::uint32_t frame) const;
    qint64 heldBytes() const { return m_heldBytes; }

private:
    // The frames a block overlaps: [first, end).
    std::pair<std::uint32_t, std::uint32_t> framesOf(std::uint32_t block) const;
    bool complete(std::uint32_t frame, const BlockBitmap &held) const;

    qint64 m_wireSize = 0;
    std::uint32_t m_frameCount = 0;
    FrameTable m_table;
    std::vector<QByteArray> m_gathering; // per frame: empty until its first block
    std::vector<bool> m_done;
    qint64 m_heldBytes = 0;
};

} // namespace deploycast
