// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/sha256.h"
#include "transfer/block_bitmap.h"
#include "transfer/image_digests.h"

#include <QByteArray>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace deploycast {

// A receiver's check of what it stores: each chunk against the digest the
// server sent over TLS at the join, as soon as its last block is in, and the
// whole image (SHA-256) over the verified chunks in order. A chunk that fails
// is forgotten, to be received again: a forged or damaged datagram costs one
// chunk, not the transfer. With a server that sends no digests, chunks count
// as verified when complete and only the whole image is checked.
class ChunkVerifier
{
public:
    // Reads a chunk's bytes back from where they were stored.
    using ReadChunk = std::function<bool(std::uint32_t chunk, QByteArray *bytes)>;

    void start(std::uint32_t blockCount, bool digestsExpected, ReadChunk read);
    // Digests as they arrive, `first` onwards; false if they do not fit.
    bool addDigests(std::uint32_t first, const QByteArray &digests);

    // Blocks [first, first + count) were stored. Chunks they complete are
    // checked now (or once their digest is in); bad ones come back in *bad,
    // their blocks to be cleared and received again. False if a chunk could
    // not be read back.
    bool stored(std::uint32_t first, std::uint32_t count, std::vector<std::uint32_t> *bad);
    // Checks chunks that completed before their digest came; like stored().
    bool checkWaiting(std::vector<std::uint32_t> *bad);
    // The chunk is taken as it is, without data stored (a chunk of zeros the
    // server did not send): verified, and read for the image's SHA-256 in
    // its turn. Call after checkWaiting() for the digests that told it.
    bool acceptUnread(std::uint32_t chunk);
    // For chunks that are checked before they are stored (a compressed
    // image's, once decompressed): whether the bytes are the chunk's, then,
    // once they are stored, accepting them as verified.
    bool matches(std::uint32_t chunk, const QByteArray &bytes);
    bool acceptChecked(std::uint32_t chunk, const QByteArray &bytes);
    // The chunk's digest as the server sent it (zeros if not yet).
    QByteArray digest(std::uint32_t chunk) const { return m_digests.mid(qsizetype(chunk) * kDigestSize, kDigestSize); }

    bool allVerified() const { return m_hashedChunks == m_chunkCount; }
    bool allDigestsKnown() const { return !m_digestsExpected || m_digestKnown.isComplete(); }
    std::uint32_t chunkCount() const { return m_chunkCount; }
    std::uint64_t failures() const { return m_failures; }
    // The whole image's SHA-256, once allVerified(); the verifier is spent.
    QByteArray imageSha256() { return m_whole.result(); }

private:
    bool verify(std::uint32_t chunk, std::vector<std::uint32_t> *bad);
    // Counts a chunk whole and verified; false if it was already (or is
    // not one of the image's).
    bool markVerified(std::uint32_t chunk);
    bool hashInOrder(std::uint32_t chunk, const QByteArray &bytes);

    std::uint32_t m_blockCount = 0;
    std::uint32_t m_chunkCount = 0;
    bool m_digestsExpected = false;
    ReadChunk m_read;
    QByteArray m_digests;                 // kDigestSize per chunk as they arrive
    BlockBitmap m_digestKnown;            // per chunk
    std::vector<std::uint16_t> m_stored;  // per chunk: blocks stored
    BlockBitmap m_verified;               // per chunk
    std::vector<std::uint32_t> m_waiting; // complete, digest not in yet
    Sha256 m_whole;
    std::uint32_t m_hashedChunks = 0;     // the prefix of chunks in m_whole
    std::uint64_t m_failures = 0;
};

} // namespace deploycast
