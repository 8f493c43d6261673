// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "block_bitmap.h"
#include "common/error.h"
#include "protocol/block_datagram.h"

#include <QByteArray>

#include <cstdint>
#include <functional>
#include <optional>

namespace deploycast {

class ContentFile;

// An image's SHA-256, and one for every chunk of it. Receivers get the
// chunk digests over TLS when they join and check each chunk as it
// completes, so a forged or damaged datagram costs one chunk, fetched
// again, and not the whole transfer (docs/protocol.md, "Chunk digests").
inline constexpr std::uint32_t kChunkBlocks = 749;
inline constexpr qint64 kChunkBytes = qint64(kChunkBlocks) * qint64(kBlockPayloadSize); // 1,048,600: about 1 MiB
inline constexpr int kDigestSize = 32;

struct ImageDigests {
    QByteArray sha256;      // the whole image
    QByteArray chunkSha256; // kDigestSize bytes per chunk, in order

    std::uint32_t chunkCount() const { return std::uint32_t(chunkSha256.size() / kDigestSize); }
    QByteArray chunk(std::uint32_t index) const { return chunkSha256.mid(qsizetype(index) * kDigestSize, kDigestSize); }
};

std::uint32_t chunkCountFor(std::uint32_t blockCount);
// The blocks of one chunk (the last may be short).
BlockRange blocksOfChunk(std::uint32_t chunk, std::uint32_t blockCount);
// The bytes of one chunk of an image of this size (the last may be short;
// 0 past the end).
qint64 chunkLength(std::uint32_t chunk, qint64 imageSize);

// Reads the file once and hashes the whole and each chunk. progress(percent)
// is called as it goes; if it returns false, hashing stops (nothing, and no
// error).
std::optional<ImageDigests> hashImage(const ContentFile &file, const std::function<bool(int)> &progress, Error *error);

} // namespace deploycast
