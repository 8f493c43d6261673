// SPDX-License-Identifier: GPL-3.0-or-later
// Block ranges as NAKs and fetches carry them: whatever a peer sends, what
// the server works on is sorted, merged, inside the image and bounded.
#include "protocol/range_codec.h"

#include <QCborArray>
#include <QTest>

using namespace deploycast;

using Ranges = std::vector<BlockRange>;

class TestRangeCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void repeatsOverlapsAndDisorderComeOutMerged()
    {
        QCborArray wire;
        for (int i = 0; i < 4096; ++i) // the whole image, 4,096 times
            wire.append(QCborArray{0, 999});
        QCOMPARE(rangesFromCbor(wire, 1000, 4096), (Ranges{{0, 999}}));
        const QCborArray scattered{QCborArray{50, 60}, QCborArray{10, 20}, QCborArray{21, 30}, QCborArray{55, 70},
                                   QCborArray{100, 100}};
        QCOMPARE(rangesFromCbor(scattered, 1000, 4096), (Ranges{{10, 30}, {50, 70}, {100, 100}}));
    }

    void malformedAndOutsideRangesAreDropped()
    {
        const QCborArray wire{QCborArray{5, 3},  QCborArray{-1, 4},      QCborArray{0, 1000}, QCborArray{u"a"_qs, 2},
                              QCborArray{1},     QCborValue(7),          QCborArray{998, 999}};
        QCOMPARE(rangesFromCbor(wire, 1000, 4096), (Ranges{{998, 999}}));
        QCOMPARE(rangesFromCbor(QCborValue(u"ranges"_qs), 1000, 4096), Ranges{});
    }

    void atMostMaxRangesAreRead()
    {
        QCborArray wire;
        for (int i = 0; i < 10; ++i)
            wire.append(QCborArray{i * 10, i * 10 + 1});
        QCOMPARE(rangesFromCbor(wire, 1000, 3).size(), std::size_t(3));
    }

    void intersectionKeepsWhatBothHold()
    {
        const Ranges asked{{0, 9}, {20, 29}, {40, 100}};
        const Ranges sent{{5, 24}, {90, 95}, {99, 200}};
        QCOMPARE(intersection(asked, sent), (Ranges{{5, 9}, {20, 24}, {90, 95}, {99, 100}}));
        QCOMPARE(blocksIn(intersection(asked, sent)), std::uint64_t(5 + 5 + 6 + 2));
        QCOMPARE(intersection(asked, Ranges{}), Ranges{});
    }
};

QTEST_GUILESS_MAIN(TestRangeCodec)
#include "tst_range_codec.moc"
