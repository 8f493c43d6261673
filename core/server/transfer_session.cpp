#include "transfer_session.h"

#include "common/log.h"
#include "receiver_peer.h"
#include "transfer/multicast_sender.h"

#include <QRandomGenerator>

#include <algorithm>

namespace deploycast {

TransferSession::TransferSession(const SessionInfo &info, std::shared_ptr<const ContentFile> content,
                                 const TransferSettings &settings, QObject *parent)
    : QObject(parent)
    , m_info(info)
    , m_content(std::move(content))
    , m_settings(settings)
    // A fresh token per run, so datagrams of an earlier run of this session
    // (or another server on the same group) are never taken for ours.
    , m_token(QRandomGenerator::global()->generate())
{
    m_scheduleTimer.setSingleShot(true);
    connect(&m_scheduleTimer, &QTimer::timeout, this, &TransferSession::checkScheduledStart);
    armScheduleTimer();
}

TransferSession::~TransferSession() = default;

bool TransferSession::openSender(QString *error)
{
    m_sender = new MulticastSender(m_content, m_token, this);
    m_sender->setMaxRate(m_settings.maxRate);
    return m_sender->open(m_settings.multicastInterface, QHostAddress(m_info.group), m_info.port, error);
}

SessionInfo TransferSession::info() const
{
    SessionInfo info = m_info;
    info.clientCount = int(m_clients.size());
    return info;
}

bool TransferSession::acceptsClients(Error *error) const
{
    switch (m_info.state) {
    case SessionState::Deactivated:
        *error = {QLatin1String(ErrorCode::NotAllowed),
                  QStringLiteral("'%1' is being removed and takes no new clients").arg(m_info.name)};
        return false;
    case SessionState::Finished:
        *error = {QLatin1String(ErrorCode::NotAllowed),
                  QStringLiteral("'%1' has finished; start it again to take new clients").arg(m_info.name)};
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
    if (m_info.type == CastType::AutoCast && m_info.state == SessionState::Waiting)
        setState(SessionState::Active);
    else
        checkScheduledStart();
    updateSender();
}

void TransferSession::removeClient(ReceiverPeer *peer)
{
    if (!m_clients.removeOne(peer))
        return;
    m_nakedBlocks.remove(peer);
    if (m_clients.isEmpty()) {
        if (m_info.state == SessionState::Deactivated) {
            updateSender();
            Q_EMIT drained();
            return;
        }
        if (m_info.state == SessionState::Active)
            setState(m_info.type == CastType::AutoCast ? SessionState::Waiting : SessionState::Finished);
    }
    updateSender();
}

bool TransferSession::start(Error *error)
{
    if (m_info.type != CastType::ScheduledCast) {
        *error = {QLatin1String(ErrorCode::NotAllowed),
                  QStringLiteral("'%1' is AutoCast: it starts when a client joins").arg(m_info.name)};
        return false;
    }
    if (m_info.state == SessionState::Deactivated || m_info.state == SessionState::Active) {
        *error = {QLatin1String(ErrorCode::NotAllowed),
                  QStringLiteral("'%1' is already %2").arg(m_info.name, toText(m_info.state).toLower())};
        return false;
    }
    qCInfo(lcTransfer).noquote() << "starting" << m_info.name << "by hand";
    setState(SessionState::Active);
    updateSender();
    return true;
}

void TransferSession::deactivate()
{
    setState(SessionState::Deactivated);
    if (m_clients.isEmpty())
        Q_EMIT drained();
}

void TransferSession::requestRepair(const std::vector<BlockRange> &ranges)
{
    if (m_sender)
        m_sender->requestRepair(ranges);
}

ReceiverPeer *TransferSession::slowClientToDisconnect(const SlowClientPolicy &policy, QString *reason)
{
    for (ReceiverPeer *peer : std::as_const(m_clients))
        m_nakedBlocks[peer] += peer->takeNakedBlocks();
    if (m_graceSeconds > 0)
        --m_graceSeconds;
    // Slow: some client that is receiving gets less than the threshold. With
    // one stream paced for the slowest, the fast ones then drop below too, so
    // the one to go is the one that needed the most repairs.
    const qint64 threshold = policy.thresholdKBps * 1000;
    const bool sending = m_sender && m_sender->isRunning();
    const bool slow = sending && std::any_of(m_clients.cbegin(), m_clients.cend(), [threshold](const ReceiverPeer *peer) {
        const ClientInfo info = peer->info();
        return (info.state == ClientState::Receiving || info.state == ClientState::Repairing)
               && info.transferRate < threshold;
    });
    m_slowSeconds = slow ? m_slowSeconds + 1 : 0;
    if (!slow)
        m_nakedBlocks.clear();
    if (m_slowSeconds < kSustainSeconds || m_graceSeconds > 0 || m_clients.isEmpty())
        return nullptr;

    ReceiverPeer *worst = nullptr;
    for (ReceiverPeer *peer : std::as_const(m_clients)) {
        const quint64 naks = m_nakedBlocks.value(peer);
        if (!worst || naks > m_nakedBlocks.value(worst)
            || (naks == m_nakedBlocks.value(worst) && peer->info().transferRate < worst->info().transferRate))
            worst = peer;
    }
    *reason = QStringLiteral("%1 ran below the %2 KB/s threshold for %3 s; this client received %4 KB/s and "
                             "needed %5 blocks repaired")
                  .arg(m_info.name).arg(policy.thresholdKBps).arg(kSustainSeconds)
                  .arg(worst->info().transferRate / 1000).arg(m_nakedBlocks.value(worst));
    m_slowSeconds = 0;
    m_graceSeconds = kGraceSeconds;
    m_nakedBlocks.clear();
    return worst;
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
        updateSender();
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

void TransferSession::updateSender()
{
    if (!m_sender)
        return;
    const bool sending = (m_info.state == SessionState::Active || m_info.state == SessionState::Deactivated)
                         && !m_clients.isEmpty();
    if (sending && !m_sender->isRunning()) {
        qCDebug(lcTransfer).noquote() << "sender of" << m_info.name << "running";
        m_sender->start();
    } else if (!sending && m_sender->isRunning()) {
        qCDebug(lcTransfer).noquote() << "sender of" << m_info.name << "idle";
        m_sender->stop();
    }
}

} // namespace deploycast
