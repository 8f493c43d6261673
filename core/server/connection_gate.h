// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>

namespace deploycast {

class FramedConnection;

// Who may connect, so that no address and no crowd can take all of the
// server's connections or its memory: at most `total` connections, at most
// `perAddress` from one address, and at most `unauthenticated` that have not
// said hello yet. When a new connection comes and that last is full, the
// oldest peer still without a hello goes: a silent or slow peer cannot keep
// a lab that boots out.
class ConnectionGate : public QObject
{
    Q_OBJECT
public:
    struct Limits {
        int total = 20'000;
        int perAddress = 256;
        int unauthenticated = 1'024;
    };
    explicit ConnectionGate(const Limits &limits, QObject *parent = nullptr);

    // Asked as a connection is accepted, before any TLS work: whether to
    // take it (it is then counted until it closes).
    bool admit(const QHostAddress &address);
    // Every admitted connection, once it is a FramedConnection.
    void track(FramedConnection *connection, const QHostAddress &address);
    // It said a good hello.
    void authenticated(FramedConnection *connection);

private:
    struct Entry {
        QHostAddress address;
        bool authenticated = false;
    };
    void release(FramedConnection *connection);
    void refuse(const QHostAddress &address, const QString &why);
    void evictOldestUnauthenticated();

    Limits m_limits;
    int m_total = 0;
    int m_unauthenticated = 0;
    QHash<QHostAddress, int> m_perAddress;
    QHash<FramedConnection *, Entry> m_entries;
    std::deque<QPointer<FramedConnection>> m_waitingForHello; // oldest first
    // Refusals are logged as a count every few seconds, not one line each:
    // a flood must not become a flood of log lines.
    QTimer m_summaryTimer;
    int m_refused = 0;
    QString m_lastRefusal;
};

} // namespace deploycast
