// SPDX-License-Identifier: GPL-3.0-or-later
#include "image_digests.h"

#include "common/sha256.h"
#include "content_file.h"
#include "protocol/block_datagram.h"

namespace deploycast {

std::uint32_t chunkCountFor(std::uint32_t blockCount)
{
    return std::uint32_t((std::uint64_t(blockCount) + kChunkBlocks - 1) / kChunkBlocks);
}

BlockRange blocksOfChunk(std::uint32_t chunk, std::uint32_t blockCount)
{
    const std::uint64_t first = std::uint64_t(chunk) * kChunkBlocks;
    return {std::uint32_t(first), std::uint32_t(std::min<std::uint64_t>(first + kChunkBlocks, blockCount) - 1)};
}

qint64 chunkLength(std::uint32_t chunk, qint64 imageSize)
{
    return std::clamp<qint64>(imageSize - qint64(chunk) * kChunkBytes, 0, kChunkBytes);
}

std::optional<ImageDigests> hashImage(const ContentFile &file, const std::function<bool(int)> &progress, Error *error)
{
    const std::uint32_t chunks = chunkCountFor(file.blockCount());
    ImageDigests digests;
    digests.chunkSha256.reserve(qsizetype(chunks) * kDigestSize);
    Sha256 whole;
    QByteArray buffer(kChunkBytes, Qt::Uninitialized);
    int reported = -1;
    for (std::uint32_t chunk = 0; chunk < chunks; ++chunk) {
        const qint64 offset = qint64(chunk) * kChunkBytes;
        const qint64 length = chunkLength(chunk, file.size());
        if (!file.read(offset, length, buffer.data(), error))
            return std::nullopt;
        whole.addData(buffer.constData(), std::size_t(length));
        digests.chunkSha256 += Sha256::of(buffer.constData(), std::size_t(length));
        const int percent = int(100 * std::uint64_t(chunk + 1) / chunks);
        if (percent != reported && !progress(reported = percent))
            return std::nullopt;
    }
    digests.sha256 = whole.result();
    return digests;
}

} // namespace deploycast
