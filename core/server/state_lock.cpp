// SPDX-License-Identifier: GPL-3.0-or-later
#include "state_lock.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace deploycast {

StateLock::~StateLock()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool StateLock::acquire(const QString &stateDirectory, Error *error)
{
    const QString path = stateDirectory + u"/deploycastd.lock"_qs;
    m_fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("cannot open %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)))};
        return false;
    }
    struct flock whole = {};
    whole.l_type = F_WRLCK;
    whole.l_whence = SEEK_SET;
    if (::fcntl(m_fd, F_SETLK, &whole) != 0) {
        struct flock holder = whole;
        const bool known = ::fcntl(m_fd, F_GETLK, &holder) == 0 && holder.l_type != F_UNLCK;
        *error = {QLatin1String(ErrorCode::StorageError),
                  known ? QStringLiteral("another deploycastd (PID %1) is using the state directory %2; stop it first, "
                                         "or give this one its own --state-dir").arg(holder.l_pid).arg(stateDirectory)
                        : QStringLiteral("another deploycastd is using the state directory %1").arg(stateDirectory)};
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    // The lock is what matters; the PID in the file is a courtesy to people.
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    [[maybe_unused]] const bool written = ::ftruncate(m_fd, 0) == 0 && ::pwrite(m_fd, pid.constData(), std::size_t(pid.size()), 0) > 0;
    return true;
}

} // namespace deploycast
