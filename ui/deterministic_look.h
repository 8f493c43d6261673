// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QString>

#include <optional>

namespace deploycast {

// The same pixels on every machine, for screenshot baselines: Fusion with
// its standard palette, one font (DejaVu Sans from fonts-dejavu-core), no
// animations, and a cursor that does not blink. Call after QApplication
// exists and before any widget is created.
void applyDeterministicLook();

// The console's colours: the desktop's (System), or Fusion's light or dark
// palette, so admins and screenshots can pick one whatever the desktop.
enum class ConsolePalette { System, Light, Dark };
std::optional<ConsolePalette> consolePaletteFromString(const QString &text);
void applyPalette(ConsolePalette palette);
// A dark palette in the Fusion style's manner (what dark desktop themes give).
QPalette darkPalette();

} // namespace deploycast
