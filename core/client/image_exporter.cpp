// SPDX-License-Identifier: GPL-3.0-or-later
#include "image_exporter.h"

#include "client/management_client.h"
#include "common/cbor_values.h"
#include "protocol/management_api.h"

#include <QFileInfo>

namespace deploycast {

ImageExporter::ImageExporter(ManagementClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

ImageExporter::~ImageExporter() = default; // an uncommitted QSaveFile removes its temporary file

void ImageExporter::start(const Request &request)
{
    m_request = request;
    const QFileInfo destination(request.destination);
    if (destination.exists() && request.overwrite != Overwrite::Yes) {
        fail({QLatin1String(ErrorCode::AlreadyExists),
              request.overwrite == Overwrite::Append
                  ? tr("%1 exists, and a raw disk image holds one image: /Overwrite:Append adds images to WIM files; "
                       "/Overwrite:Yes replaces the file").arg(request.destination)
                  : tr("%1 exists; /Overwrite:Yes replaces it").arg(request.destination)});
        return;
    }
    if (destination.isDir()) {
        fail({QLatin1String(ErrorCode::InvalidArgument), tr("%1 is a folder; name the file to write").arg(request.destination)});
        return;
    }
    m_file = std::make_unique<QSaveFile>(request.destination);
    m_file->setDirectWriteFallback(false); // whole or nothing, never written in place
    if (!m_file->open(QIODevice::WriteOnly)) {
        fail({QLatin1String(ErrorCode::StorageError), tr("cannot write %1: %2").arg(request.destination, m_file->errorString())});
        return;
    }
    requestMore();
}

void ImageExporter::requestMore()
{
    // Until the first answer tells the size, one request at a time.
    while (!m_failed && m_inFlight < api::kImagePiecesInFlight && (m_size < 0 ? m_requested == 0 : m_requested < m_size)) {
        const qint64 offset = m_requested;
        m_requested += m_size < 0 ? api::kImagePieceBytes : std::min(api::kImagePieceBytes, m_size - offset);
        ++m_inFlight;
        m_client->request(api::methodName(api::Method::ReadImageData),
                          {{u"image"_qs, m_request.image.toCbor()}, {u"offset"_qs, offset}, {u"length"_qs, api::kImagePieceBytes}},
                          [this, offset](const QCborMap &result, const Error &error) {
                              --m_inFlight;
                              if (m_failed)
                                  return; // the rest of the answers mean nothing now
                              if (!error.isNull())
                                  fail(error);
                              else
                                  onPiece(offset, result);
                          });
    }
}

void ImageExporter::onPiece(qint64 offset, const QCborMap &result)
{
    const QByteArray data = result.value(u"data"_qs).toByteArray();
    const qint64 size = integerOf(result.value(u"size"_qs), -1);
    const qint64 modified = integerOf(result.value(u"modified"_qs));
    if (m_size < 0) {
        m_size = size;
        m_modified = modified;
        m_requested = std::min(m_requested, m_size);
    }
    // Answers come in order on one connection; each must be the piece asked for.
    const qint64 expected = std::min(api::kImagePieceBytes, m_size - offset);
    if (size != m_size || modified != m_modified) {
        fail({QLatin1String(ErrorCode::NotAllowed), tr("the image changed on the server while it was exported; nothing was written")});
        return;
    }
    if (offset != m_written || data.size() != expected) {
        fail({QLatin1String(ErrorCode::BadRequest), tr("the server sent %1 bytes at offset %2, not the piece asked for")
                                                        .arg(data.size()).arg(offset)});
        return;
    }
    if (m_file->write(data) != data.size()) {
        fail({QLatin1String(ErrorCode::StorageError), tr("cannot write %1: %2").arg(m_request.destination, m_file->errorString())});
        return;
    }
    m_digest.addData(data.constData(), std::size_t(data.size()));
    m_written += data.size();
    Q_EMIT progress(m_written, m_size);
    if (m_written == m_size)
        complete();
    else
        requestMore();
}

void ImageExporter::complete()
{
    // Another process may have made the file meanwhile: /Overwrite still holds.
    if (m_request.overwrite != Overwrite::Yes && QFileInfo::exists(m_request.destination)) {
        fail({QLatin1String(ErrorCode::AlreadyExists), tr("%1 appeared while the image was exported; nothing was written")
                                                           .arg(m_request.destination)});
        return;
    }
    if (!m_file->commit()) {
        fail({QLatin1String(ErrorCode::StorageError), tr("cannot write %1: %2").arg(m_request.destination, m_file->errorString())});
        return;
    }
    Q_EMIT finished(m_size, QString::fromLatin1(m_digest.result().toHex()), {});
}

void ImageExporter::fail(const Error &error)
{
    m_failed = true;
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
    Q_EMIT finished(-1, {}, error);
}

} // namespace deploycast
