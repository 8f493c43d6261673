// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

namespace deploycast {

// WCAG 2 contrast ratio of two colours: 1 (none) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);

// A red for warnings that reads at kWarningContrast or better against the
// palette's window colour: darker on light palettes, lighter on dark ones.
QColor warningTextColor(const QPalette &palette);
inline constexpr double kWarningContrast = 4.5;

// A stalled client's row: the palette's base tinted towards amber, enough
// to see on light and dark palettes, its text still reading as on base.
QColor stalledRowBackground(const QPalette &palette);

} // namespace deploycast
