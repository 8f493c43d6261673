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
