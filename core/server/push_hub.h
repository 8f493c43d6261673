// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/client_info.h"

#include <QCborMap>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace deploycast {

class FramedConnection;
class Registry;

// Live updates for consoles: a subscriber gets one snapshot, then, on every
// tick, one "delta" with only what changed since the tick before: whole
// session maps for sessions that changed, and for clients just the fields that
// changed (new clients in full). The diff is computed once per tick for all
// subscribers. A subscriber that cannot keep up is dropped with a reason
// rather than allowed to make the server queue without bound. The image
// catalog, which changes seldom, goes whole in a "catalog" notification
// when it has changed.
class PushHub : public QObject
{
    Q_OBJECT
public:
    explicit PushHub(Registry *registry, QObject *parent = nullptr);

    // The snapshot reply for a new subscriber; deltas follow on the connection.
    QCborMap subscribe(FramedConnection *connection);

    static constexpr int kTickMs = 250;
    static constexpr qint64 kMaxQueuedBytes = 16 * 1024 * 1024;
    static constexpr int kClientsPerFrame = 2000; // keeps each delta frame well under the 1 MiB cap

private:
    void onTick();
    void remember(QHash<quint32, QCborMap> *sessions, QHash<quint32, ClientInfo> *clients) const;
    void send(const QString &event, const QCborMap &params);

    Registry *m_registry;
    QTimer m_timer;
    QList<QPointer<FramedConnection>> m_subscribers;
    QHash<quint32, QCborMap> m_lastSessions;
    // As last pushed. Clients are kept as structs and compared field by
    // field: with 10,000 clients, building every client's CBOR map four
    // times a second to compare them was most of the server's CPU.
    QHash<quint32, ClientInfo> m_lastClients;
    qint64 m_sequence = 0;
    quint64 m_historyPushed = 0; // the sequence of the last history entry pushed
    quint64 m_catalogRevision = 0; // as last pushed ("catalog": the whole catalog, when it changed)
};

} // namespace deploycast
