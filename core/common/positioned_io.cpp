// SPDX-License-Identifier: GPL-3.0-or-later
#include "positioned_io.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace deploycast {

bool readFully(int fd, void *data, qint64 length, qint64 offset)
{
    auto *bytes = static_cast<char *>(data);
    while (length > 0) {
        const ssize_t got = ::pread(fd, bytes, size_t(length), offset);
        if (got < 0 && errno == EINTR)
            continue;
        if (got == 0)
            errno = 0; // the end of the file, not an error
        if (got <= 0)
            return false;
        bytes += got;
        offset += got;
        length -= got;
    }
    return true;
}

bool writeFully(int fd, const void *data, qint64 length, qint64 offset)
{
    const auto *bytes = static_cast<const char *>(data);
    while (length > 0) {
        const ssize_t written = ::pwrite(fd, bytes, size_t(length), offset);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        bytes += written;
        offset += written;
        length -= written;
    }
    return true;
}

void Writeback::wrote(int fd, qint64 bytes)
{
    m_pending += bytes;
    if (m_pending >= kEveryBytes) {
        ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
        m_pending = 0;
    }
}

} // namespace deploycast
