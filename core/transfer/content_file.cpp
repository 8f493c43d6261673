#include "content_file.h"

#include "common/sha256.h"
#include "protocol/block_datagram.h"


#include <limits>

namespace deploycast {

std::shared_ptr<const ContentFile> ContentFile::open(const QString &path, Error *error)
{
    std::shared_ptr<ContentFile> content(new ContentFile);
    content->m_file.setFileName(path);
    if (!content->m_file.open(QIODevice::ReadOnly)) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("cannot open %1: %2").arg(path, content->m_file.errorString())};
        return nullptr;
    }
    content->m_size = content->m_file.size();
    const qint64 blocks = (content->m_size + qint64(kBlockPayloadSize) - 1) / qint64(kBlockPayloadSize);
    if (content->m_size == 0 || blocks > std::numeric_limits<std::uint32_t>::max()) {
        *error = {QLatin1String(ErrorCode::InvalidArgument),
                  QStringLiteral("%1 is empty or too large to multicast").arg(path)};
        return nullptr;
    }
    content->m_blockCount = std::uint32_t(blocks);
    content->m_data = content->m_file.map(0, content->m_size);
    if (!content->m_data) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("cannot map %1: %2").arg(path, content->m_file.errorString())};
        return nullptr;
    }
    return content;
}

std::uint16_t ContentFile::blockLength(std::uint32_t index) const
{
    const qint64 offset = qint64(index) * qint64(kBlockPayloadSize);
    return std::uint16_t(std::min<qint64>(qint64(kBlockPayloadSize), m_size - offset));
}

const unsigned char *ContentFile::block(std::uint32_t index) const
{
    return m_data + qint64(index) * qint64(kBlockPayloadSize);
}

QByteArray ContentFile::sha256() const
{
    return Sha256::of(m_data, std::size_t(m_size));
}

} // namespace deploycast
