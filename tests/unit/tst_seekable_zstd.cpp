// SPDX-License-Identifier: GPL-3.0-or-later
// Compressed images: the seekable zstd format written and read back, damaged
// seek tables refused, and a receiver gathering frames from wire blocks.
#include "protocol/block_datagram.h"
#include "receiver/frame_assembler.h"
#include "transfer/content_file.h"
#include "transfer/seekable_zstd.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <random>

using namespace deploycast;

namespace {

// Three and a half chunks: noise, zeros, text, and a short noisy end.
QByteArray sampleImage()
{
    QByteArray image(3 * kChunkBytes + kChunkBytes / 2, '\0');
    QRandomGenerator random(7);
    for (qint64 i = 0; i < kChunkBytes; ++i)
        image[i] = char(random.generate());
    for (qint64 i = 2 * kChunkBytes; i < 3 * kChunkBytes; ++i)
        image[i] = "deploycast "[i % 11];
    for (qint64 i = 3 * kChunkBytes; i < image.size(); ++i)
        image[i] = char(random.generate());
    return image;
}

QByteArray compressed(const QByteArray &image)
{
    QByteArray source = image;
    QBuffer in(&source);
    QByteArray out;
    QBuffer sink(&out);
    in.open(QIODevice::ReadOnly);
    sink.open(QIODevice::WriteOnly);
    Error error;
    if (!SeekableZstd::compress(&in, image.size(), &sink, 3, [](qint64) { return true; }, &error))
        qFatal("compress: %s", qPrintable(error.message));
    return out;
}

std::shared_ptr<const ContentFile> fileOf(const QTemporaryDir &dir, const QByteArray &bytes)
{
    QFile file(dir.filePath(u"image.img.zst"_qs));
    file.open(QIODevice::WriteOnly);
    file.write(bytes);
    file.close();
    Error error;
    return ContentFile::open(file.fileName(), &error);
}

void putLittleEndian32(QByteArray *bytes, qsizetype at, std::uint32_t value)
{
    qToLittleEndian<quint32>(value, bytes->data() + at);
}
} // namespace

