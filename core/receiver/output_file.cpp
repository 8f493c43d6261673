// SPDX-License-Identifier: GPL-3.0-or-later
#include "output_file.h"

#include "common/positioned_io.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/falloc.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace deploycast {
namespace {
Error ioError(const QString &what, const QString &path)
{
    return {QLatin1String(ErrorCode::StorageError),
            QStringLiteral("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno)))};
}
} // namespace

OutputFile::OutputFile(const QString &finalPath)
    : m_finalPath(QFileInfo(finalPath).absoluteFilePath())
{
}

OutputFile::~OutputFile()
{
    discard();
}

QString OutputFile::checkTarget(const QString &finalPath)
{
    const QFileInfo info(finalPath);
    if (!QFileInfo(info.absolutePath()).isDir())
        return QStringLiteral("the folder %1 does not exist").arg(info.absolutePath());
    struct stat status{};
    if (::stat(QFile::encodeName(finalPath).constData(), &status) != 0)
        return errno == ENOENT ? QString() : QStringLiteral("cannot look at %1: %2").arg(finalPath, QString::fromLocal8Bit(std::strerror(errno)));
    const char *kind = S_ISREG(status.st_mode) ? nullptr
                       : S_ISBLK(status.st_mode) ? "a block device"
                       : S_ISCHR(status.st_mode) ? "a character device"
                       : S_ISFIFO(status.st_mode) ? "a FIFO"
                       : S_ISSOCK(status.st_mode) ? "a socket"
                       : S_ISDIR(status.st_mode) ? "a folder"
                                                 : "something other than a file";
    if (!kind)
        return {};
    return QStringLiteral("%1 is %2, not a regular file; --output takes the name of a file to write").arg(finalPath, QLatin1String(kind));
}

QStringList OutputFile::removeStaleParts(const QString &finalPath)
{
    const QFileInfo info(finalPath);
    const QRegularExpression ours(u"^\\."_qs + QRegularExpression::escape(info.fileName()) + u"\\.[0-9a-f]{8}\\.part$"_qs);
    QStringList removed;
    const QDir folder(info.absolutePath());
    for (const QString &name : folder.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        if (!ours.match(name).hasMatch())
            continue;
        const QByteArray path = QFile::encodeName(folder.filePath(name));
        const int fd = ::open(path.constData(), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            continue;
        // A receiver that is still writing holds the lock; a killed one does not.
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(path.constData()) == 0)
            removed.append(name);
        ::close(fd);
    }
    return removed;
}

bool OutputFile::create(qint64 size, Error *error)
{
    const QFileInfo info(m_finalPath);
    m_temporaryPath = QStringLiteral("%1/.%2.%3.part")
                          .arg(info.absolutePath(), info.fileName())
                          .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    m_fd = ::open(QFile::encodeName(m_temporaryPath).constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (m_fd < 0) {
        *error = ioError(u"cannot create"_qs, m_temporaryPath);
        return false;
    }
    ::flock(m_fd, LOCK_EX); // ours alone, just made: held until it is closed
    const int rc = ::posix_fallocate(m_fd, 0, size);
    if (rc != 0) {
        errno = rc;
        *error = ioError(QStringLiteral("cannot reserve %1 bytes for").arg(size), m_temporaryPath);
        discard();
        return false;
    }
    return true;
}

bool OutputFile::writeAt(qint64 offset, const void *data, qint64 length, Error *error)
{
    if (!writeFully(m_fd, data, length, offset)) {
        *error = ioError(u"cannot write"_qs, m_temporaryPath);
        return false;
    }
    m_writeback.wrote(m_fd, length);
    return true;
}

bool OutputFile::readAt(qint64 offset, void *data, qint64 length, Error *error) const
{
    if (readFully(m_fd, data, length, offset))
        return true;
    *error = ioError(u"cannot read back"_qs, m_temporaryPath);
    return false;
}

bool OutputFile::zeroRange(qint64 offset, qint64 length, Error *error)
{
    // A hole reads as zeros and gives the space back. A file system without
    // holes gets the zeros written: a forged datagram may have put other
    // bytes there before the digests told the chunk was zeros.
    if (::fallocate(m_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, length) == 0)
        return true;
    if (errno != EOPNOTSUPP) {
        *error = ioError(u"cannot make a hole in"_qs, m_temporaryPath);
        return false;
    }
    constexpr qint64 kStep = 1024 * 1024;
    const QByteArray zeros(std::min(kStep, length), '\0');
    for (qint64 done = 0; done < length; done += kStep)
        if (!writeAt(offset + done, zeros.constData(), std::min(kStep, length - done), error))
            return false;
    return true;
}

bool OutputFile::flush(Error *error)
{
    if (::fsync(m_fd) != 0) {
        *error = ioError(u"cannot write out"_qs, m_temporaryPath);
        return false;
    }
    ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_DONTNEED); // read back from the disk, not the cache
    return true;
}

bool OutputFile::commit(Error *error)
{
    if (::rename(QFile::encodeName(m_temporaryPath).constData(), QFile::encodeName(m_finalPath).constData()) != 0) {
        *error = ioError(u"cannot finish"_qs, m_finalPath);
        return false;
    }
    ::close(m_fd);
    m_fd = -1;
    m_temporaryPath.clear();
    return true;
}

void OutputFile::discard()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_temporaryPath.isEmpty()) {
        ::unlink(QFile::encodeName(m_temporaryPath).constData());
        m_temporaryPath.clear();
    }
}

} // namespace deploycast
