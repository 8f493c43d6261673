// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace deploycast {

// Text from the network (machine names, tokens, messages) made safe for a
// terminal or a log line: control characters (C0, DEL, C1) and the Unicode
// direction overrides that can make a line read as something else are shown
// as escapes ("\x1b", "\n", "\u202e") instead of acting on the terminal or
// starting a forged line. Everything else is left as it is.
QString printable(const QString &text);

// Whether text holds none of the characters printable() would escape.
bool isPrintable(const QString &text);

} // namespace deploycast
