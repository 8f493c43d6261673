// SPDX-License-Identifier: GPL-3.0-or-later
#include "server_connection.h"

#include "common/cbor_values.h"
#include "management_client.h"
#include "protocol/messages.h"

#include <QCborArray>
#include <QRandomGenerator>

namespace deploycast {

ServerConnection::ServerConnection(const HostPort &address, QObject *parent)
    : QObject(parent)
    , m_address(address)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ServerConnection::connectNow);
    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this, &ServerConnection::stateChanged);
}

ServerConnection::~ServerConnection() = default;

QString ServerConnection::address() const
{
    return QStringLiteral("%1:%2").arg(m_address.host).arg(m_address.port);
}

int ServerConnection::retryInSeconds() const
{
    if (m_frozenTime.isValid())
        return m_frozenRetrySeconds;
    return m_retryTimer.isActive() ? (m_retryTimer.remainingTime() + 999) / 1000 : 0;
}

void ServerConnection::start()
{
    connectNow();
}

void ServerConnection::startReplay(const QCborMap &snapshot)
{
    m_frozenTime = QDateTime::fromString(snapshot.value(u"recordedAt"_qs).toString(), Qt::ISODateWithMs);
    if (!m_frozenTime.isValid())
        m_frozenTime = QDateTime::fromString(u"2026-01-01T00:00:00Z"_qs, Qt::ISODate);
    m_serverName = snapshot.value(u"server"_qs).toMap().value(u"name"_qs).toString();
    m_role = u"admin"_qs; // a recording shows what the admin who made it saw
    applySnapshot(snapshot);
    setState(ConnectionState::Connected);
}

void ServerConnection::replayLoss(const QString &error, int retryInSeconds)
{
    m_lastError = error;
    m_frozenRetrySeconds = retryInSeconds;
    m_state = ConnectionState::Lost; // no countdown timer: the picture stays still
    Q_EMIT stateChanged();
}

QDateTime ServerConnection::referenceTime() const
{
    return m_frozenTime.isValid() ? m_frozenTime : QDateTime::currentDateTimeUtc();
}

void ServerConnection::connectNow()
{
    if (m_client)
        m_client->deleteLater();
    setState(ConnectionState::Connecting);
    m_client = new ManagementClient(this);
    connect(m_client, &ManagementClient::ready, this, &ServerConnection::onReady);
    connect(m_client, &ManagementClient::failed, this, &ServerConnection::onFailed);
    connect(m_client, &ManagementClient::notified, this, [this](const QString &event, const QCborMap &params) {
        if (event == u"delta"_qs)
            applyDelta(params);
        else if (event == u"catalog"_qs)
            applyCatalog(params);
        else if (event == u"history"_qs)
            applyHistory(params);
    });
    ConnectOptions options;
    options.token = m_token;
    options.trustNew = std::exchange(m_trustNew, false);
    m_client->connectToServer(m_address.host, m_address.port, options);
}

void ServerConnection::retryTrustingCertificate()
{
    m_trustNew = true;
    retryNow();
}

void ServerConnection::retryNow()
{
    m_retryTimer.stop();
    m_attempt = 0;
    connectNow();
}

void ServerConnection::onReady()
{
    m_serverName = m_client->serverName();
    m_role = m_client->grantedRole();
    m_attempt = 0;
    m_lastError.clear();
    refresh();
}

void ServerConnection::refresh()
{
    if (!m_client || m_state == ConnectionState::Lost || m_state == ConnectionState::Refused)
        return;
    m_client->request(api::methodName(api::Method::Subscribe), {}, [this](const QCborMap &result, const Error &error) {
        if (!error.isNull())
            return; // the connection's failure path reports it
        applySnapshot(result);
        setState(ConnectionState::Connected);
    });
}

void ServerConnection::onFailed(const Error &error)
{
    m_lastError = localizedMessage(error);
    m_lastErrorCode = error.code;
    if (m_client)
        m_peerCertificate = m_client->peerCertificate();
    static const char *const kNoRetry[] = {ErrorCode::PermissionDenied, ErrorCode::VersionMismatch,
                                           ErrorCode::AuthenticationFailed, ClientErrorCode::CertificateUnknown,
                                           ClientErrorCode::CertificateChanged};
    if (std::any_of(std::begin(kNoRetry), std::end(kNoRetry),
                    [&error](const char *code) { return error.code == QLatin1String(code); })) {
        setState(ConnectionState::Refused);
        return;
    }
    // Exponential backoff with full jitter on top, capped: many consoles that
    // lost the same server do not come back in lock-step.
    const int base = std::min(kMaxBackoffSeconds, 1 << std::min(m_attempt, 5));
    ++m_attempt;
    const int delayMs = std::min(kMaxBackoffSeconds * 1000,
                                 base * 1000 / 2 + int(QRandomGenerator::global()->bounded(base * 1000 / 2 + 1)));
    m_retryTimer.start(delayMs);
    setState(ConnectionState::Lost);
}

