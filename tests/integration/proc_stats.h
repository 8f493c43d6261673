// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QString>

#include <unistd.h>

// What the kernel says a process costs, from /proc: resident memory and CPU
// time used so far. Tests compare these before and after an attack.
namespace proc_stats {

// A memory bound, in KiB, for a test of the server's memory. AddressSanitizer
// gives every allocation redzones and the heap a shadow, so in such a build
// (the server under test is built the same way) the same queues take about
// twice as much: the bound follows.
inline constexpr qint64 boundKiB(qint64 megabytes)
{
#if defined(__SANITIZE_ADDRESS__)
    return 2 * megabytes * 1024;
#else
    return megabytes * 1024;
#endif
}

inline qint64 residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

// User plus system time, in seconds.
inline double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) in parentheses.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(fields[11].toLongLong() + fields[12].toLongLong()); // utime, stime
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

} // namespace proc_stats
