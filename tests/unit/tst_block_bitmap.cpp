// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/block_bitmap.h"

#include <QTest>

using namespace deploycast;

using Ranges = std::vector<BlockRange>;
Q_DECLARE_METATYPE(Ranges)

class TestBlockBitmap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setAndCount()
    {
        BlockBitmap bitmap(130);
        QVERIFY(bitmap.set(0));
        QVERIFY(!bitmap.set(0));
        QVERIFY(bitmap.set(129));
        QVERIFY(!bitmap.set(130)); // out of range is ignored
        QCOMPARE(bitmap.setCount(), 2u);
        QVERIFY(bitmap.clear(0));
        QCOMPARE(bitmap.setCount(), 1u);
        QVERIFY(!bitmap.isComplete());
    }

    void missingRanges()
    {
        BlockBitmap bitmap(200);
        for (std::uint32_t i = 0; i < 200; ++i)
            if (i < 10 || (i >= 20 && i < 150) || i >= 190)
                bitmap.set(i);
        // Missing: 10-19 and 150-189.
        QCOMPARE(bitmap.missingRanges(0, 200, 10), (Ranges{{10, 19}, {150, 189}}));
        QCOMPARE(bitmap.missingRanges(0, 200, 1), (Ranges{{10, 19}}));
        // A span that starts late and wraps round the end.
        QCOMPARE(bitmap.missingRanges(160, 70, 10), (Ranges{{160, 189}, {10, 19}}));
        QCOMPARE(bitmap.missingRanges(160, 5, 10), (Ranges{{160, 164}}));
        // Spans longer than the bitmap are clamped to one round.
        QCOMPARE(bitmap.missingRanges(0, 999, 10), (Ranges{{10, 19}, {150, 189}}));
    }

    // Against a bit-by-bit model: whole words, word edges, single bits.
    void rangesChangeExactlyTheirBits_data()
    {
        QTest::addColumn<quint32>("first");
        QTest::addColumn<quint32>("last");
        QTest::newRow("one bit") << 5u << 5u;
        QTest::newRow("inside a word") << 3u << 60u;
        QTest::newRow("a whole word") << 64u << 127u;
        QTest::newRow("across words") << 60u << 200u;
        QTest::newRow("to the end") << 190u << 299u;
        QTest::newRow("past the end") << 250u << 5000u;
    }

    void rangesChangeExactlyTheirBits()
    {
        QFETCH(quint32, first);
        QFETCH(quint32, last);
        BlockBitmap bitmap(300);
        bitmap.set(100); // already set: not counted twice
        const std::uint32_t inside = std::min(last, 299u) - first + 1;
        QCOMPARE(bitmap.setRange({first, last}), inside - (first <= 100 && 100 <= last ? 1 : 0));
        for (std::uint32_t i = 0; i < 300; ++i)
            QCOMPARE(bitmap.test(i), (i >= first && i <= last) || i == 100);
        QCOMPARE(bitmap.setCount(), inside + (first <= 100 && 100 <= last ? 0 : 1));
        QCOMPARE(bitmap.clearRange({first, last}), inside);
        QCOMPARE(bitmap.setCount(), (first <= 100 && 100 <= last) ? 0u : 1u);
    }

    void nextSetFindsTheNextBit()
    {
        BlockBitmap bitmap(300);
        QCOMPARE(bitmap.nextSet(0), 300u); // none
        bitmap.set(7);
        bitmap.set(64);
        bitmap.set(299);
        QCOMPARE(bitmap.nextSet(0), 7u);
        QCOMPARE(bitmap.nextSet(7), 7u);
        QCOMPARE(bitmap.nextSet(8), 64u);
        QCOMPARE(bitmap.nextSet(65), 299u);
        QCOMPARE(bitmap.nextSet(300), 300u);
    }

    void completeBitmapHasNoGaps()
    {
        BlockBitmap bitmap(64 * 3);
        for (std::uint32_t i = 0; i < bitmap.size(); ++i)
            bitmap.set(i);
        QVERIFY(bitmap.isComplete());
        QVERIFY(bitmap.missingRanges(7, bitmap.size(), 100).empty());
    }
};

QTEST_GUILESS_MAIN(TestBlockBitmap)
#include "tst_block_bitmap.moc"
