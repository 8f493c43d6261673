// SPDX-License-Identifier: GPL-3.0-or-later
#include "receiver_peer.h"

#include "common/cbor_values.h"
#include "common/log.h"
#include "common/printable.h"
#include "protocol/block_datagram.h"
#include "protocol/framed_connection.h"
#include "protocol/messages.h"
#include "protocol/range_codec.h"
#include "registry.h"
#include "transfer_session.h"

#include <QCborArray>
#include <QRegularExpression>
#include <QtEndian>

#include <cmath>

namespace deploycast {
namespace {
// Keep about this much queued in the socket while feeding a fallback client:
// enough to fill the pipe, little enough to leave memory alone.
constexpr qint64 kFallbackQueueBytes = 1024 * 1024;
constexpr std::uint32_t kBlocksPerDataFrame = 64; // 89,600 bytes: well under the frame cap
constexpr std::size_t kMaxRangesPerMessage = 4096;
constexpr qsizetype kMaxMachineName = 253; // a full DNS name
// Chunk digests go out in frames of at most this many (256 KiB).
constexpr std::uint32_t kDigestsPerFrame = 8192;

// Why a join's machine name or MAC address is refused, or nothing: both
// end up in every listing, log line and console.
QString badIdentity(const QString &machine, const QString &mac)
{
    if (machine.isEmpty() || machine.size() > kMaxMachineName || !isPrintable(machine))
        return QStringLiteral("the machine name must be 1 to %1 characters, none of them control characters (it was '%2')")
            .arg(kMaxMachineName).arg(printable(machine.left(kMaxMachineName)));
    static const QRegularExpression macAddress(u"^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$"_qs);
    if (!mac.isEmpty() && !macAddress.match(mac).hasMatch())
        return QStringLiteral("'%1' is not a MAC address (aa:bb:cc:dd:ee:ff)").arg(printable(mac.left(64)));
    return {};
}

// A host figure as a percentage: anything that is not a number becomes 0.
double percentOf(const QCborValue &value)
{
    const double number = value.toDouble();
    return std::isfinite(number) ? std::clamp(number, 0.0, 100.0) : 0.0;
}
} // namespace

QString toText(KickReason reason)
{
    switch (reason) {
    case KickReason::Fallback: return u"fallback"_qs;
    case KickReason::Abort: return u"abort"_qs;
    case KickReason::Disconnected: return u"disconnected"_qs;
    }
    return {};
}

ReceiverPeer::ReceiverPeer(FramedConnection *connection, Registry *registry, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_registry(registry)
{
    m_connection->setParent(this);
    m_info.ipAddress = m_connection->peerAddress().toString();
    connect(m_connection, &FramedConnection::messageReceived, this, &ReceiverPeer::onMessage);
    connect(m_connection, &FramedConnection::bytesWritten, this, &ReceiverPeer::pumpFallback);
    connect(m_connection, &FramedConnection::closed, this, [this](const QString &reason) {
        // Recorded before it leaves its session: its transmission's own
        // "finished" or "removed", which leaving may cause, comes after.
        recordLeaving(reason);
        leaveSession();
        Q_EMIT gone(this, m_completed ? u"completed"_qs : reason);
    });
}

void ReceiverPeer::recordLeaving(const ServerText &reason)
{
    if (m_completed)
        record(HistoryEvent::Completed, {}); // it had its whole image; the connection just had not closed yet
    else
        record(HistoryEvent::Left, reason);
}

void ReceiverPeer::record(HistoryEvent event, const ServerText &reason)
{
    if (m_info.id == 0 || m_finalRecorded)
        return; // never joined, or its end is already told
    m_finalRecorded = isFinal(event);
    m_registry->recordClientEvent(event, m_info, reason);
}

void ReceiverPeer::kick(KickReason reason, const ServerText &message, HistoryEvent outcome)
{
    qCInfo(lcTransfer).noquote() << "client" << m_info.id << m_info.machineName << "kicked:" << toText(reason)
                                 << message.english();
    m_connection->send(proto::notify(u"kick"_qs, {{u"reason"_qs, toText(reason)}, {u"message"_qs, message.english()}}));
    record(outcome, message);
    leaveSession();
    if (reason == KickReason::Fallback) {
        // WDS takes the client off the multicast list at once; it stays
        // visible among the unicast fallback clients until it is done.
        m_info.method = TransferMethod::Unicast;
        return;
    }
    m_connection->closeWithError({QLatin1String(ErrorCode::NotAllowed), message});
}

void ReceiverPeer::move(const TransferSession::StreamAddress &to, const QString &reason)
{
    m_info.note = QStringLiteral("moved to the %1 stream: %2").arg(to.name, reason);
    record(HistoryEvent::Moved, ServerText(QT_TRANSLATE_NOOP("ServerMessage", "moved to the %1 stream: %2")).arg(to.name, reason));
    m_connection->send(proto::notify(u"move"_qs, {{u"group"_qs, to.group},
                                                  {u"port"_qs, to.port},
                                                  {u"stream"_qs, to.name},
                                                  {u"message"_qs, m_info.note}}));
}

void ReceiverPeer::onMessage(const QCborMap &message)
{
    const QString type = proto::typeOf(message);
    const QCborMap params = message.value(u"params"_qs).toMap();
    if (type == QLatin1String(proto::Type::Request)) {
        const qint64 id = integerOf(message.value(u"id"_qs));
        const QString method = message.value(u"method"_qs).toString();
        if (method == u"join"_qs && m_info.id == 0)
            onJoin(id, params);
        else
            m_connection->send(proto::errorReply(id, {QLatin1String(ErrorCode::PermissionDenied),
                                                      ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a receiver connection cannot call '%1'")).arg(method)}));
        return;
    }
    if (type != QLatin1String(proto::Type::Notify) || m_info.id == 0)
        return; // events before a join mean nothing
    const QString event = message.value(u"event"_qs).toString();
    if (event == u"status"_qs)
        onStatus(params);
    else if (event == u"nak"_qs)
        onNak(params);
    else if (event == u"complete"_qs)
        onComplete(params);
    else if (event == u"fetch"_qs)
        onFetch(params);
}

void ReceiverPeer::onJoin(qint64 requestId, const QCborMap &params)
{
    const auto kind = sessionKindFromString(params.value(u"kind"_qs).toString());
    const QString machine = params.value(u"machine"_qs).toString();
    const QString mac = params.value(u"mac"_qs).toString();
    if (const QString why = badIdentity(machine, mac); !why.isEmpty()) {
        m_connection->send(proto::errorReply(requestId, {QLatin1String(ErrorCode::InvalidArgument), why}));
        return;
    }
    m_info.machineName = machine;
    m_info.macAddress = mac;
    m_info.fallbackSupported = params.value(u"fallback"_qs).toBool(true);
    m_info.diskCapacity = std::max<qint64>(0, params.value(u"diskCapacity"_qs).toInteger());
    Error error;
    if (params.contains(u"image"_qs)) {
        joinImage(requestId, params);
        return;
    }
    TransferSession *session = kind ? m_registry->join(this, *kind, params.value(u"name"_qs).toString(),
                                                       params.value(u"joinToken"_qs).toString(), &m_info, &error)
                                    : nullptr;
    if (!session) {
        if (!kind)
            error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "kind must be Transmission or Namespace"))};
        m_connection->send(proto::errorReply(requestId, error));
        return;
    }
    joinedSession(requestId, session);
}

void ReceiverPeer::joinedSession(qint64 requestId, TransferSession *session)
{
    m_session = session;
    m_content = session->file();
    const SessionInfo info = session->info();
    m_connection->send(proto::reply(requestId, joinReply(info.name, *session->content(),
                                                         {{u"token"_qs, qint64(session->token())},
                                                          {u"group"_qs, info.group},
                                                          {u"port"_qs, info.port},
                                                          {u"state"_qs, toText(info.state)},
                                                          {u"content"_qs, session->servesFolder() ? u"folder"_qs : u"file"_qs}})));
    sendDigests(*session->content());
}

void ReceiverPeer::joinImage(qint64 requestId, const QCborMap &params)
{
    Error error;
    const std::optional<ImageQuery> image = ImageQuery::fromCbor(params.value(u"image"_qs).toMap(), &error);
    const std::optional<Registry::ImageJoin> joined =
        image ? m_registry->joinImage(this, *image, params.value(u"joinToken"_qs).toString(), &m_info, &error) : std::nullopt;
    if (!joined) {
        m_connection->send(proto::errorReply(requestId, error));
        return;
    }
    if (joined->session) {
        joinedSession(requestId, joined->session);
        return;
    }
    // No transmission: the whole image by unicast, from the first fetch on.
    m_content = joined->content->file();
    m_connection->send(proto::reply(requestId, joinReply(m_info.sessionName, *joined->content,
                                                         {{u"method"_qs, u"unicast"_qs}})));
    sendDigests(*joined->content);
}

QCborMap ReceiverPeer::joinReply(const QString &name, const SessionContent &content, const QCborMap &extra) const
{
    const ImageDigests &digests = *content.digests();
    QCborMap reply{{u"clientId"_qs, qint64(m_info.id)},
                   {u"session"_qs, name},
                   {u"size"_qs, m_content->size()},
                   {u"blockSize"_qs, qint64(kBlockPayloadSize)},
                   {u"blockCount"_qs, qint64(m_content->blockCount())},
                   {u"sha256"_qs, QString::fromLatin1(digests.sha256.toHex())},
                   {u"chunkBlocks"_qs, qint64(kChunkBlocks)},
                   {u"chunkCount"_qs, qint64(digests.chunkCount())}};
    if (const std::shared_ptr<const FrameTable> frames = content.frames()) {
        reply.insert(u"compression"_qs, u"zstd"_qs);
        reply.insert(u"imageSize"_qs, frames->imageSize);
    }
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        reply.insert(it.key(), it.value());
    return reply;
}

void ReceiverPeer::sendDigests(const SessionContent &content)
{
    // Over TLS, so a stranger on the segment cannot forge them: with them
    // the receiver checks each chunk as it completes.
    const ImageDigests &digests = *content.digests();
    const std::shared_ptr<const FrameTable> frames = content.frames();
    for (std::uint32_t first = 0; first < digests.chunkCount(); first += kDigestsPerFrame) {
        const std::uint32_t count = std::min(kDigestsPerFrame, digests.chunkCount() - first);
        QCborMap params{{u"first"_qs, qint64(first)},
                        {u"sha256"_qs, digests.chunkSha256.mid(qsizetype(first) * kDigestSize, qsizetype(count) * kDigestSize)}};
        if (frames) {
            QByteArray sizes(qsizetype(count) * 4, Qt::Uninitialized);
            for (std::uint32_t frame = first; frame < first + count; ++frame)
                qToBigEndian<quint32>(frames->compressedSizes[frame], sizes.data() + qsizetype(frame - first) * 4);
            params.insert(u"frames"_qs, sizes);
        }
        m_connection->send(proto::notify(u"digests"_qs, params));
    }
}

void ReceiverPeer::onStatus(const QCborMap &params)
{
    m_info.bytesReceived = std::max<qint64>(0, integerOf(params.value(u"bytes"_qs)));
    m_info.percentComplete = m_content ? std::min(100.0, 100.0 * double(m_info.bytesReceived) / double(m_content->size())) : 0;
    m_info.transferRate = std::max<qint64>(0, integerOf(params.value(u"rate"_qs)));
    m_info.cpuUtilization = percentOf(params.value(u"cpu"_qs));
    m_info.memoryUtilization = percentOf(params.value(u"memory"_qs));
    m_info.networkUtilization = percentOf(params.value(u"network"_qs));
    if (const auto state = clientStateFromString(params.value(u"state"_qs).toString()))
        m_info.state = *state;
}

void ReceiverPeer::onNak(const QCborMap &params)
{
    if (!m_session || !m_content)
        return;
    const std::vector<BlockRange> ranges = rangesFromCbor(params.value(u"ranges"_qs), m_content->blockCount(), kMaxRangesPerMessage);
    const auto kind = params.value(u"catchUp"_qs).toBool() ? MulticastSender::RepairKind::CatchUp
                                                           : MulticastSender::RepairKind::Loss;
    const std::uint64_t lost = m_session->requestRepair(this, ranges, kind);
    m_info.blocksRepaired += qint64(lost);
    if (kind == MulticastSender::RepairKind::Loss)
        m_nakedBlocks += lost;
}

void ReceiverPeer::onComplete(const QCborMap &params)
{
    m_completed = true;
    m_info.percentComplete = 100;
    qCInfo(lcTransfer).noquote() << "client" << m_info.id << m_info.machineName << "completed by" << toText(m_info.method)
                       << "sha256" << params.value(u"sha256"_qs).toString();
    record(HistoryEvent::Completed, {}); // before leaving: its transmission may finish with it
    leaveSession();
    // Closing tells the receiver its completion is in: a machine that
    // powers off next waits for that (docs/protocol.md).
    m_connection->close();
}

void ReceiverPeer::onFetch(const QCborMap &params)
{
    if (!inFallback() || !m_content)
        return;
    if (m_wanted.size() == 0)
        m_wanted = BlockBitmap(m_content->blockCount());
    for (const BlockRange &range : rangesFromCbor(params.value(u"ranges"_qs), m_content->blockCount(), kMaxRangesPerMessage))
        m_wanted.setRange(range);
    pumpFallback();
}

void ReceiverPeer::pumpFallback()
{
    // Only so much waits in the socket at a time (TLS's part included): a
    // client that reads slowly, or not at all, holds no more than that here.
    while (m_connection->isOpen() && m_connection->queuedBytes() < kFallbackQueueBytes) {
        std::uint32_t first = m_wanted.nextSet(m_wantedCursor);
        if (first >= m_wanted.size())
            first = m_wanted.nextSet(0);
        if (first >= m_wanted.size())
            return; // all sent
        std::uint32_t last = first;
        while (last + 1 < m_wanted.size() && last + 1 - first < kBlocksPerDataFrame && m_wanted.test(last + 1))
            ++last;
        const qsizetype bytes = qsizetype(last - first) * qsizetype(kBlockPayloadSize) + m_content->blockLength(last);
        QByteArray payload(bytes, Qt::Uninitialized);
        Error error;
        if (!m_content->read(qint64(first) * qint64(kBlockPayloadSize), bytes, payload.data(), &error)) {
            kick(KickReason::Abort, error.message, HistoryEvent::Failed);
            return;
        }
        m_connection->send(proto::notify(u"data"_qs, {{u"first"_qs, qint64(first)}, {u"payload"_qs, payload}}));
        m_wanted.clearRange({first, last});
        m_wantedCursor = last + 1;
    }
}

void ReceiverPeer::leaveSession()
{
    if (m_session)
        m_session->removeClient(this);
    m_session = nullptr;
}

} // namespace deploycast
