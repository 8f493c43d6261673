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

} // namespace deploycast
