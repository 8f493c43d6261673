// SPDX-License-Identifier: GPL-3.0-or-later
#include "palette_colors.h"

#include <algorithm>
#include <cmath>

namespace deploycast {
namespace {

double relativeLuminance(const QColor &color)
{
    auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double lighter = std::max(relativeLuminance(a), relativeLuminance(b));
    const double darker = std::min(relativeLuminance(a), relativeLuminance(b));
    return (lighter + 0.05) / (darker + 0.05);
}

QColor warningTextColor(const QPalette &palette)
{
    const QColor background = palette.color(QPalette::Window);
    const bool darkBackground = relativeLuminance(background) < 0.18;
    // A strong red, moved away from the background's lightness a step at a
    // time until it reads; a margin above the threshold keeps antialiased
    // edges legible too.
    const double wanted = kWarningContrast + 0.5;
    QColor color;
    for (int step = 0; step <= 100; ++step) {
        const double lightness = darkBackground ? 0.55 + 0.0045 * step : 0.40 - 0.004 * step;
        color = QColor::fromHslF(0.0f, 0.85f, float(std::clamp(lightness, 0.0, 1.0)));
        if (contrastRatio(color, background) >= wanted)
            return color;
    }
    return darkBackground ? QColor(Qt::white) : QColor(Qt::black);
}

QColor stalledRowBackground(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor amber = QColor::fromHslF(0.08f, 0.7f, 0.5f);
    const float share = 0.28f;
    return QColor::fromRgbF(base.redF() * (1 - share) + amber.redF() * share,
                            base.greenF() * (1 - share) + amber.greenF() * share,
                            base.blueF() * (1 - share) + amber.blueF() * share);
}

} // namespace deploycast
