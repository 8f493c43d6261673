// SPDX-License-Identifier: GPL-3.0-or-later
#include "image_upload.h"

#include "common/atomic_file.h"
#include "image_store.h"

#include <QDir>
#include <QRandomGenerator>
#include <QStorageInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace deploycast {

qint64 ImageUpload::s_reservedBytes = 0;

namespace {

constexpr qint64 kWriteBackBytes = 16 * 1024 * 1024;

QString stagingFolder(const QString &root)
{
    return root + u'/' + QLatin1String(ImageUpload::kStagingFolder);
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1) + u" MB"_qs;
}

} // namespace

std::unique_ptr<ImageUpload> ImageUpload::begin(const ImageStore &store, qint64 size, Error *error)
{
    if (size <= 0) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "an image must have a size above 0 bytes"))};
        return nullptr;
    }
    // Other uploads under way will take their room too.
    const QStorageInfo volume(store.root());
    const qint64 room = volume.bytesAvailable() - kSpareBytes - s_reservedBytes;
    if (size > room) {
        *error = storageError(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the image store %1 has %2 free (%3 of it promised to uploads under way); "
                                             "this image needs %4 (and %5 to spare)"))
                                  .arg(store.root(), megabytes(volume.bytesAvailable()), megabytes(s_reservedBytes),
                                       megabytes(size), megabytes(kSpareBytes)));
        return nullptr;
    }
    if (!makeOwnerOnlyFolder(stagingFolder(store.root()), error))
        return nullptr;
    std::unique_ptr<ImageUpload> upload(new ImageUpload(store.root(), size));
    upload->m_file.setFileName(QStringLiteral("%1/%2.part").arg(stagingFolder(store.root()))
                                   .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0')));
    if (!upload->m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        *error = storageError(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "cannot create %1: %2")).arg(upload->m_file.fileName(), upload->m_file.errorString()));
        return nullptr;
    }
    return upload;
}

void ImageUpload::removeLeftovers(const ImageStore &store)
{
    QDir staging(stagingFolder(store.root()));
    for (const QString &name : staging.entryList({u"*.part"_qs}, QDir::Files | QDir::Hidden))
        staging.remove(name);
}

ImageUpload::ImageUpload(const QString &root, qint64 size)
    : m_root(root)
    , m_size(size)
{
    s_reservedBytes += m_size;
}

ImageUpload::~ImageUpload()
{
    s_reservedBytes -= m_size;
    if (m_done)
        return;
    m_file.close();
    QFile::remove(m_file.fileName());
}

bool ImageUpload::write(qint64 offset, const QByteArray &data, Error *error)
{
    if (m_done || offset != m_received || data.isEmpty() || m_received + data.size() > m_size) {
        *error = {QLatin1String(ErrorCode::InvalidArgument),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "expected bytes from offset %1 up to the announced size %2")).arg(m_received).arg(m_size)};
        return false;
    }
    if (m_file.write(data) != data.size()) {
        *error = storageError(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "cannot write to the image store: %1")).arg(m_file.errorString()));
        return false;
    }
    m_digest.addData(data.constData(), std::size_t(data.size()));
    m_received += data.size();
    // Start the kernel writing what came so far, so that the fsync at the
    // end (on the event loop) has little left to do, however large the image.
    if (m_received - m_writtenBack >= kWriteBackBytes && m_file.flush()) {
        ::sync_file_range(m_file.handle(), m_writtenBack, m_received - m_writtenBack, SYNC_FILE_RANGE_WRITE);
        m_writtenBack = m_received;
    }
    return true;
}

bool ImageUpload::finish(const QString &sha256Hex, const QString &storePath, bool replace, Error *error)
{
    if (m_done || m_received != m_size) {
        *error = {QLatin1String(ErrorCode::InvalidArgument),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the image is incomplete: %1 of %2 bytes")).arg(m_received).arg(m_size)};
        return false;
    }
    const QString digest = QString::fromLatin1(m_digest.result().toHex());
    if (!sha256Hex.isEmpty() && sha256Hex.compare(digest, Qt::CaseInsensitive) != 0) {
        *error = {QLatin1String(ErrorCode::InvalidArgument),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the image arrived damaged: SHA-256 %1, not %2 as sent")).arg(digest, sha256Hex)};
        return false;
    }
    // On disk before it is in the catalog: a crash after the rename must not
    // leave a catalog entry over half a file.
    if (!m_file.flush() || ::fsync(m_file.handle()) != 0) {
        *error = storageError(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "cannot write to the image store: %1")).arg(m_file.errorString()));
        return false;
    }
    m_file.close();
    const QString target = m_root + u'/' + storePath;
    if (!QDir().mkpath(QFileInfo(target).path())) {
        *error = storageError(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "cannot create the folder of %1")).arg(target));
        return false;
    }
    if (!replace && QFileInfo::exists(target)) {
        *error = {QLatin1String(ErrorCode::AlreadyExists), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 already exists in the image store")).arg(storePath)};
        return false;
    }
    if (std::rename(QFile::encodeName(m_file.fileName()).constData(), QFile::encodeName(target).constData()) != 0) {
        *error = storageError(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "cannot move the image to %1: %2")).arg(target, QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    m_done = true;
    return true;
}

} // namespace deploycast
