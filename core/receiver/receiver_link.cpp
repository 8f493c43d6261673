// SPDX-License-Identifier: GPL-3.0-or-later
#include "receiver_link.h"

#include "common/cbor_values.h"
#include "protocol/block_datagram.h"
#include "protocol/framed_connection.h"
#include "protocol/messages.h"
#include "protocol/range_codec.h"
#include "security/tls_identity.h"
#include "security/tls_policy.h"
#include "transfer/image_digests.h"

#include <QSslSocket>

#include <limits>

namespace deploycast {

std::optional<JoinReply> JoinReply::fromCbor(const QCborMap &result)
{
    JoinReply reply;
    reply.clientId = quint32(integerOf(result.value(u"clientId"_qs)));
    reply.token = quint32(integerOf(result.value(u"token"_qs)));
    reply.session = result.value(u"session"_qs).toString();
    reply.size = integerOf(result.value(u"size"_qs));
    reply.blockCount = integerOf(result.value(u"blockCount"_qs));
    reply.sha256 = QByteArray::fromHex(result.value(u"sha256"_qs).toString().toLatin1());
    reply.group = QHostAddress(result.value(u"group"_qs).toString());
    reply.port = quint16(integerOf(result.value(u"port"_qs)));
    reply.unicast = result.value(u"method"_qs).toString() == u"unicast"_qs;
    reply.folder = result.value(u"content"_qs).toString() == u"folder"_qs;
    reply.compressed = result.contains(u"compression"_qs);
    reply.imageSize = reply.compressed ? integerOf(result.value(u"imageSize"_qs)) : reply.size;
    if (reply.compressed && (result.value(u"compression"_qs).toString() != u"zstd"_qs || reply.imageSize <= 0
                             || reply.imageSize / qint64(kBlockPayloadSize) >= std::numeric_limits<std::uint32_t>::max()))
        return std::nullopt; // a compression we do not speak
    if (reply.compressed && !result.contains(u"chunkCount"_qs))
        return std::nullopt; // its frames come with the digests
    const bool consistent = integerOf(result.value(u"blockSize"_qs)) == qint64(kBlockPayloadSize) && reply.size > 0
        && reply.blockCount == (reply.size + qint64(kBlockPayloadSize) - 1) / qint64(kBlockPayloadSize)
        && reply.blockCount <= std::numeric_limits<std::uint32_t>::max() && reply.clientId != 0;
    if (!consistent)
        return std::nullopt;
    // Chunks are ours to agree on: a server that says otherwise is not understood.
    if (result.contains(u"chunkCount"_qs)) {
        const qint64 chunks = integerOf(result.value(u"chunkCount"_qs));
        const qint64 imageBlocks = (reply.imageSize + qint64(kBlockPayloadSize) - 1) / qint64(kBlockPayloadSize);
        if (integerOf(result.value(u"chunkBlocks"_qs)) != kChunkBlocks || chunks != qint64(chunkCountFor(std::uint32_t(imageBlocks))))
            return std::nullopt;
        reply.chunkCount = quint32(chunks);
    }
    return reply;
}

std::optional<DigestBatch> DigestBatch::fromCbor(const QCborMap &params)
{
    DigestBatch batch;
    const qint64 first = integerOf(params.value(u"first"_qs), -1);
    batch.sha256 = params.value(u"sha256"_qs).toByteArray();
    batch.frames = params.value(u"frames"_qs).toByteArray();
    if (first < 0 || first > std::numeric_limits<std::uint32_t>::max() || batch.sha256.isEmpty()
        || batch.sha256.size() % kDigestSize != 0
        || (!batch.frames.isEmpty() && batch.frames.size() / 4 * kDigestSize != batch.sha256.size()))
        return std::nullopt;
    batch.first = quint32(first);
    return batch;
}

ReceiverLink::ReceiverLink(QObject *parent)
    : QObject(parent)
{
}

void ReceiverLink::open(const QString &host, quint16 port, const QString &expectedFingerprint,
                        const QHostAddress &sourceAddress)
{
    if (m_connection) {
        disconnect(m_connection, nullptr, this, nullptr);
        m_connection->deleteLater();
    }
    auto *socket = new QSslSocket;
    // Encrypted always; authenticated only if the admin gave the server's
    // fingerprint: a fresh machine has nothing pinned (docs/security.md).
    socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    QSslConfiguration configuration = socket->sslConfiguration();
    applyTlsPolicy(&configuration);
    socket->setSslConfiguration(configuration);
    m_connection = new FramedConnection(socket, this);
    connect(socket, &QSslSocket::encrypted, this, [this, socket, expectedFingerprint] {
        const QString fingerprint = fingerprintOf(socket->peerCertificate());
        if (!expectedFingerprint.isEmpty() && fingerprint.compare(expectedFingerprint, Qt::CaseInsensitive) != 0) {
            Q_EMIT failed(QStringLiteral("the server presents certificate %1, not the expected %2")
                              .arg(fingerprint, expectedFingerprint));
            return;
        }
        m_connection->send(proto::hello(QLatin1String(proto::Role::Receiver), u"deploycast-receive/" DEPLOYCAST_VERSION ""_qs));
        Q_EMIT connected();
    });
    connect(m_connection, &FramedConnection::messageReceived, this, &ReceiverLink::onMessage);
    connect(m_connection, &FramedConnection::closed, this, &ReceiverLink::lost);
    if (!sourceAddress.isNull())
        socket->bind(sourceAddress);
    socket->connectToHostEncrypted(host, port);
}

void ReceiverLink::join(const JoinRequest &request)
{
    QCborMap params{{u"kind"_qs, toText(request.kind)},
                    {u"name"_qs, request.sessionName},
                    {u"machine"_qs, request.machineName},
                    {u"mac"_qs, request.macAddress},
                    {u"fallback"_qs, request.fallback},
                    {u"joinToken"_qs, request.joinToken}};
    if (request.image)
        params[u"image"_qs] = request.image->toCbor();
    if (request.diskCapacity > 0)
        params[u"diskCapacity"_qs] = request.diskCapacity;
    m_connection->send(proto::request(1, u"join"_qs, params));
}

void ReceiverLink::sendStatus(const StatusReport &status)
{
    m_connection->send(proto::notify(u"status"_qs, {{u"bytes"_qs, status.bytes},
                                                    {u"rate"_qs, status.rate},
                                                    {u"cpu"_qs, status.cpu},
                                                    {u"memory"_qs, status.memory},
                                                    {u"network"_qs, status.network},
                                                    {u"state"_qs, toText(status.state)}}));
}

void ReceiverLink::sendNak(const std::vector<BlockRange> &ranges, bool catchUp)
{
    QCborMap params{{u"ranges"_qs, rangesToCbor(ranges)}};
    if (catchUp)
        params.insert(u"catchUp"_qs, true);
    m_connection->send(proto::notify(u"nak"_qs, params));
}

void ReceiverLink::sendFetch(const std::vector<BlockRange> &ranges)
{
    m_connection->send(proto::notify(u"fetch"_qs, {{u"ranges"_qs, rangesToCbor(ranges)}}));
}

void ReceiverLink::sendComplete(const QByteArray &sha256)
{
    m_connection->send(proto::notify(u"complete"_qs, {{u"sha256"_qs, QString::fromLatin1(sha256.toHex())}}));
}

void ReceiverLink::close()
{
    if (m_connection)
        m_connection->close();
}

bool ReceiverLink::isOpen() const
{
    return m_connection && m_connection->isOpen();
}

QHostAddress ReceiverLink::localAddress() const
{
    return m_connection ? m_connection->localAddress() : QHostAddress();
}

void ReceiverLink::onMessage(const QCborMap &message)
{
    const QString type = proto::typeOf(message);
    if (type == QLatin1String(proto::Type::Reply)) {
        if (message.contains(u"error"_qs)) {
            const Error error = proto::errorFrom(message);
            if (error.code == QLatin1String(ErrorCode::NotReady))
                Q_EMIT notReady(error.message);
            else if (error.code == QLatin1String(ErrorCode::DiskTooSmall))
                Q_EMIT diskTooSmall(error.message);
            else
                Q_EMIT failed(error.message);
        } else if (const auto reply = JoinReply::fromCbor(message.value(u"result"_qs).toMap())) {
            Q_EMIT joined(*reply);
        } else {
            Q_EMIT failed(u"the server sent an inconsistent join reply"_qs);
        }
    } else if (type == QLatin1String(proto::Type::Notify)) {
        onNotify(message.value(u"event"_qs).toString(), message.value(u"params"_qs).toMap());
    } else if (type == QLatin1String(proto::Type::Bye)) {
        Q_EMIT failed(QStringLiteral("the server closed the connection: %1").arg(proto::errorFrom(message).message));
    }
}

void ReceiverLink::onNotify(const QString &event, const QCborMap &params)
{
    if (event == u"kick"_qs) {
        Q_EMIT kicked(params.value(u"reason"_qs).toString(), params.value(u"message"_qs).toString());
    } else if (event == u"move"_qs) {
        const QHostAddress group(params.value(u"group"_qs).toString());
        const quint16 port = quint16(integerOf(params.value(u"port"_qs)));
        if (group.isNull() || !group.isMulticast() || port == 0)
            Q_EMIT failed(u"the server sent an invalid stream to move to"_qs);
        else
            Q_EMIT moveRequested(group, port, params.value(u"message"_qs).toString());
    } else if (event == u"digests"_qs) {
        if (const auto batch = DigestBatch::fromCbor(params))
            Q_EMIT digestsReceived(*batch);
        else
            Q_EMIT failed(u"the server sent chunk digests that make no sense"_qs);
    } else if (event == u"data"_qs) {
        Q_EMIT unicastData(integerOf(params.value(u"first"_qs), -1), params.value(u"payload"_qs).toByteArray());
    }
}

} // namespace deploycast
