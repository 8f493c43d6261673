// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "block_bitmap.h"
#include "image_digests.h"

#include <QByteArray>

#include <cstdint>
#include <vector>

namespace deploycast {

// Which chunks of an image are all zeros, told from their digests alone: a
// chunk whose SHA-256 is that of as many zero bytes. Disk images are mostly
// zeros (nine chunks in ten of a fresh OS disk), so the server multicasts
// none of these chunks and receivers zero them themselves, as holes in a
// file or a zero-out on a disk (docs/protocol.md, "Zero chunks"). Both sides
// tell them the same way from the same digests, so nothing more goes on the
// wire.
class ZeroChunks
{
public:
    ZeroChunks() = default;
    ZeroChunks(const ImageDigests &digests, qint64 imageSize);

    // Whether `digest` is the SHA-256 of `length` zero bytes.
    static bool isZeroDigest(const QByteArray &digest, qint64 length);

    bool isZero(std::uint32_t chunk) const { return chunk < m_zero.size() && m_zero[chunk]; }
    std::uint32_t zeroChunkCount() const { return m_zeroCount; }
    bool allZero() const { return m_zeroCount == m_zero.size(); }

    // The first block at or after `block` that is sent (not in a zero chunk),
    // wrapping round the end; blockCount if every chunk is zeros.
    std::uint32_t nextSent(std::uint32_t block) const;
    // How many blocks of these ranges lie in zero chunks.
    std::uint64_t zeroBlocksIn(const std::vector<BlockRange> &ranges) const;

private:
    // Zero blocks before `block` (an index up to blockCount).
    std::uint64_t zeroBlocksBefore(std::uint64_t block) const;

    std::vector<bool> m_zero;              // per chunk
    std::vector<std::uint64_t> m_zeroBefore; // per chunk: zero blocks in the chunks before it
    std::uint32_t m_blockCount = 0;
    std::uint32_t m_zeroCount = 0;
};

} // namespace deploycast
