// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

#include <optional>

namespace deploycast {

// Human units shared by the command line and the console.
// In `locale`'s digits and separators: the command line's output stays in
// C for scripts; the console passes the admin's locale ("12,3 Mo/s" is not
// attempted: unit symbols stay SI/IEC, only numbers follow the locale).
QString formatRate(qint64 bytesPerSecond, const QLocale &locale = QLocale::c()); // "12.3 MB/s"
QString formatSize(qint64 bytes, const QLocale &locale = QLocale::c());          // "256.0 MiB"
QString formatDuration(qint64 seconds);     // "1:02:03" or "02:03"
// "4096", "64K", "16M", "2G" (binary multiples); nothing if it is not one.
std::optional<qint64> parseByteSize(const QString &text);

} // namespace deploycast
