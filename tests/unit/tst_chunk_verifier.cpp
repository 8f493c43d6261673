// SPDX-License-Identifier: GPL-3.0-or-later
// A receiver's chunk-by-chunk check: good chunks feed the image's SHA-256 in
// order, a bad one is named and counted for fetching again, and chunks that
// complete before their digest is in wait for it.
#include "common/sha256.h"
#include "protocol/block_datagram.h"
#include "receiver/chunk_verifier.h"
#include "transfer/image_digests.h"

#include <QRandomGenerator>
#include <QTest>

using namespace deploycast;

namespace {
// Two and a half chunks of pseudo-random bytes.
constexpr std::uint32_t kBlocks = 2 * kChunkBlocks + kChunkBlocks / 2;
constexpr qint64 kSize = qint64(kBlocks) * qint64(kBlockPayloadSize) - 100; // a short last block
} // namespace

class TestChunkVerifier : public QObject
{
    Q_OBJECT
private:
    QByteArray image;
    QByteArray stored; // what the receiver wrote, forged or not

    QByteArray chunkOf(const QByteArray &bytes, std::uint32_t chunk) const
    {
        const BlockRange blocks = blocksOfChunk(chunk, kBlocks);
        const qint64 first = qint64(blocks.first) * qint64(kBlockPayloadSize);
        const qint64 end = std::min<qint64>(kSize, (qint64(blocks.last) + 1) * qint64(kBlockPayloadSize));
        return bytes.mid(first, end - first);
    }
    QByteArray digests() const
    {
        QByteArray all;
        for (std::uint32_t chunk = 0; chunk < chunkCountFor(kBlocks); ++chunk) {
            const QByteArray bytes = chunkOf(image, chunk);
            all += Sha256::of(bytes.constData(), std::size_t(bytes.size()));
        }
        return all;
    }
    ChunkVerifier::ReadChunk reader()
    {
        return [this](std::uint32_t chunk, QByteArray *bytes) {
            *bytes = chunkOf(stored, chunk);
            return true;
        };
    }

private Q_SLOTS:
    void init()
    {
        image = QByteArray(kSize, Qt::Uninitialized);
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(image.data()), int(kSize / 4));
        stored = image;
    }

    void goodChunksInAnyOrderMakeTheImageHash()
    {
        ChunkVerifier verifier;
        verifier.start(kBlocks, true, reader());
        QVERIFY(verifier.addDigests(0, digests()));
        std::vector<std::uint32_t> bad;
        // The last chunk first, then the middle, then the first, block by block.
        QVERIFY(verifier.stored(2 * kChunkBlocks, kBlocks - 2 * kChunkBlocks, &bad));
        QVERIFY(verifier.stored(kChunkBlocks, kChunkBlocks, &bad));
        QVERIFY(!verifier.allVerified());
        for (std::uint32_t block = 0; block < kChunkBlocks; ++block)
            QVERIFY(verifier.stored(block, 1, &bad));
        QVERIFY(bad.empty());
        QVERIFY(verifier.allVerified());
        QCOMPARE(verifier.imageSha256(), Sha256::of(image.constData(), std::size_t(image.size())));
    }

    void aForgedBlockFailsItsChunkOnly()
    {
        stored[kChunkBytes + 5] ^= 1; // in chunk 1
        ChunkVerifier verifier;
        verifier.start(kBlocks, true, reader());
        QVERIFY(verifier.addDigests(0, digests()));
        std::vector<std::uint32_t> bad;
        QVERIFY(verifier.stored(0, kBlocks, &bad));
        QCOMPARE(bad, std::vector<std::uint32_t>{1});
        QCOMPARE(verifier.failures(), 1u);
        QVERIFY(!verifier.allVerified());
        // Received again, right this time.
        stored = image;
        bad.clear();
        QVERIFY(verifier.stored(kChunkBlocks, kChunkBlocks, &bad));
        QVERIFY(bad.empty());
        QVERIFY(verifier.allVerified());
        QCOMPARE(verifier.imageSha256(), Sha256::of(image.constData(), std::size_t(image.size())));
    }

    void chunksWaitForTheirDigests()
    {
        stored[10] ^= 1; // chunk 0 is bad, which only its digest can tell
        ChunkVerifier verifier;
        verifier.start(kBlocks, true, reader());
        std::vector<std::uint32_t> bad;
        QVERIFY(verifier.stored(0, kBlocks, &bad));
        QVERIFY(bad.empty());
        QVERIFY(!verifier.allVerified());
        const QByteArray all = digests();
        QVERIFY(verifier.addDigests(0, all.left(kDigestSize)));
        QVERIFY(verifier.addDigests(1, all.mid(kDigestSize)));
        QVERIFY(verifier.checkWaiting(&bad));
        QCOMPARE(bad, std::vector<std::uint32_t>{0});
    }

    void digestsThatDoNotFitAreRefused()
    {
        ChunkVerifier verifier;
        verifier.start(kBlocks, true, reader());
        QVERIFY(!verifier.addDigests(0, QByteArray(4 * kDigestSize, 'x'))); // three chunks only
        QVERIFY(!verifier.addDigests(3, QByteArray(kDigestSize, 'x')));
        QVERIFY(!verifier.addDigests(0, QByteArray(kDigestSize + 1, 'x')));
        QVERIFY(!verifier.addDigests(0, QByteArray()));
    }

    void withoutDigestsOnlyTheWholeImageIsChecked()
    {
        ChunkVerifier verifier;
        verifier.start(kBlocks, false, reader());
        std::vector<std::uint32_t> bad;
        QVERIFY(verifier.stored(0, kBlocks, &bad));
        QVERIFY(bad.empty());
        QVERIFY(verifier.allVerified());
        QCOMPARE(verifier.imageSha256(), Sha256::of(image.constData(), std::size_t(image.size())));
    }
};

QTEST_GUILESS_MAIN(TestChunkVerifier)
#include "tst_chunk_verifier.moc"
