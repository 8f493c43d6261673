// SPDX-License-Identifier: GPL-3.0-or-later
#include "zero_chunks.h"

#include "common/sha256.h"
#include "protocol/block_datagram.h"

namespace deploycast {
namespace {
QByteArray zeroDigest(qint64 length)
{
    const QByteArray zeros(length, '\0');
    return Sha256::of(zeros.constData(), std::size_t(zeros.size()));
}
} // namespace

bool ZeroChunks::isZeroDigest(const QByteArray &digest, qint64 length)
{
    // Every chunk but an image's last has the full length: its digest is
    // worked out once. A short last chunk costs one hash of at most 1 MiB.
    static const QByteArray fullChunk = zeroDigest(kChunkBytes);
    if (length <= 0 || length > kChunkBytes)
        return false;
    return digest == (length == kChunkBytes ? fullChunk : zeroDigest(length));
}

ZeroChunks::ZeroChunks(const ImageDigests &digests, qint64 imageSize)
    : m_zero(digests.chunkCount())
    , m_zeroBefore(digests.chunkCount() + 1)
    , m_blockCount(std::uint32_t((imageSize + qint64(kBlockPayloadSize) - 1) / qint64(kBlockPayloadSize)))
{
    for (std::uint32_t chunk = 0; chunk < digests.chunkCount(); ++chunk) {
        m_zero[chunk] = isZeroDigest(digests.chunk(chunk), chunkLength(chunk, imageSize));
        const BlockRange blocks = blocksOfChunk(chunk, m_blockCount);
        m_zeroBefore[chunk + 1] = m_zeroBefore[chunk] + (m_zero[chunk] ? blocks.last - blocks.first + 1 : 0);
        m_zeroCount += m_zero[chunk] ? 1 : 0;
    }
}

std::uint32_t ZeroChunks::nextSent(std::uint32_t block) const
{
    if (m_zeroCount == 0 || m_blockCount == 0)
        return block;
    if (allZero())
        return m_blockCount;
    block %= m_blockCount;
    for (std::uint32_t chunk = block / kChunkBlocks; isZero(chunk);) {
        chunk = (chunk + 1) % std::uint32_t(m_zero.size());
        block = chunk * kChunkBlocks;
    }
    return block;
}

std::uint64_t ZeroChunks::zeroBlocksBefore(std::uint64_t block) const
{
    const std::uint64_t chunk = block / kChunkBlocks;
    if (chunk >= m_zero.size())
        return m_zeroBefore.back();
    return m_zeroBefore[chunk] + (m_zero[chunk] ? block % kChunkBlocks : 0);
}

std::uint64_t ZeroChunks::zeroBlocksIn(const std::vector<BlockRange> &ranges) const
{
    if (m_zeroCount == 0)
        return 0;
    std::uint64_t zeros = 0;
    for (const BlockRange &range : ranges)
        zeros += zeroBlocksBefore(std::uint64_t(range.last) + 1) - zeroBlocksBefore(range.first);
    return zeros;
}

} // namespace deploycast
