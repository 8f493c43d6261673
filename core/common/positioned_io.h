// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace deploycast {

// pread and pwrite until every byte is done, through EINTR and short counts.
// False on an error (errno says which) or, reading, at the end of the file
// (errno then 0).
bool readFully(int fd, void *data, qint64 length, qint64 offset);
bool writeFully(int fd, const void *data, qint64 length, qint64 offset);

// Starts the kernel writing back what was written every 16 MiB, so the
// fsync at the end finds little left to do (on a fast transfer it was a
// tenth of the time). Asynchronous: it queues the dirty pages and returns;
// durability still comes from the fsync.
class Writeback
{
public:
    void wrote(int fd, qint64 bytes);

private:
    static constexpr qint64 kEveryBytes = 16 * 1024 * 1024;
    qint64 m_pending = 0;
};

} // namespace deploycast
