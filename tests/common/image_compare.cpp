// SPDX-License-Identifier: GPL-3.0-or-later
#include "image_compare.h"

#include <cstdlib>

ImageComparison compareImages(const QImage &expectedIn, const QImage &actualIn, int channelTolerance)
{
    ImageComparison result;
    const QImage expected = expectedIn.convertToFormat(QImage::Format_ARGB32);
    const QImage actual = actualIn.convertToFormat(QImage::Format_ARGB32);
    result.sameSize = expected.size() == actual.size();
    if (!result.sameSize) {
        result.differingShare = 1.0;
        result.diff = actual;
        return result;
    }
    result.diff = QImage(expected.size(), QImage::Format_ARGB32);
    for (int y = 0; y < expected.height(); ++y) {
        const auto *e = reinterpret_cast<const QRgb *>(expected.constScanLine(y));
        const auto *a = reinterpret_cast<const QRgb *>(actual.constScanLine(y));
        auto *d = reinterpret_cast<QRgb *>(result.diff.scanLine(y));
        for (int x = 0; x < expected.width(); ++x) {
            const int worst = std::max({std::abs(qRed(e[x]) - qRed(a[x])), std::abs(qGreen(e[x]) - qGreen(a[x])),
                                        std::abs(qBlue(e[x]) - qBlue(a[x])), std::abs(qAlpha(e[x]) - qAlpha(a[x]))});
            if (worst > channelTolerance) {
                ++result.differingPixels;
                d[x] = qRgb(255, 0, 0);
            } else {
                const int grey = 192 + qGray(e[x]) / 4;
                d[x] = qRgb(grey, grey, grey);
            }
        }
    }
    result.differingShare = double(result.differingPixels) / double(qint64(expected.width()) * expected.height());
    return result;
}
