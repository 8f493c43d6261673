// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QString>

namespace deploycast {

// One deploycastd per state directory: two would hand out the same client
// IDs and overwrite each other's state. The lock is a POSIX record lock on
// STATE/deploycastd.lock, held for the life of the process; the kernel drops
// it when the process ends, however it ends, so a crash leaves nothing to
// clean up. The file also holds the PID, for people.
class StateLock
{
public:
    StateLock() = default;
    ~StateLock();
    StateLock(const StateLock &) = delete;
    StateLock &operator=(const StateLock &) = delete;

    // False, naming the process that holds it, if another has it.
    bool acquire(const QString &stateDirectory, Error *error);

private:
    int m_fd = -1;
};

} // namespace deploycast
