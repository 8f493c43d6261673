// SPDX-License-Identifier: GPL-3.0-or-later
#include "image_sender.h"

#include "client/management_client.h"
#include "common/cbor_values.h"
#include "protocol/management_api.h"

#include <QFileInfo>

namespace deploycast {
namespace {

// The most a piece may hold, whatever the server asks: bounds what is read ahead.
constexpr qint64 kMostPieceBytes = 1024 * 1024;

} // namespace

ImageSender::ImageSender(ManagementClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

ImageSender::~ImageSender() = default;

void ImageSender::start(const Request &request)
{
    if (request.copyOf) {
        QCborMap params{{u"image"_qs, request.image.toCbor()}, {u"copyOf"_qs, request.copyOf->toCbor()}};
        if (!request.description.isEmpty())
            params[u"description"_qs] = request.description;
        m_client->request(api::methodName(api::Method::BeginImageUpload), params, [this](const QCborMap &, const Error &error) {
            if (!error.isNull())
                fail(error);
            else
                copyMore();
        });
        return;
    }
    m_file.setFileName(request.localFile);
    const QFileInfo info(request.localFile);
    if (!info.isFile() || !m_file.open(QIODevice::ReadOnly)) {
        fail({QLatin1String(ErrorCode::InvalidArgument),
              tr("cannot read the image file %1: %2").arg(request.localFile,
                                                          info.exists() ? m_file.errorString() : tr("no such file"))});
        return;
    }
    m_size = m_file.size();
    m_verify = request.verify;
    if (m_verify)
        m_digest = std::make_unique<Sha256>();
    QCborMap params{{u"image"_qs, request.image.toCbor()}, {u"size"_qs, m_size}, {u"replace"_qs, request.replace}};
    if (!request.description.isEmpty())
        params[u"description"_qs] = request.description;
    if (!request.replacementFileName.isEmpty())
        params[u"fileName"_qs] = request.replacementFileName;
    m_client->request(api::methodName(api::Method::BeginImageUpload), params, [this](const QCborMap &result, const Error &error) {
        if (!error.isNull()) {
            fail(error);
            return;
        }
        m_pieceBytes = std::min(integerOf(result.value(u"pieceBytes"_qs)), kMostPieceBytes);
        if (m_pieceBytes <= 0) {
            fail({QLatin1String(ErrorCode::BadRequest), tr("the server named no piece size")});
            return;
        }
        sendMore();
    });
}

void ImageSender::sendMore()
{
    while (!m_done && m_inFlight < api::kImagePiecesInFlight && m_read < m_size) {
        const QByteArray piece = m_file.read(std::min(m_pieceBytes, m_size - m_read));
        if (piece.isEmpty()) {
            fail({QLatin1String(ErrorCode::StorageError), tr("cannot read %1: %2").arg(m_file.fileName(), m_file.errorString())});
            return;
        }
        if (m_digest)
            m_digest->addData(piece.constData(), std::size_t(piece.size()));
        const qint64 offset = m_read;
        m_read += piece.size();
        ++m_inFlight;
        m_client->request(api::methodName(api::Method::UploadImageData), {{u"offset"_qs, offset}, {u"data"_qs, piece}},
                          [this, bytes = piece.size()](const QCborMap &, const Error &error) {
                              --m_inFlight;
                              if (m_reported)
                                  return; // it failed already: the rest of the answers mean nothing
                              if (!error.isNull()) {
                                  fail(error);
                                  return;
                              }
                              m_acknowledged += bytes;
                              Q_EMIT progress(m_acknowledged, m_size);
                              sendMore();
                          });
    }
    if (m_done || m_inFlight > 0 || m_read < m_size)
        return;
    m_done = true; // everything acknowledged: one finish
    finish(m_digest ? QString::fromLatin1(m_digest->result().toHex()) : QString());
}

void ImageSender::copyMore()
{
    m_client->request(api::methodName(api::Method::CopyImageData), {}, [this](const QCborMap &result, const Error &error) {
        if (!error.isNull()) {
            fail(error);
            return;
        }
        const qint64 copied = integerOf(result.value(u"received"_qs));
        const qint64 size = integerOf(result.value(u"size"_qs));
        Q_EMIT progress(copied, size);
        if (copied < size)
            copyMore();
        else
            finish({}); // the bytes never left the server: nothing to check them against
    });
}

void ImageSender::finish(const QString &sha256Hex)
{
    m_client->request(api::methodName(api::Method::FinishImageUpload), {{u"sha256"_qs, sha256Hex}},
                      [this](const QCborMap &result, const Error &error) {
                          report(result.value(u"image"_qs).toMap(), error);
                      });
}

void ImageSender::fail(const Error &error)
{
    m_done = true; // no more pieces; replies still on their way are ignored
    report({}, error);
}

void ImageSender::report(const QCborMap &image, const Error &error)
{
    if (m_reported)
        return;
    m_reported = true;
    Q_EMIT finished(image, error);
}

} // namespace deploycast
