// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer_session.h"

#include "common/log.h"
#include "receiver_peer.h"
#include "session_content.h"
#include "transfer/multicast_sender.h"

#include <QRandomGenerator>

#include <algorithm>

namespace deploycast {

TransferSession::TransferSession(const SessionInfo &info, SessionContent *content, const TransferSettings &settings,
                                 QObject *parent)
    : QObject(parent)
    , m_info(info)
    , m_content(content)
    , m_settings(settings)
    // A fresh token per run, so datagrams of an earlier run of this session
    // (or another server on the same group) are never taken for ours.
    , m_token(QRandomGenerator::global()->generate())
{
    m_content->setParent(this);
    m_scheduleTimer.setSingleShot(true);
    connect(&m_scheduleTimer, &QTimer::timeout, this, &TransferSession::checkScheduledStart);
    m_interfaceRetry.setSingleShot(true);
    m_interfaceRetry.setInterval(SessionContent::kRetryMs);
    connect(&m_interfaceRetry, &QTimer::timeout, this, &TransferSession::openFirstStream);
    connect(m_content, &SessionContent::changed, this, &TransferSession::onContentChanged);
    armScheduleTimer();
    m_content->prepare();
}

TransferSession::~TransferSession() = default;

void TransferSession::onContentChanged()
{
    if (m_content->state() != SessionContent::State::Ready)
        return; // listings read the progress from info()
    const std::shared_ptr<const ContentFile> file = m_content->file();
    const std::shared_ptr<const ImageDigests> digests = m_content->digests();
    const bool changed = m_info.sha256 != digests->sha256 || m_info.size != file->size();
    m_info.sha256 = digests->sha256;
    m_info.size = file->size();
    m_info.contentModified = QDateTime::fromMSecsSinceEpoch(file->identity().modifiedNs / 1'000'000, Qt::UTC);
    if (changed)
        qCInfo(lcState).noquote() << m_info.name << "serves" << file->path() << "with SHA-256"
                                  << QString::fromLatin1(digests->sha256.toHex());
    openFirstStream();
    Q_EMIT stateChanged();
}

void TransferSession::openFirstStream()
{
    if (m_content->state() != SessionContent::State::Ready || (!m_streams.empty() && m_streams[0].sender))
        return;
    QString error;
    if (!openStream(0, &error)) {
        if (m_interfaceProblem != error)
            qCWarning(lcTransfer).noquote() << m_info.name << "waits for its multicast interface"
                                            << m_settings.multicastInterface.toString() << ":" << error;
        m_interfaceProblem = error;
        m_interfaceRetry.start();
        return;
    }
    if (!m_interfaceProblem.isEmpty())
        qCInfo(lcTransfer).noquote() << m_info.name << "has its multicast interface now";
    m_interfaceProblem.clear();
    updateSenders();
}

bool TransferSession::openStream(int stream, QString *error)
{
    auto *sender = new MulticastSender(m_content->file(), m_content->zeroChunks(), m_token, this);
    sender->setMaxRate(m_settings.maxRate);
    const StreamAddress address = streamAddress(stream);
    if (!sender->open(m_settings.multicastInterface, QHostAddress(address.group), address.port, error)) {
        delete sender;
        return false;
    }
    m_streams.resize(std::max<std::size_t>(m_streams.size(), std::size_t(stream) + 1));
    m_streams[std::size_t(stream)].sender = sender;
    connect(sender, &MulticastSender::contentFailed, this, &TransferSession::failContent);
    return true;
}

TransferSession::StreamAddress TransferSession::streamAddress(int stream) const
{
    // Stream k takes a group a third of the range further on, on the same port.
    const QHostAddress group = m_settings.transport.streamGroup(QHostAddress(m_info.group), stream);
    QString name;
    if (m_streams.size() > 1 || stream > 0)
        name = stream == 0 ? u"fast"_qs : stream + 1 >= m_streamCount ? u"slow"_qs : u"medium"_qs;
    return {group.toString(), m_info.port, name};
}

SessionCondition TransferSession::condition() const
{
    switch (m_content->state()) {
    case SessionContent::State::Missing: return SessionCondition::ImageMissing;
    case SessionContent::State::Preparing: return SessionCondition::Preparing;
    case SessionContent::State::Ready: break;
    }
    return m_streams.empty() || !m_streams[0].sender ? SessionCondition::WaitingForInterface : SessionCondition::Ready;
}

SessionInfo TransferSession::info() const
{
    SessionInfo info = m_info;
    info.clientCount = int(m_clients.size());
    info.condition = condition();
    info.preparedPercent = m_content->preparedPercent();
    if (const std::shared_ptr<const ContentFile> file = m_content->file())
        info.size = file->size(); // known before it is hashed
    if (info.condition == SessionCondition::ImageMissing)
        info.conditionReason = m_content->missingReason();
    else if (info.condition == SessionCondition::WaitingForInterface)
        info.conditionReason = m_interfaceProblem;
    return info;
}

void TransferSession::setPaused(bool paused)
{
    m_paused = paused;
    updateSenders();
}

bool TransferSession::acceptsClients(Error *error) const
{
    if (m_paused) {
        *error = {QLatin1String(ErrorCode::NotReady), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the transport server is stopped (deploycast /Start-TransportServer)"))};
        return false;
    }
    if (!m_info.problem.isEmpty()) {
        *error = {QLatin1String(ErrorCode::NotAllowed), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' has stopped: %2")).arg(m_info.name, m_info.problem)};
        return false;
    }
    switch (condition()) {
    case SessionCondition::Ready:
        break;
    case SessionCondition::Preparing:
        *error = {QLatin1String(ErrorCode::NotReady),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' is being prepared (%2% hashed)")).arg(m_info.name).arg(m_content->preparedPercent())};
        return false;
    case SessionCondition::ImageMissing:
        *error = {QLatin1String(ErrorCode::NotReady),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the image of '%1' is missing: %2")).arg(m_info.name, m_content->missingReason())};
        return false;
    case SessionCondition::WaitingForInterface:
        *error = {QLatin1String(ErrorCode::NotReady),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' waits for its multicast interface: %2")).arg(m_info.name, m_interfaceProblem)};
        return false;
    }
    switch (m_info.state) {
    case SessionState::Deactivated:
        *error = {QLatin1String(ErrorCode::NotAllowed),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' is being removed and takes no new clients")).arg(m_info.name)};
        return false;
    case SessionState::Finished:
        *error = {QLatin1String(ErrorCode::NotAllowed),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' has finished; start it again to take new clients")).arg(m_info.name)};
        return false;
    case SessionState::Waiting:
    case SessionState::Active:
        return true;
    }
    return false;
}

void TransferSession::addClient(ReceiverPeer *peer)
{
    m_clients.append(peer);
    m_streams[0].sender->arrive(peer->repairAccount(), false);
    peer->setStream(streamAddress(0).name);
    if (m_info.type == CastType::AutoCast && m_info.state == SessionState::Waiting)
        setState(SessionState::Active);
    else
        checkScheduledStart();
    updateSenders();
}

void TransferSession::removeClient(ReceiverPeer *peer)
{
    if (!m_clients.removeOne(peer))
        return;
    if (MulticastSender *sender = senderOf(peer))
        sender->forget(peer->repairAccount());
    for (Stream &stream : m_streams)
        stream.watch.forget(peer);
    m_streamOf.remove(peer);
    if (m_clients.isEmpty()) {
        if (m_info.state == SessionState::Deactivated) {
            updateSenders();
            Q_EMIT drained();
            return;
        }
        if (m_info.state == SessionState::Active)
            setState(m_info.type == CastType::AutoCast ? SessionState::Waiting : SessionState::Finished);
    }
    updateSenders();
}

bool TransferSession::start(Error *error)
{
    if (m_info.type != CastType::ScheduledCast) {
        *error = {QLatin1String(ErrorCode::NotAllowed),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' is AutoCast: it starts when a client joins")).arg(m_info.name)};
        return false;
    }
    if (!m_info.problem.isEmpty())
        return acceptsClients(error); // says why it stopped
    if (m_info.state == SessionState::Active)
        return true; // started already (its time came, or by hand): nothing to do, as asked
    if (m_info.state == SessionState::Deactivated) {
        *error = {QLatin1String(ErrorCode::NotAllowed), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' is being removed")).arg(m_info.name)};
        return false;
    }
    qCInfo(lcTransfer).noquote() << "starting" << m_info.name << "by hand";
    setState(SessionState::Active);
    updateSenders();
    return true;
}

void TransferSession::deactivate()
{
    setState(SessionState::Deactivated);
    if (m_clients.isEmpty()) {
        Q_EMIT drained();
        return;
    }
    // Its clients finish, as in WDS, even those of a ScheduledCast that had
    // not started: it sends now until the last is done.
    updateSenders();
}

MulticastSender *TransferSession::senderOf(ReceiverPeer *peer) const
{
    const auto stream = std::size_t(m_streamOf.value(peer, 0));
    return stream < m_streams.size() ? m_streams[stream].sender : nullptr;
}

std::uint64_t TransferSession::requestRepair(ReceiverPeer *peer, const std::vector<BlockRange> &ranges,
                                             MulticastSender::RepairKind kind)
{
    MulticastSender *sender = senderOf(peer);
    return sender ? sender->requestRepair(peer->repairAccount(), ranges, kind) : 0;
}

QList<ReceiverPeer *> TransferSession::clientsOn(int stream) const
{
    QList<ReceiverPeer *> result;
    for (ReceiverPeer *peer : m_clients)
        if (m_streamOf.value(peer, 0) == stream)
            result.append(peer);
    return result;
}

qsizetype TransferSession::clientCountOn(int stream) const
{
    // Few clients are moved: count those, not the (possibly thousands) on stream 0.
    if (stream == 0)
        return m_clients.size() - m_streamOf.size();
    return std::count(m_streamOf.cbegin(), m_streamOf.cend(), stream);
}

std::optional<SlowClientAction> TransferSession::applyPolicy(const SlowClientPolicy &policy)
{
    const bool multistream = policy.kind == SlowClientPolicy::Kind::Multistream;
    if (policy.kind == SlowClientPolicy::Kind::None || (!multistream && policy.thresholdKBps <= 0))
        return std::nullopt;
    if (multistream)
        m_streamCount = std::max(policy.streamCount, int(m_streams.size()));
    for (std::size_t stream = 0; stream < m_streams.size(); ++stream) {
        Stream &watched = m_streams[stream];
        // Under Multistream, nobody leaves the slowest stream, and a client
        // alone on its stream already has it paced for itself alone.
        const bool stays = multistream && (int(stream) + 1 >= m_streamCount || clientCountOn(int(stream)) < 2);
        const bool sending = watched.sender && watched.sender->isRunning() && !stays;
        QString reason;
        ReceiverPeer *peer = watched.watch.tick(clientsOn(int(stream)), sending, policy.thresholdKBps, &reason);
        if (peer)
            return SlowClientAction{peer, multistream ? int(stream) + 1 : -1, m_info.name + u": "_qs + reason};
    }
    return std::nullopt;
}

bool TransferSession::moveClient(ReceiverPeer *peer, int stream, const QString &reason, QString *error)
{
    if (!m_clients.contains(peer)) {
        *error = u"the client has left the transmission"_qs;
        return false;
    }
    if ((std::size_t(stream) >= m_streams.size() || !m_streams[std::size_t(stream)].sender) && !openStream(stream, error))
        return false;
    const int from = m_streamOf.value(peer, 0);
    m_streams[std::size_t(from)].watch.forget(peer);
    m_streams[std::size_t(from)].sender->forget(peer->repairAccount());
    m_streamOf.insert(peer, stream);
    m_streams[std::size_t(stream)].sender->arrive(peer->repairAccount(), true);
    // The new stream starts near what the client managed, not from scratch,
    // and the client's repairs go there from now on.
    m_streams[std::size_t(stream)].sender->startNear(double(peer->info().transferRate));
    for (ReceiverPeer *client : std::as_const(m_clients))
        client->setStream(streamAddress(m_streamOf.value(client, 0)).name);
    peer->move(streamAddress(stream), reason);
    updateSenders();
    return true;
}

void TransferSession::checkContent()
{
    if (!m_info.problem.isEmpty() || m_content->state() != SessionContent::State::Ready)
        return;
    Error error;
    if (m_content->file()->checkUnchanged(&error))
        return;
    const bool running = std::any_of(m_streams.cbegin(), m_streams.cend(),
                                     [](const Stream &stream) { return stream.sender && stream.sender->isRunning(); });
    if (running || !m_clients.isEmpty()) {
        failContent(error);
        return;
    }
    // Nobody is receiving the old version: serve the new one once hashed.
    qCInfo(lcState).noquote() << m_info.name << ":" << error.message << "; preparing it again";
    for (Stream &stream : m_streams)
        delete stream.sender;
    m_streams.clear();
    m_content->prepare();
}

void TransferSession::failContent(const Error &error)
{
    if (!m_info.problem.isEmpty())
        return;
    qCCritical(lcTransfer).noquote() << "stopping" << m_info.name << ":" << error.message;
    m_info.problem = error.message;
    for (Stream &stream : m_streams)
        if (stream.sender)
            stream.sender->stop();
    const QList<ReceiverPeer *> clients = m_clients;
    for (ReceiverPeer *peer : clients)
        peer->kick(KickReason::Abort, ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' stopped: %2")).arg(m_info.name, error.message),
                   HistoryEvent::Failed);
    setState(SessionState::Finished);
    Q_EMIT stateChanged(); // the problem is news even if the state was already Finished
}

void TransferSession::setState(SessionState state)
{
    if (m_info.state == state)
        return;
    qCInfo(lcTransfer).noquote() << m_info.name << toText(m_info.state) << "->" << toText(state);
    m_info.state = state;
    Q_EMIT stateChanged();
}

void TransferSession::checkScheduledStart()
{
    if (m_info.type != CastType::ScheduledCast || m_info.state != SessionState::Waiting)
        return;
    const bool enoughClients = m_info.minClients > 0 && m_clients.size() >= m_info.minClients;
    const bool timeReached = m_info.startTime.isValid() && QDateTime::currentDateTimeUtc() >= m_info.startTime;
    if (enoughClients || timeReached) {
        qCInfo(lcTransfer).noquote() << "scheduled start of" << m_info.name
                           << (enoughClients ? "(client count reached)" : "(start time reached)");
        setState(SessionState::Active);
        updateSenders();
    } else {
        armScheduleTimer();
    }
}

void TransferSession::armScheduleTimer()
{
    if (m_info.type != CastType::ScheduledCast || !m_info.startTime.isValid()
        || m_info.state != SessionState::Waiting)
        return;
    // Re-check at least every minute: QTimer takes an int of milliseconds, and
    // the wall clock may be changed under us.
    const qint64 remaining = QDateTime::currentDateTimeUtc().msecsTo(m_info.startTime);
    m_scheduleTimer.start(int(std::clamp<qint64>(remaining, 0, 60'000)));
}

void TransferSession::updateSenders()
{
    const bool active = m_info.state == SessionState::Active || m_info.state == SessionState::Deactivated;
    for (std::size_t stream = 0; stream < m_streams.size(); ++stream) {
        MulticastSender *sender = m_streams[stream].sender;
        if (!sender)
            continue;
        const qsizetype clients = clientCountOn(int(stream));
        sender->setReceiverCount(int(clients));
        const bool sending = active && clients > 0 && !m_paused;
        if (sending && !sender->isRunning()) {
            qCDebug(lcTransfer).noquote() << "stream" << stream << "of" << m_info.name << "running";
            sender->start();
        } else if (!sending && sender->isRunning()) {
            qCDebug(lcTransfer).noquote() << "stream" << stream << "of" << m_info.name << "idle";
            sender->stop();
        }
    }
}

} // namespace deploycast