class TestSeekableZstd : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aCompressedImageReadsBackChunkByChunk()
    {
        const QByteArray image = sampleImage();
        QTemporaryDir dir;
        const auto file = fileOf(dir, compressed(image));
        QVERIFY(SeekableZstd::looksSeekable(*file));
        Error error;
        const std::optional<FrameTable> table = SeekableZstd::readTable(*file, &error);
        QVERIFY2(table, qPrintable(error.message));
        QCOMPARE(table->count(), 4u);
        QCOMPARE(table->imageSize, qint64(image.size()));
        QVERIFY(file->size() < image.size() / 2);
        for (std::uint32_t frame = 0; frame < table->count(); ++frame) {
            QByteArray bytes(table->compressedSizes[frame], Qt::Uninitialized);
            QVERIFY(file->read(table->offsets[frame], bytes.size(), bytes.data(), &error));
            const qint64 expected = std::min(kChunkBytes, image.size() - frame * kChunkBytes);
            QByteArray chunk;
            QVERIFY(SeekableZstd::decompressFrame(bytes.constData(), std::size_t(bytes.size()), expected, &chunk));
            QCOMPARE(chunk, image.mid(frame * kChunkBytes, expected));
            // One byte short is not a whole frame.
            QVERIFY(!SeekableZstd::decompressFrame(bytes.constData(), std::size_t(bytes.size() - 1), expected, &chunk));
        }
        // Its digests are the uncompressed image's.
        const auto digests = SeekableZstd::hashImage(*file, *table, [](int) { return true; }, &error);
        QVERIFY(digests);
        QCOMPARE(digests->sha256, QCryptographicHash::hash(image, QCryptographicHash::Sha256));
        QCOMPARE(digests->chunk(2), QCryptographicHash::hash(image.mid(2 * kChunkBytes, kChunkBytes), QCryptographicHash::Sha256));
    }

    void aDamagedSeekTableIsRefused_data()
    {
        QTest::addColumn<int>("damage");
        QTest::addColumn<QString>("message");
        QTest::newRow("frame not a chunk") << 0 << u"must hold one chunk"_qs;
        QTest::newRow("reserved bits") << 1 << u"reserved bits"_qs;
        QTest::newRow("too many frames") << 2 << u"names"_qs;
        QTest::newRow("frames do not fill the file") << 3 << u"the seek table starts at"_qs;
    }

    void aDamagedSeekTableIsRefused()
    {
        QFETCH(int, damage);
        QFETCH(QString, message);
        QByteArray bytes = compressed(sampleImage());
        const qsizetype footer = bytes.size() - 9;
        const qsizetype entries = footer - 4 * 8; // four frames of 8 bytes
        switch (damage) {
        case 0: putLittleEndian32(&bytes, entries + 4, 4096); break;             // frame 0 decompresses to 4 KiB
        case 1: bytes[footer + 4] = char(0x04); break;
        case 2: putLittleEndian32(&bytes, footer, 1000000); break;
        case 3: putLittleEndian32(&bytes, entries, bytes.size()); break;       // frame 0 as long as the whole file
        }
        QTemporaryDir dir;
        const auto file = fileOf(dir, bytes);
        QVERIFY(SeekableZstd::looksSeekable(*file));
        Error error;
        QVERIFY(!SeekableZstd::readTable(*file, &error));
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
    }

    void framesAreGatheredFromBlocksInAnyOrderAndAgainAfterAFailure()
    {
        const QByteArray wire = compressed(sampleImage());
        QTemporaryDir dir;
        Error error;
        const FrameTable table = *SeekableZstd::readTable(*fileOf(dir, wire), &error);
        const auto blocks = std::uint32_t((wire.size() + 1399) / 1400);
        FrameAssembler assembler;
        assembler.start(wire.size(), table.count());
        QVERIFY(!assembler.canTake(0)); // no frame sizes yet
        QByteArray sizes(qsizetype(table.count()) * 4, Qt::Uninitialized);
        for (std::uint32_t frame = 0; frame < table.count(); ++frame)
            qToBigEndian<quint32>(table.compressedSizes[frame], sizes.data() + frame * 4);
        QVERIFY(!assembler.addFrames(1, sizes.left(4))); // out of order
        QVERIFY(assembler.addFrames(0, sizes.left(8)));
        QVERIFY(assembler.canTake(0));
        QVERIFY(!assembler.canTake(blocks - 1)); // frames 2 and 3 unknown
        QVERIFY(assembler.addFrames(2, sizes.mid(8)));
        QVERIFY(assembler.allFramesKnown());

        std::vector<std::uint32_t> order(blocks);
        std::iota(order.begin(), order.end(), 0u);
        std::shuffle(order.begin(), order.end(), std::mt19937(3));
        BlockBitmap held(blocks);
        std::vector<int> completions(table.count(), 0);
        auto feed = [&](std::uint32_t block) {
            held.set(block);
            const qint64 start = qint64(block) * 1400;
            std::vector<std::uint32_t> done;
            assembler.store(block, reinterpret_cast<const unsigned char *>(wire.constData() + start),
                            std::size_t(std::min<qint64>(1400, wire.size() - start)), held, &done);
            for (std::uint32_t frame : done) {
                ++completions[frame];
                QCOMPARE(assembler.take(frame), wire.mid(table.offsets[frame], table.compressedSizes[frame]));
            }
        };
        for (std::uint32_t block : order)
            feed(block);
        QCOMPARE(completions, std::vector<int>(table.count(), 1));
        QCOMPARE(assembler.heldBytes(), 0);
        // Frame 1 failed its check: its blocks come again, and it completes again.
        assembler.reopen(1);
        const BlockRange again = assembler.blocksOf(1);
        held.clearRange(again);
        for (std::uint32_t block = again.first; block <= again.last; ++block)
            feed(block);
        QCOMPARE(completions, std::vector<int>({1, 2, 1, 1}));
    }
};

QTEST_GUILESS_MAIN(TestSeekableZstd)
#include "tst_seekable_zstd.moc"
