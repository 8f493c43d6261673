#pragma once

#include <QString>

#include <optional>

namespace deploycast {

// Human units shared by the command line and the console.
QString formatRate(qint64 bytesPerSecond);  // "12.3 MB/s"
QString formatSize(qint64 bytes);           // "256.0 MiB"
QString formatDuration(qint64 seconds);     // "1:02:03" or "02:03"
// "4096", "64K", "16M", "2G" (binary multiples); nothing if it is not one.
std::optional<qint64> parseByteSize(const QString &text);

} // namespace deploycast
