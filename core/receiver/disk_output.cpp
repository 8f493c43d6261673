// SPDX-License-Identifier: GPL-3.0-or-later
#include "disk_output.h"

#include "disk_inspection.h"
#include "common/positioned_io.h"
#include "common/units.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace deploycast {
DiskOutput::DiskOutput(const QString &devicePath)
    : m_path(devicePath)
{
}

DiskOutput::~DiskOutput()
{
    discard();
}

Error DiskOutput::ioError(const QString &what) const
{
    return {QLatin1String(ErrorCode::StorageError),
            QStringLiteral("%1 %2: %3").arg(what, m_path, QString::fromLocal8Bit(std::strerror(errno)))};
}

QString DiskOutput::open()
{
    QString why;
    const QList<BlockDeviceName> devices = DiskInspection::deviceAndPartitions(m_path, &why);
    if (devices.isEmpty())
        return why;
    if (const QStringList uses = DiskInspection::uses(devices); !uses.isEmpty())
        return QStringLiteral("%1 is in use, and nothing was written to it: %2").arg(m_path, uses.join(u"; "_qs));
    // O_EXCL on a block device: the kernel refuses it while anything has it
    // mounted or claimed, and refuses them while we hold it.
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_EXCL | O_CLOEXEC);
    if (m_fd < 0)
        return QStringLiteral("cannot open %1 for writing%2: %3")
            .arg(m_path, errno == EBUSY ? u" (something holds it)"_qs : QString(),
                 QString::fromLocal8Bit(std::strerror(errno)));
    std::uint64_t bytes = 0;
    int sector = 0;
    if (::ioctl(m_fd, BLKGETSIZE64, &bytes) != 0 || ::ioctl(m_fd, BLKSSZGET, &sector) != 0) {
        const QString error = QStringLiteral("cannot read the size of %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        discard();
        return error;
    }
    m_capacity = qint64(bytes);
    m_sectorSize = std::max(sector, 512);
    return {};
}

bool DiskOutput::create(qint64 size, Error *error)
{
    if (size > m_capacity) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("the image (%1, %2 bytes) does not fit on %3 (%4, %5 bytes); nothing was written to it")
                      .arg(formatSize(size)).arg(size).arg(m_path, formatSize(m_capacity)).arg(m_capacity)};
        return false;
    }
    return true;
}

bool DiskOutput::writeAt(qint64 offset, const void *data, qint64 length, Error *error)
{
    if (!writeFully(m_fd, data, length, offset)) {
        *error = ioError(u"cannot write to"_qs);
        return false;
    }
    m_writeback.wrote(m_fd, length);
    return true;
}

bool DiskOutput::readAt(qint64 offset, void *data, qint64 length, Error *error) const
{
    if (readFully(m_fd, data, length, offset))
        return true;
    *error = ioError(u"cannot read back"_qs);
    return false;
}

bool DiskOutput::zeroRange(qint64 offset, qint64 length, Error *error)
{
    // BLKZEROOUT takes whole sectors; a chunk's ends rarely fall on one, so
    // the ragged edges are written as zeros.
    const qint64 end = offset + length;
    const qint64 first = (offset + m_sectorSize - 1) / m_sectorSize * m_sectorSize;
    const qint64 last = end / m_sectorSize * m_sectorSize;
    if (last <= first) {
        const QByteArray zeros(length, '\0');
        return writeAt(offset, zeros.constData(), length, error);
    }
    const QByteArray head(first - offset, '\0');
    const QByteArray tail(end - last, '\0');
    if (!writeAt(offset, head.constData(), head.size(), error) || !writeAt(last, tail.constData(), tail.size(), error))
        return false;
    std::uint64_t range[2] = {std::uint64_t(first), std::uint64_t(last - first)};
    if (::ioctl(m_fd, BLKZEROOUT, range) != 0) {
        *error = ioError(u"cannot zero a range of"_qs);
        return false;
    }
    return true;
}

bool DiskOutput::flush(Error *error)
{
    if (::fsync(m_fd) != 0) {
        *error = ioError(u"cannot write out"_qs);
        return false;
    }
    ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_DONTNEED);
    ::ioctl(m_fd, BLKFLSBUF, 0); // the block device's own buffers too
    return true;
}

bool DiskOutput::commit(Error *)
{
    // The image brings its own partition table: let the kernel see it now,
    // as partprobe would. A device without partition support (a loop device
    // set up without -P) cannot, which is no failure of the image.
    if (::ioctl(m_fd, BLKRRPART, 0) != 0)
        m_notice = QStringLiteral("the kernel did not read the partition table of %1 again (%2); "
                                  "run partprobe or reboot before using its partitions")
                       .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
    ::close(m_fd);
    m_fd = -1;
    return true;
}

void DiskOutput::discard()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

} // namespace deploycast
