// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "image_digests.h"

#include <QByteArray>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

class QIODevice;

namespace deploycast {

class ContentFile;

// Images stored compressed, in zstd's seekable format: one zstd frame per
// chunk of the image (kChunkBlocks blocks, 1,048,600 bytes, the last one
// shorter), then a skippable frame holding the seek table (each frame's
// compressed and decompressed size) and a footer that ends in the magic
// number 0x8F92EAB1. `zstd -d` reads it as a plain .zst file; each chunk
// decodes alone, so one lost on the way is fetched again alone.
//
// The wire carries the compressed file as it is stored: its blocks are
// multicast, repaired and fetched like any image's. Receivers get each
// frame's compressed size with the chunk digests, gather a frame's bytes,
// decompress it, check it against the digest of the uncompressed chunk and
// write it (docs/protocol.md, "Compressed images").
struct FrameTable {
    std::vector<std::uint32_t> compressedSizes; // per frame, which is per chunk
    std::vector<qint64> offsets;                // per frame, then the end of the last frame
    qint64 imageSize = 0;                       // decompressed: what lands on the disk

    std::uint32_t count() const { return std::uint32_t(compressedSizes.size()); }
    // Appends frames (wire order) and their offsets.
    void append(std::uint32_t compressedSize);
};

namespace SeekableZstd {
inline constexpr std::uint32_t kSeekableMagic = 0x8F92EAB1;
inline constexpr std::uint32_t kSkippableMagic = 0x184D2A5E;
inline constexpr int kDefaultLevel = 3;

// Whether the file ends in a seekable zstd footer.
bool looksSeekable(const ContentFile &file);
// The file's seek table, checked: its frames must be Deploycast's chunks
// and fill the file up to the table. Nothing, with why, otherwise.
std::optional<FrameTable> readTable(const ContentFile &file, Error *error);

// Reads and decompresses every frame once: the uncompressed image's
// SHA-256 and its chunks' (as hashImage does for a plain image).
std::optional<ImageDigests> hashImage(const ContentFile &file, const FrameTable &table,
                                      const std::function<bool(int)> &progress, Error *error);

// Decompresses one frame to exactly `expected` bytes into *out; false if it
// is not one frame of that size.
bool decompressFrame(const char *data, std::size_t size, qint64 expected, QByteArray *out);

// Writes `in` (size bytes) compressed to `out` in the seekable format,
// calling progress(bytes read so far); false with why on a read or write
// error, or if progress returns false.
bool compress(QIODevice *in, qint64 size, QIODevice *out, int level, const std::function<bool(qint64)> &progress,
              Error *error);
} // namespace SeekableZstd

} // namespace deploycast
