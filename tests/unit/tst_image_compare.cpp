// SPDX-License-Identifier: GPL-3.0-or-later
#include "image_compare.h"

#include <QPainter>
#include <QTest>

// The baseline comparator must see a small, real change: here a one-pixel-wide
// change of colour in a synthetic "Force warning" (red text on grey).
class TestImageCompare : public QObject
{
    Q_OBJECT
private:
    static QImage warning(QColor textColour)
    {
        QImage image(400, 60, QImage::Format_ARGB32);
        image.fill(QColor(239, 239, 239));
        QPainter painter(&image);
        painter.fillRect(QRect(10, 10, 32, 32), QColor(250, 200, 0)); // the warning icon
        painter.setPen(textColour);
        for (int x = 60; x < 380; x += 4)
            painter.drawLine(x, 20, x, 40); // strokes standing in for glyphs
        return image;
    }

private Q_SLOTS:
    void identicalPicturesMatch()
    {
        const ImageComparison result = compareImages(warning(QColor(160, 0, 0)), warning(QColor(160, 0, 0)), 8);
        QVERIFY(result.sameSize);
        QCOMPARE(result.differingPixels, 0);
    }

    void anOnePixelWideColourChangeIsCaught()
    {
        const QImage expected = warning(QColor(160, 0, 0));
        QImage actual = expected;
        // Recolour one stroke: a column one pixel wide, 21 pixels high.
        for (int y = 20; y <= 40; ++y)
            actual.setPixelColor(60, y, QColor(0, 0, 160));
        const ImageComparison result = compareImages(expected, actual, 8);
        QCOMPARE(result.differingPixels, 21);
        QVERIFY(result.differingShare > 0);
        // The baseline tests allow at most this share, which 21 of 24,000 pixels exceeds.
        QVERIFY(result.differingShare > 0.0005);
        QCOMPARE(result.diff.pixelColor(60, 30), QColor(255, 0, 0));
        QVERIFY(result.diff.pixelColor(100, 5) != QColor(255, 0, 0));
    }

    void smallShiftsWithinToleranceAreIgnored()
    {
        const QImage expected = warning(QColor(160, 0, 0));
        const QImage actual = warning(QColor(165, 3, 0)); // anti-aliasing-sized drift
        QCOMPARE(compareImages(expected, actual, 8).differingPixels, 0);
    }

    void aDifferentSizeNeverMatches()
    {
        const ImageComparison result = compareImages(warning(Qt::red), warning(Qt::red).scaled(399, 60), 8);
        QVERIFY(!result.sameSize);
        QCOMPARE(result.differingShare, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestImageCompare)
#include "tst_image_compare.moc"
