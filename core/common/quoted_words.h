// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace deploycast {

// The words of a command line as both cmd.exe (for WDSUTIL) and the Linux
// kernel (/proc/cmdline) split one: at spaces, except inside double quotes,
// which are dropped ("a=\"b c\"" is the one word a=b c).
QStringList splitQuotedWords(const QString &line);

} // namespace deploycast
