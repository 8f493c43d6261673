// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace deploycast {

// pread and pwrite until every byte is done, through EINTR and short counts.
// False on an error (errno says which) or, reading, at the end of the file.
bool readFully(int fd, void *data, qint64 length, qint64 offset);
bool writeFully(int fd, const void *data, qint64 length, qint64 offset);

} // namespace deploycast
