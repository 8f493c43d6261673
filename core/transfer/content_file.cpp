// SPDX-License-Identifier: GPL-3.0-or-later
#include "content_file.h"

#include "common/positioned_io.h"

#include "protocol/block_datagram.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <limits>
#include <sys/stat.h>

namespace deploycast {
namespace {

FileIdentity identityOf(const struct stat &info)
{
    return {qint64(info.st_size), qint64(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
            quint64(info.st_ino), quint64(info.st_dev)};
}

} // namespace

FileIdentity FileIdentity::of(const QString &path)
{
    struct stat info{};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? identityOf(info) : FileIdentity{};
}

FileIdentity FileIdentity::ofEntry(const QString &path)
{
    struct stat info{};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 ? identityOf(info) : FileIdentity{};
}

FileIdentity FileIdentity::ofDescriptor(int fd)
{
    struct stat info{};
    return ::fstat(fd, &info) == 0 ? identityOf(info) : FileIdentity{};
}

std::shared_ptr<const ContentFile> ContentFile::open(const QString &path, Error *error)
{
    std::shared_ptr<ContentFile> content(new ContentFile);
    content->m_path = path;
    content->m_file.setFileName(path);
    if (!content->m_file.open(QIODevice::ReadOnly)) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("cannot open %1: %2").arg(path, content->m_file.errorString())};
        return nullptr;
    }
    struct stat info{};
    if (::fstat(content->m_file.handle(), &info) != 0) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("cannot look at %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)))};
        return nullptr;
    }
    content->m_identity = identityOf(info);
    content->m_size = content->m_identity.size;
    const qint64 blocks = (content->m_size + qint64(kBlockPayloadSize) - 1) / qint64(kBlockPayloadSize);
    if (content->m_size == 0 || blocks > std::numeric_limits<std::uint32_t>::max()) {
        *error = {QLatin1String(ErrorCode::InvalidArgument),
                  QStringLiteral("%1 is empty or too large to multicast").arg(path)};
        return nullptr;
    }
    content->m_blockCount = std::uint32_t(blocks);
    return content;
}

std::uint16_t ContentFile::blockLength(std::uint32_t index) const
{
    const qint64 offset = qint64(index) * qint64(kBlockPayloadSize);
    return std::uint16_t(std::min<qint64>(qint64(kBlockPayloadSize), m_size - offset));
}

bool ContentFile::read(qint64 offset, qint64 length, void *out, Error *error) const
{
    if (readFully(m_file.handle(), out, length, offset))
        return true;
    *error = {QLatin1String(ErrorCode::StorageError),
              errno == 0 ? QStringLiteral("%1 is shorter than when it was opened: it changed on the server").arg(m_path)
                         : QStringLiteral("cannot read %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)))};
    return false;
}

bool ContentFile::checkUnchanged(Error *error) const
{
    const FileIdentity now = FileIdentity::of(m_path);
    if (now == m_identity)
        return true;
    const QString why = now.size < 0 ? QStringLiteral("%1 was removed on the server").arg(m_path)
                                     : QStringLiteral("%1 changed on the server (it was %2 bytes, now %3)")
                                           .arg(m_path).arg(m_size).arg(now.size);
    *error = {QLatin1String(ErrorCode::StorageError), why};
    return false;
}

BlockReader::BlockReader(std::shared_ptr<const ContentFile> content)
    : m_content(std::move(content))
    , m_window(std::size_t(kWindowBlocks) * kBlockPayloadSize)
{
}

const unsigned char *BlockReader::block(std::uint32_t index, Error *error)
{
    if (index < m_first || index >= m_first + m_count) {
        m_first = index;
        m_count = std::min(kWindowBlocks, m_content->blockCount() - index);
        const qint64 offset = qint64(index) * qint64(kBlockPayloadSize);
        const qint64 length = std::min<qint64>(qint64(m_count) * qint64(kBlockPayloadSize), m_content->size() - offset);
        if (!m_content->read(offset, length, m_window.data(), error)) {
            m_count = 0;
            return nullptr;
        }
    }
    return m_window.data() + std::size_t(index - m_first) * kBlockPayloadSize;
}

} // namespace deploycast
