// SPDX-License-Identifier: GPL-3.0-or-later
// Chunks of zeros, told from digests alone, as the sender's carousel and
// the receiver use them.
#include "common/sha256.h"
#include "protocol/block_datagram.h"
#include "receiver/chunk_verifier.h"
#include "transfer/zero_chunks.h"

#include <QTest>

using namespace deploycast;

namespace {

// The digests of an image whose chunks are zeros where `zero` says so
// (random-looking bytes elsewhere), ending in a chunk of `lastLength` bytes.
ImageDigests digestsOf(const std::vector<bool> &zero, qint64 lastLength, QByteArray *image = nullptr)
{
    ImageDigests digests;
    for (std::size_t chunk = 0; chunk < zero.size(); ++chunk) {
        const qint64 length = chunk + 1 == zero.size() ? lastLength : kChunkBytes;
        QByteArray bytes(length, '\0');
        if (!zero[chunk])
            for (qint64 i = 0; i < length; ++i)
                bytes[i] = char((i + 1) * (chunk + 7) * 2654435761u >> 11);
        digests.chunkSha256 += Sha256::of(bytes.constData(), std::size_t(length));
        if (image)
            *image += bytes;
    }
    return digests;
}

qint64 sizeOf(std::size_t chunks, qint64 lastLength)
{
    return qint64(chunks - 1) * kChunkBytes + lastLength;
}
} // namespace

class TestZeroChunks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void zeroChunksAreToldByTheirDigest()
    {
        const std::vector<bool> zero{false, true, true, false, true};
        const ZeroChunks chunks(digestsOf(zero, 5000), sizeOf(zero.size(), 5000));
        for (std::uint32_t chunk = 0; chunk < zero.size(); ++chunk)
            QCOMPARE(chunks.isZero(chunk), bool(zero[chunk]));
        QCOMPARE(chunks.zeroChunkCount(), 3u);
        QVERIFY(!chunks.allZero());
        // A digest of zeros of another length is not one of this chunk.
        QVERIFY(!ZeroChunks::isZeroDigest(digestsOf({true}, 5000).chunk(0), 5001));
        QVERIFY(ZeroChunks::isZeroDigest(digestsOf({true}, 5000).chunk(0), 5000));
    }

    void theCarouselStepsOverZeroChunksAndWraps()
    {
        const std::vector<bool> zero{false, true, true, false, true};
        const qint64 size = sizeOf(zero.size(), 5000);
        const ZeroChunks chunks(digestsOf(zero, 5000), size);
        QCOMPARE(chunks.nextSent(0), 0u);
        QCOMPARE(chunks.nextSent(kChunkBlocks - 1), kChunkBlocks - 1);
        QCOMPARE(chunks.nextSent(kChunkBlocks), 3 * kChunkBlocks);       // chunks 1 and 2 stepped over
        QCOMPARE(chunks.nextSent(4 * kChunkBlocks + 2), 0u);             // the last chunk is zeros: round to 0
        const ZeroChunks none(digestsOf({false, false}, 10), sizeOf(2, 10));
        QCOMPARE(none.nextSent(kChunkBlocks + 1), kChunkBlocks + 1);
        const qint64 allZeroSize = sizeOf(2, 10);
        const ZeroChunks all(digestsOf({true, true}, 10), allZeroSize);
        QVERIFY(all.allZero());
        QCOMPARE(all.nextSent(0), std::uint32_t((allZeroSize + 1399) / 1400)); // nothing to send
    }

    void zeroBlocksInRangesAreCounted()
    {
        const std::vector<bool> zero{false, true, true, false, true};
        const ZeroChunks chunks(digestsOf(zero, 5000), sizeOf(zero.size(), 5000));
        const std::uint32_t lastChunkBlocks = (5000 + 1399) / 1400;
        QCOMPARE(chunks.zeroBlocksIn({{0, kChunkBlocks - 1}}), 0u);
        QCOMPARE(chunks.zeroBlocksIn({{kChunkBlocks - 10, kChunkBlocks + 9}}), 10u);
        QCOMPARE(chunks.zeroBlocksIn({{0, 5 * kChunkBlocks}}), std::uint64_t(2 * kChunkBlocks + lastChunkBlocks));
        QCOMPARE(chunks.zeroBlocksIn({{5, 6}, {2 * kChunkBlocks, 2 * kChunkBlocks + 99}}), 100u);
    }

    void aReceiverTakesZeroChunksUnreadAndStillHashesTheWholeImage()
    {
        const std::vector<bool> zero{true, false, true, false};
        QByteArray image;
        const ImageDigests digests = digestsOf(zero, 3000, &image);
        const auto blockCount = std::uint32_t((image.size() + 1399) / 1400);
        ChunkVerifier verifier;
        verifier.start(blockCount, true, [&](std::uint32_t chunk, QByteArray *bytes) {
            *bytes = image.mid(qsizetype(chunk) * kChunkBytes, kChunkBytes);
            return true;
        });
        QVERIFY(verifier.addDigests(0, digests.chunkSha256));
        std::vector<std::uint32_t> bad;
        // The data chunks arrive; the zero chunks are taken without data.
        QVERIFY(verifier.stored(kChunkBlocks, kChunkBlocks, &bad));
        QVERIFY(verifier.acceptUnread(0));
        QVERIFY(verifier.acceptUnread(2));
        QVERIFY(verifier.acceptUnread(2)); // once only
        QVERIFY(!verifier.allVerified());
        QVERIFY(verifier.stored(3 * kChunkBlocks, blockCount - 3 * kChunkBlocks, &bad));
        QVERIFY(bad.empty());
        QVERIFY(verifier.allVerified());
        QCOMPARE(verifier.imageSha256(), Sha256::of(image.constData(), std::size_t(image.size())));
    }
};

QTEST_GUILESS_MAIN(TestZeroChunks)
#include "tst_zero_chunks.moc"
