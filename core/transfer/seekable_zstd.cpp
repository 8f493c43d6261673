// SPDX-License-Identifier: GPL-3.0-or-later
#include "seekable_zstd.h"

#include "common/sha256.h"
#include "content_file.h"
#include "protocol/block_datagram.h"

#include <QIODevice>
#include <QtEndian>

#include <zstd.h>

#include <memory>

namespace deploycast {
namespace {
constexpr int kFooterSize = 9;          // frame count, descriptor, magic
constexpr int kSkippableHeaderSize = 8; // magic, frame size
constexpr std::uint8_t kChecksumFlag = 0x80;
// No image has more chunks than this (1 PiB); a table that says so is damaged.
constexpr std::uint32_t kMostFrames = 1u << 30;

// The seekable format's integers are little-endian, as zstd's own are.
std::uint32_t littleEndian32(const unsigned char *bytes)
{
    return qFromLittleEndian<quint32>(bytes);
}

void appendLittleEndian32(QByteArray *out, std::uint32_t value)
{
    char bytes[4];
    qToLittleEndian<quint32>(value, bytes);
    out->append(bytes, 4);
}

Error formatError(const ContentFile &file, const QString &why)
{
    return {QLatin1String(ErrorCode::StorageError),
            QStringLiteral("%1 is not a seekable zstd image Deploycast can send: %2").arg(file.path(), why)};
}

struct ContextDeleter {
    void operator()(ZSTD_DCtx *context) const { ZSTD_freeDCtx(context); }
    void operator()(ZSTD_CCtx *context) const { ZSTD_freeCCtx(context); }
};
} // namespace

void FrameTable::append(std::uint32_t compressedSize)
{
    if (offsets.empty())
        offsets.push_back(0);
    compressedSizes.push_back(compressedSize);
    offsets.push_back(offsets.back() + compressedSize);
}

namespace SeekableZstd {

bool looksSeekable(const ContentFile &file)
{
    unsigned char footer[kFooterSize];
    Error ignored;
    return file.size() >= kSkippableHeaderSize + kFooterSize
           && file.read(file.size() - kFooterSize, kFooterSize, footer, &ignored)
           && littleEndian32(footer + 5) == kSeekableMagic;
}

std::optional<FrameTable> readTable(const ContentFile &file, Error *error)
{
    unsigned char footer[kFooterSize];
    if (!file.read(file.size() - kFooterSize, kFooterSize, footer, error))
        return std::nullopt;
    const std::uint32_t frames = littleEndian32(footer);
    const std::uint8_t descriptor = footer[4];
    if (descriptor & 0x7c) {
        *error = formatError(file, u"its seek table uses reserved bits"_qs);
        return std::nullopt;
    }
    const qint64 entrySize = descriptor & kChecksumFlag ? 12 : 8;
    const qint64 tableSize = qint64(frames) * entrySize + kFooterSize;
    if (frames == 0 || frames > kMostFrames || tableSize + kSkippableHeaderSize > file.size()) {
        *error = formatError(file, QStringLiteral("its seek table names %1 frames").arg(frames));
        return std::nullopt;
    }
    const qint64 tableStart = file.size() - tableSize - kSkippableHeaderSize;
    QByteArray table(tableSize + kSkippableHeaderSize, Qt::Uninitialized);
    if (!file.read(tableStart, table.size(), table.data(), error))
        return std::nullopt;
    const auto *bytes = reinterpret_cast<const unsigned char *>(table.constData());
    if (littleEndian32(bytes) != kSkippableMagic || littleEndian32(bytes + 4) != std::uint32_t(tableSize)) {
        *error = formatError(file, u"its seek table is not in a skippable frame of its size"_qs);
        return std::nullopt;
    }
    FrameTable result;
    result.compressedSizes.reserve(frames);
    result.offsets.reserve(std::size_t(frames) + 1);
    for (std::uint32_t frame = 0; frame < frames; ++frame) {
        const unsigned char *entry = bytes + kSkippableHeaderSize + qint64(frame) * entrySize;
        const std::uint32_t decompressed = littleEndian32(entry + 4);
        // Each frame is one chunk: only the last may be shorter.
        if (decompressed == 0 || decompressed > kChunkBytes || (frame + 1 < frames && decompressed != kChunkBytes)) {
            *error = formatError(file, QStringLiteral("its frame %1 holds %2 bytes, and each must hold one chunk of "
                                                      "%3 bytes (the last one at most that): compress it again with "
                                                      "/Add-Image /Compress:Yes").arg(frame).arg(decompressed).arg(kChunkBytes));
            return std::nullopt;
        }
        result.append(littleEndian32(entry));
        result.imageSize += decompressed;
    }
    if (result.offsets.back() != tableStart) {
        *error = formatError(file, QStringLiteral("its frames take %1 bytes, and the seek table starts at %2")
                                       .arg(result.offsets.back()).arg(tableStart));
        return std::nullopt;
    }
    return result;
}

bool decompressFrame(const char *data, std::size_t size, qint64 expected, QByteArray *out)
{
    thread_local std::unique_ptr<ZSTD_DCtx, ContextDeleter> context(ZSTD_createDCtx());
    // One frame, of exactly the size the seek table gave: no more is decoded.
    if (ZSTD_findFrameCompressedSize(data, size) != size)
        return false;
    out->resize(expected);
    const std::size_t got = ZSTD_decompressDCtx(context.get(), out->data(), std::size_t(expected), data, size);
    return !ZSTD_isError(got) && qint64(got) == expected;
}

std::optional<ImageDigests> hashImage(const ContentFile &file, const FrameTable &table,
                                      const std::function<bool(int)> &progress, Error *error)
{
    ImageDigests digests;
    digests.chunkSha256.reserve(qsizetype(table.count()) * kDigestSize);
    Sha256 whole;
    QByteArray compressed;
    QByteArray chunk;
    int reported = -1;
    for (std::uint32_t frame = 0; frame < table.count(); ++frame) {
        compressed.resize(table.compressedSizes[frame]);
        if (!file.read(table.offsets[frame], compressed.size(), compressed.data(), error))
            return std::nullopt;
        const qint64 expected = chunkLength(frame, table.imageSize);
        if (!decompressFrame(compressed.constData(), std::size_t(compressed.size()), expected, &chunk)) {
            *error = formatError(file, QStringLiteral("its frame %1 does not decompress to its %2 bytes").arg(frame).arg(expected));
            return std::nullopt;
        }
        whole.addData(chunk.constData(), std::size_t(chunk.size()));
        digests.chunkSha256 += Sha256::of(chunk.constData(), std::size_t(chunk.size()));
        const int percent = int(100 * std::uint64_t(frame + 1) / table.count());
        if (percent != reported && !progress(reported = percent))
            return std::nullopt;
    }
    digests.sha256 = whole.result();
    return digests;
}

bool compress(QIODevice *in, qint64 size, QIODevice *out, int level, const std::function<bool(qint64)> &progress,
              Error *error)
{
    std::unique_ptr<ZSTD_CCtx, ContextDeleter> context(ZSTD_createCCtx());
    ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(context.get(), ZSTD_c_contentSizeFlag, 1);
    QByteArray chunk(kChunkBytes, Qt::Uninitialized);
    QByteArray frame(qsizetype(ZSTD_compressBound(std::size_t(kChunkBytes))), Qt::Uninitialized);
    QByteArray table;
    std::uint32_t frames = 0;
    if (size <= 0) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), u"an empty image has nothing to compress"_qs};
        return false;
    }
    for (qint64 done = 0; done < size;) {
        const qint64 length = std::min(kChunkBytes, size - done);
        if (in->read(chunk.data(), length) != length) {
            *error = {QLatin1String(ErrorCode::StorageError), QStringLiteral("cannot read the image: %1").arg(in->errorString())};
            return false;
        }
        const std::size_t written = ZSTD_compress2(context.get(), frame.data(), std::size_t(frame.size()),
                                                   chunk.constData(), std::size_t(length));
        if (ZSTD_isError(written)) {
            *error = {QLatin1String(ErrorCode::StorageError), QString::fromLatin1(ZSTD_getErrorName(written))};
            return false;
        }
        if (out->write(frame.constData(), qint64(written)) != qint64(written)) {
            *error = {QLatin1String(ErrorCode::StorageError), QStringLiteral("cannot write: %1").arg(out->errorString())};
            return false;
        }
        appendLittleEndian32(&table, std::uint32_t(written));
        appendLittleEndian32(&table, std::uint32_t(length));
        ++frames;
        done += length;
        if (!progress(done)) {
            *error = {QLatin1String(ErrorCode::StorageError), u"stopped"_qs};
            return false;
        }
    }
    QByteArray seekTable;
    appendLittleEndian32(&seekTable, kSkippableMagic);
    appendLittleEndian32(&seekTable, std::uint32_t(table.size() + kFooterSize));
    seekTable += table;
    appendLittleEndian32(&seekTable, frames);
    seekTable.append(char(0)); // no checksums: each chunk has its SHA-256
    appendLittleEndian32(&seekTable, kSeekableMagic);
    if (out->write(seekTable) != seekTable.size()) {
        *error = {QLatin1String(ErrorCode::StorageError), QStringLiteral("cannot write: %1").arg(out->errorString())};
        return false;
    }
    return true;
}

} // namespace SeekableZstd
} // namespace deploycast
