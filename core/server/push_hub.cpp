// SPDX-License-Identifier: GPL-3.0-or-later
#include "push_hub.h"

#include "common/log.h"
#include "protocol/framed_connection.h"
#include "protocol/messages.h"
#include "image_catalog.h"
#include "protocol/management_api.h"
#include "registry.h"

#include <QCborArray>

namespace deploycast {
namespace {

QCborArray idsOf(const QList<quint32> &ids)
{
    QCborArray array;
    for (quint32 id : ids)
        array.append(qint64(id));
    return array;
}

} // namespace

PushHub::PushHub(Registry *registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
{
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &PushHub::onTick);
}

QCborMap PushHub::subscribe(FramedConnection *connection)
{
    if (!m_subscribers.contains(connection))
        m_subscribers.append(connection);
    if (!m_timer.isActive()) {
        // First subscriber: deltas start from this moment.
        remember(&m_lastSessions, &m_lastClients);
        m_catalogRevision = m_registry->catalog()->revision();
        m_historyPushed = m_registry->history().lastSequence();
        m_timer.start();
    }
    QCborArray history;
    qint64 historyBytes = 0;
    const QList<HistoryEntry> recent = m_registry->history().last(api::kHistoryInSnapshot);
    for (auto it = recent.crbegin(); it != recent.crend() && historyBytes < api::kHistoryBytesPerFrame; ++it) {
        const QCborMap entry = it->toCbor();
        historyBytes += entry.toCborValue().toCbor().size();
        history.prepend(entry);
    }
    QCborArray sessions;
    for (const SessionInfo &session : m_registry->allSessions())
        sessions.append(session.toCbor());
    QCborArray clients;
    for (const ClientInfo &client : m_registry->allClients())
        clients.append(client.toCbor());
    // A delta computed before this snapshot may repeat some of it; applying
    // the same values twice is harmless, so mirrors apply both in order.
    return {{u"sequence"_qs, m_sequence}, {u"sessions"_qs, sessions}, {u"clients"_qs, clients},
            {u"catalog"_qs, m_registry->catalogSnapshot()}, {u"history"_qs, history},
            {u"historyId"_qs, m_registry->history().historyId()}};
}

void PushHub::remember(QHash<quint32, QCborMap> *sessions, QHash<quint32, ClientInfo> *clients) const
{
    sessions->clear();
    clients->clear();
    for (const SessionInfo &session : m_registry->allSessions())
        sessions->insert(session.id, session.toCbor());
    const QList<ClientInfo> all = m_registry->allClients();
    clients->reserve(all.size());
    for (const ClientInfo &client : all)
        clients->insert(client.id, client);
}

void PushHub::onTick()
{
    m_subscribers.removeIf([](const QPointer<FramedConnection> &subscriber) {
        return !subscriber || !subscriber->isOpen();
    });
    if (m_subscribers.isEmpty()) {
        m_timer.stop();
        m_lastSessions.clear();
        m_lastClients.clear();
        return;
    }

    if (const quint64 revision = m_registry->catalog()->revision(); revision != m_catalogRevision) {
        m_catalogRevision = revision;
        send(u"catalog"_qs, m_registry->catalogSnapshot());
    }

    QHash<quint32, QCborMap> sessions;
    QHash<quint32, ClientInfo> clients;
    remember(&sessions, &clients);

    QCborArray changedSessions;
    QList<quint32> removedSessions;
    for (auto it = sessions.constBegin(); it != sessions.constEnd(); ++it)
        if (m_lastSessions.value(it.key()) != it.value())
            changedSessions.append(it.value());
    for (auto it = m_lastSessions.constBegin(); it != m_lastSessions.constEnd(); ++it)
        if (!sessions.contains(it.key()))
            removedSessions.append(it.key());

    QList<QCborMap> changedClients;
    QList<quint32> removedClients;
    for (auto it = clients.constBegin(); it != clients.constEnd(); ++it) {
        const auto before = m_lastClients.constFind(it.key());
        if (before == m_lastClients.constEnd())
            changedClients.append(it->toCbor());
        else if (QCborMap changed = it->changesSince(*before); !changed.isEmpty())
            changedClients.append(changed);
    }
    for (auto it = m_lastClients.constBegin(); it != m_lastClients.constEnd(); ++it)
        if (!clients.contains(it.key()))
            removedClients.append(it.key());

    // New history, in order, in a frame of its own; a burst beyond one
    // frame's share goes over the next ticks.
    QCborArray history;
    qint64 historyBytes = 0;
    for (const HistoryEntry &entry : m_registry->history().after(m_historyPushed, api::kMaxHistoryPerReply)) {
        if (historyBytes >= api::kHistoryBytesPerFrame)
            break;
        const QCborMap map = entry.toCbor();
        historyBytes += map.toCborValue().toCbor().size();
        history.append(map);
        m_historyPushed = entry.sequence;
    }
    if (!history.isEmpty())
        send(u"history"_qs, {{u"history"_qs, history}, {u"historyId"_qs, m_registry->history().historyId()}});

    m_lastSessions = std::move(sessions);
    m_lastClients = std::move(clients);
    if (changedSessions.isEmpty() && removedSessions.isEmpty() && changedClients.isEmpty() && removedClients.isEmpty())
        return;

    ++m_sequence;
    // Sessions and removals go in the first frame; client changes are split
    // so no frame nears the size cap. A console applies each frame as it
    // comes; "last" marks the end of the tick.
    const qsizetype frames = std::max<qsizetype>(1, (changedClients.size() + kClientsPerFrame - 1) / kClientsPerFrame);
    for (qsizetype frame = 0; frame < frames; ++frame) {
        QCborArray part;
        for (qsizetype i = frame * kClientsPerFrame; i < std::min(changedClients.size(), (frame + 1) * kClientsPerFrame); ++i)
            part.append(changedClients[i]);
        QCborMap delta{{u"sequence"_qs, m_sequence}, {u"clients"_qs, part}, {u"last"_qs, frame + 1 == frames}};
        if (frame == 0) {
            delta[u"sessions"_qs] = changedSessions;
            delta[u"removedSessions"_qs] = idsOf(removedSessions);
            delta[u"removedClients"_qs] = idsOf(removedClients);

        }
        send(u"delta"_qs, delta);
    }
}

void PushHub::send(const QString &event, const QCborMap &params)
{
    const QCborMap message = proto::notify(event, params);
    for (const QPointer<FramedConnection> &subscriber : std::as_const(m_subscribers)) {
        if (!subscriber || !subscriber->isOpen())
            continue;
        if (subscriber->queuedBytes() > kMaxQueuedBytes) {
            qCWarning(lcMgmt).noquote() << "dropping console" << subscriber->peerAddress().toString()
                                        << ": it is not reading its updates";
            subscriber->closeWithError({QLatin1String(ErrorCode::TooSlow),
                                        ServerText(QT_TRANSLATE_NOOP("ServerMessage", "dropped: more than 16 MiB of updates were waiting to be read"))});
            continue;
        }
        subscriber->send(message);
    }
}

} // namespace deploycast
