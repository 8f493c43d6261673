// SPDX-License-Identifier: GPL-3.0-or-later
#include "units.h"

#include <limits>

namespace deploycast {

QString formatRate(qint64 bytesPerSecond, const QLocale &locale)
{
    // Network rates are decimal by convention.
    const double value = double(bytesPerSecond);
    if (value >= 1e9)
        return QStringLiteral("%1 GB/s").arg(locale.toString(value / 1e9, 'f', 2));
    if (value >= 1e6)
        return QStringLiteral("%1 MB/s").arg(locale.toString(value / 1e6, 'f', 1));
    if (value >= 1e3)
        return QStringLiteral("%1 kB/s").arg(locale.toString(value / 1e3, 'f', 1));
    return QStringLiteral("%1 B/s").arg(locale.toString(bytesPerSecond));
}

QString formatSize(qint64 bytes, const QLocale &locale)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    return unit == 0 ? QStringLiteral("%1 B").arg(locale.toString(bytes))
                     : QStringLiteral("%1 %2").arg(locale.toString(value, 'f', 1), QLatin1String(units[unit]));
}

QString formatDuration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = seconds / 60 % 60;
    const qint64 secs = seconds % 60;
    const QLatin1Char zero('0');
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, zero).arg(secs, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(minutes, 2, 10, zero).arg(secs, 2, 10, zero);
}

std::optional<qint64> parseByteSize(const QString &text)
{
    QString digits = text.trimmed();
    qint64 multiple = 1;
    const QString suffixes = u"KMG"_qs;
    if (const qsizetype unit = suffixes.indexOf(digits.right(1).toUpper()); !digits.isEmpty() && unit >= 0) {
        multiple = qint64(1) << (10 * (unit + 1));
        digits.chop(1);
    }
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok || value < 0 || value > std::numeric_limits<qint64>::max() / multiple)
        return std::nullopt;
    return value * multiple;
}

} // namespace deploycast
