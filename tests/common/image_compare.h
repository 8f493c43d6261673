// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>

// Screenshot comparison for the baseline tests: two pictures match when no
// more than a small share of pixels differ by more than a per-channel
// tolerance (anti-aliasing may move a channel by a few levels; a changed
// colour or string moves many pixels a lot).
struct ImageComparison {
    bool sameSize = false;
    qint64 differingPixels = 0;
    double differingShare = 0; // of all pixels
    QImage diff;               // differing pixels in red over a faded copy of the expected picture
};

ImageComparison compareImages(const QImage &expected, const QImage &actual, int channelTolerance);
