#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdint>
#include <memory>

namespace deploycast {

// A read-only, memory-mapped file cut into multicast blocks. Shared (via
// shared_ptr) by a session's sender and by any unicast fallback still reading
// it after the session is gone.
class ContentFile
{
public:
    static std::shared_ptr<const ContentFile> open(const QString &path, Error *error);

    qint64 size() const { return m_size; }
    std::uint32_t blockCount() const { return m_blockCount; }
    std::uint16_t blockLength(std::uint32_t index) const;
    const unsigned char *block(std::uint32_t index) const;

    QByteArray sha256() const;

private:
    ContentFile() = default;

    mutable QFile m_file;
    const unsigned char *m_data = nullptr;
    qint64 m_size = 0;
    std::uint32_t m_blockCount = 0;
};

} // namespace deploycast