void ServerConnection::setState(ConnectionState state)
{
    if (state == ConnectionState::Lost)
        m_countdownTimer.start();
    else
        m_countdownTimer.stop();
    m_state = state;
    Q_EMIT stateChanged();
}

void ServerConnection::call(api::Method method, const QCborMap &params, Done done)
{
    if (!m_client || m_state != ConnectionState::Connected) {
        done({}, {QLatin1String(ClientErrorCode::ConnectionLost), QStringLiteral("not connected to %1").arg(address())});
        return;
    }
    m_client->request(api::methodName(method), params, std::move(done));
}

void ServerConnection::disconnectClients(const QList<quint32> &ids, bool force,
                                         std::function<void(const QList<DisconnectOutcome> &, const Error &)> done)
{
    call(api::Method::DisconnectClients, api::disconnectRequest(ids, force),
         [done](const QCborMap &result, const Error &error) {
             QList<DisconnectOutcome> outcomes;
             for (const QCborValue &value : result.value(u"results"_qs).toArray()) {
                 const QCborMap map = value.toMap();
                 outcomes.append({quint32(integerOf(map.value(u"id"_qs))), map.value(u"result"_qs).toString(),
                                  map.value(u"message"_qs).toString(), map.value(u"action"_qs).toString()});
             }
             done(outcomes, error);
         });
}

void ServerConnection::applySessions(const QCborArray &sessions, MirrorChange *change)
{
    for (const QCborValue &value : sessions) {
        const SessionInfo session = SessionInfo::fromCbor(value.toMap());
        auto it = m_sessions.find(session.id);
        if (it == m_sessions.end()) {
            m_sessions.insert(session.id, session);
            change->addedSessions.append(session.id);
        } else {
            *it = session;
            change->changedSessions.append(session.id);
        }
    }
}

namespace {

QSet<quint32> idsIn(const QCborArray &maps)
{
    QSet<quint32> ids;
    for (const QCborValue &value : maps)
        ids.insert(quint32(integerOf(value.toMap().value(u"id"_qs))));
    return ids;
}

// Drops the entries a snapshot no longer has, and lists them.
template<typename Value>
void dropMissing(QHash<quint32, Value> *entries, const QSet<quint32> &live, QList<quint32> *removed)
{
    for (auto it = entries->begin(); it != entries->end();) {
        if (live.contains(it.key())) {
            ++it;
        } else {
            removed->append(it.key());
            it = entries->erase(it);
        }
    }
}

} // namespace

void ServerConnection::applyClients(const QCborArray &clients, MirrorChange *change)
{
    for (const QCborValue &value : clients) {
        const QCborMap map = value.toMap();
        const quint32 id = quint32(integerOf(map.value(u"id"_qs)));
        auto it = m_clients.find(id);
        if (it == m_clients.end()) {
            // A new client carries every field; a partial one for an unknown
            // ID can only be a delta that raced our snapshot, so skip it.
            if (!map.contains(u"joinedAt"_qs))
                continue;
            m_clients.insert(id, ClientInfo::fromCbor(map));
            change->addedClients.append(id);
        } else {
            it->update(map);
            change->changedClients.append(id);
        }
    }
}

void ServerConnection::applySnapshot(const QCborMap &snapshot)
{
    MirrorChange change;
    const QCborArray sessions = snapshot.value(u"sessions"_qs).toArray();
    dropMissing(&m_sessions, idsIn(sessions), &change.removedSessions);
    applySessions(sessions, &change);

    const QCborArray clients = snapshot.value(u"clients"_qs).toArray();
    const QSet<quint32> live = idsIn(clients);
    for (const quint32 id : m_clients.keys())
        if (!live.contains(id))
            removeLiveClient(id, &change);
    applyClients(clients, &change);
    m_lastUpdate = referenceTime();
    Q_EMIT changed(change);
    applyCatalog(snapshot.value(u"catalog"_qs).toMap());
    applyHistory(snapshot, false);
}

