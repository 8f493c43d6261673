// SPDX-License-Identifier: GPL-3.0-or-later
#include "chunk_verifier.h"

#include <algorithm>

namespace deploycast {

void ChunkVerifier::start(std::uint32_t blockCount, bool digestsExpected, ReadChunk read)
{
    m_blockCount = blockCount;
    m_chunkCount = chunkCountFor(blockCount);
    m_digestsExpected = digestsExpected;
    m_read = std::move(read);
    m_digests = QByteArray(qsizetype(m_chunkCount) * kDigestSize, '\0');
    m_digestKnown = BlockBitmap(m_chunkCount);
    m_stored.assign(m_chunkCount, 0);
    m_verified = BlockBitmap(m_chunkCount);
    m_waiting.clear();
}

bool ChunkVerifier::addDigests(std::uint32_t first, const QByteArray &digests)
{
    if (digests.isEmpty() || digests.size() % kDigestSize != 0
        || std::uint64_t(first) + std::uint64_t(digests.size() / kDigestSize) > m_chunkCount)
        return false;
    m_digests.replace(qsizetype(first) * kDigestSize, digests.size(), digests);
    m_digestKnown.setRange({first, first + std::uint32_t(digests.size() / kDigestSize) - 1});
    return true;
}

bool ChunkVerifier::stored(std::uint32_t first, std::uint32_t count, std::vector<std::uint32_t> *bad)
{
    std::uint32_t block = first;
    const std::uint32_t end = std::min(m_blockCount, first + count);
    while (block < end) {
        const std::uint32_t chunk = block / kChunkBlocks;
        const BlockRange range = blocksOfChunk(chunk, m_blockCount);
        const std::uint32_t here = std::min(end, range.last + 1) - block;
        m_stored[chunk] = std::uint16_t(m_stored[chunk] + here);
        block += here;
        if (m_stored[chunk] == range.last - range.first + 1 && !verify(chunk, bad))
            return false;
    }
    return true;
}

bool ChunkVerifier::checkWaiting(std::vector<std::uint32_t> *bad)
{
    std::vector<std::uint32_t> waiting;
    waiting.swap(m_waiting);
    for (std::uint32_t chunk : waiting)
        if (!verify(chunk, bad))
            return false;
    return true;
}

bool ChunkVerifier::markVerified(std::uint32_t chunk)
{
    if (chunk >= m_chunkCount || m_verified.test(chunk))
        return false;
    const BlockRange range = blocksOfChunk(chunk, m_blockCount);
    m_stored[chunk] = std::uint16_t(range.last - range.first + 1);
    m_verified.set(chunk);
    return true;
}

bool ChunkVerifier::acceptUnread(std::uint32_t chunk)
{
    if (!markVerified(chunk))
        return true; // taken already
    if (chunk != m_hashedChunks)
        return true; // read when the chunks before it are
    QByteArray bytes;
    return m_read(chunk, &bytes) && hashInOrder(chunk, bytes);
}

bool ChunkVerifier::matches(std::uint32_t chunk, const QByteArray &bytes)
{
    if (chunk < m_chunkCount && m_digestKnown.test(chunk)
        && Sha256::of(bytes.constData(), std::size_t(bytes.size())) == digest(chunk))
        return true;
    ++m_failures;
    return false;
}

bool ChunkVerifier::acceptChecked(std::uint32_t chunk, const QByteArray &bytes)
{
    return !markVerified(chunk) || hashInOrder(chunk, bytes);
}

bool ChunkVerifier::verify(std::uint32_t chunk, std::vector<std::uint32_t> *bad)
{
    if (m_digestsExpected && !m_digestKnown.test(chunk)) {
        m_waiting.push_back(chunk);
        return true;
    }
    QByteArray bytes;
    if (!m_read(chunk, &bytes))
        return false;
    if (m_digestsExpected && Sha256::of(bytes.constData(), std::size_t(bytes.size())) != digest(chunk)) {
        ++m_failures;
        m_stored[chunk] = 0;
        bad->push_back(chunk);
        return true;
    }
    m_verified.set(chunk);
    return hashInOrder(chunk, bytes);
}

bool ChunkVerifier::hashInOrder(std::uint32_t chunk, const QByteArray &bytes)
{
    if (chunk != m_hashedChunks)
        return true; // hashed when the chunks before it are
    m_whole.addData(bytes.constData(), std::size_t(bytes.size()));
    ++m_hashedChunks;
    // Chunks that were verified out of order follow now, read back again.
    while (m_hashedChunks < m_chunkCount && m_verified.test(m_hashedChunks)) {
        QByteArray next;
        if (!m_read(m_hashedChunks, &next))
            return false;
        m_whole.addData(next.constData(), std::size_t(next.size()));
        ++m_hashedChunks;
    }
    return true;
}

} // namespace deploycast
