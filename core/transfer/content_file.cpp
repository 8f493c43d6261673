#include "content_file.h"

#include "common/sha256.h"
#include "protocol/block_datagram.h"

#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <limits>
#include <unistd.h>

namespace deploycast {

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
    content->m_size = content->m_file.size();
    content->m_modified = QFileInfo(path).lastModified();
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
    auto *bytes = static_cast<char *>(out);
    while (length > 0) {
        const ssize_t got = ::pread(m_file.handle(), bytes, std::size_t(length), offset);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            *error = {QLatin1String(ErrorCode::StorageError),
                      got == 0 ? QStringLiteral("%1 is shorter than when it was opened: it changed on the server").arg(m_path)
                               : QStringLiteral("cannot read %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)))};
            return false;
        }
        bytes += got;
        offset += got;
        length -= got;
    }
    return true;
}

bool ContentFile::checkUnchanged(Error *error) const
{
    const QFileInfo now(m_path);
    QString why;
    if (!now.exists())
        why = QStringLiteral("%1 was removed on the server").arg(m_path);
    else if (now.size() != m_size || now.lastModified() != m_modified)
        why = QStringLiteral("%1 changed on the server (it was %2 bytes, modified %3)")
                  .arg(m_path).arg(m_size).arg(m_modified.toUTC().toString(Qt::ISODate));
    if (why.isEmpty())
        return true;
    *error = {QLatin1String(ErrorCode::StorageError), why};
    return false;
}

std::optional<QByteArray> ContentFile::sha256(Error *error) const
{
    constexpr qint64 kChunk = 4 * 1024 * 1024;
    Sha256 hash;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    for (qint64 offset = 0; offset < m_size; offset += kChunk) {
        const qint64 length = std::min(kChunk, m_size - offset);
        if (!read(offset, length, buffer.data(), error))
            return std::nullopt;
        hash.addData(buffer.constData(), std::size_t(length));
    }
    return hash.result();
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