void ServerConnection::removeLiveClient(quint32 id, MirrorChange *change)
{
    if (!m_clients.remove(id))
        return;
    change->removedClients.append(id);
    if (m_finished.contains(id))
        change->finishedClients.append(id); // its row stays, now finished
}

const ClientInfo *ServerConnection::client(quint32 id) const
{
    if (const auto live = m_clients.constFind(id); live != m_clients.constEnd())
        return &*live;
    const auto finished = m_finished.constFind(id);
    return finished == m_finished.constEnd() ? nullptr : &*finished;
}

void ServerConnection::forgetHistory(MirrorChange *change)
{
    m_history.clear();
    for (const quint32 id : m_finishedOrder)
        if (!m_clients.contains(id))
            change->removedClients.append(id);
    m_finished.clear();
    m_finishedOrder.clear();
    Q_EMIT historyCleared();
}

void ServerConnection::applyHistory(const QCborMap &push, bool live)
{
    MirrorChange change;
    // Another history (the server's state was wiped, or it is another
    // server at that address): what we had of the old one goes.
    const QString historyId = push.value(u"historyId"_qs).toString();
    if (!historyId.isEmpty() && historyId != m_historyId) {
        if (!m_historyId.isEmpty())
            forgetHistory(&change);
        m_historyId = historyId;
    }
    QList<HistoryEntry> added;
    for (const QCborValue &value : push.value(u"history"_qs).toArray()) {
        std::optional<HistoryEntry> entry = HistoryEntry::fromCbor(value.toMap());
        const quint64 lastSeen = m_history.empty() ? 0 : m_history.back().sequence;
        if (!entry || entry->sequence <= lastSeen)
            continue; // seen already (a snapshot and a push may overlap)
        m_history.push_back(*entry);
        if (m_history.size() > std::size_t(kMaxHistory))
            m_history.pop_front();
        added.append(*entry);
        if (!isClientEvent(entry->event) || !isFinal(entry->event) || entry->client.id == 0)
            continue;
        ClientInfo finished = entry->client;
        finished.outcome = entry->event;
        finished.endedAt = entry->time;
        finished.outcomeReason = entry->localizedReason();
        if (!m_finished.contains(finished.id))
            m_finishedOrder.push_back(finished.id);
        m_finished.insert(finished.id, finished);
        change.finishedClients.append(finished.id);
        if (m_finishedOrder.size() > std::size_t(kMaxFinished)) {
            const quint32 oldest = m_finishedOrder.front();
            m_finishedOrder.pop_front();
            m_finished.remove(oldest);
            if (!m_clients.contains(oldest))
                change.removedClients.append(oldest);
        }
    }
    if (!change.isEmpty())
        Q_EMIT changed(change);
    if (!added.isEmpty())
        Q_EMIT historyAdded(added, live);
}

quint32 ServerConnection::transmissionOf(const QString &imagePath) const
{
    for (const SessionInfo &session : m_sessions)
        if (session.kind == SessionKind::Transmission && session.contentPath == imagePath)
            return session.id;
    return 0;
}

void ServerConnection::applyCatalog(const QCborMap &catalog)
{
    QStringList groups;
    for (const QCborValue &group : catalog.value(u"groups"_qs).toArray())
        groups.append(group.toString());
    QList<CatalogImage> images;
    for (const QCborValue &image : catalog.value(u"images"_qs).toArray())
        images.append(CatalogImage::fromCbor(image.toMap()));
    const bool same = groups == m_imageGroups && images.size() == m_images.size()
        && std::equal(images.cbegin(), images.cend(), m_images.cbegin(), [](const CatalogImage &a, const CatalogImage &b) {
               return a.toCbor() == b.toCbor();
           });
    if (same)
        return;
    m_imageGroups = groups;
    m_images = images;
    Q_EMIT catalogChanged();
}

void ServerConnection::applyDelta(const QCborMap &delta)
{
    MirrorChange change;
    for (const QCborValue &value : delta.value(u"removedSessions"_qs).toArray())
        if (m_sessions.remove(quint32(integerOf(value))))
            change.removedSessions.append(quint32(integerOf(value)));
    applySessions(delta.value(u"sessions"_qs).toArray(), &change);
    for (const QCborValue &value : delta.value(u"removedClients"_qs).toArray())
        removeLiveClient(quint32(integerOf(value)), &change);
    applyClients(delta.value(u"clients"_qs).toArray(), &change);
    m_lastUpdate = referenceTime();
    if (!change.isEmpty())
        Q_EMIT changed(change);
}

} // namespace deploycast
