// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection_gate.h"

#include "common/log.h"
#include "protocol/framed_connection.h"

namespace deploycast {
namespace {
constexpr int kSummaryMs = 10'000;
}

ConnectionGate::ConnectionGate(const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
    m_summaryTimer.setInterval(kSummaryMs);
    connect(&m_summaryTimer, &QTimer::timeout, this, [this] {
        if (m_refused > 0)
            qCWarning(lcMgmt).noquote() << m_refused << "more connections refused in the last" << kSummaryMs / 1000
                                        << "s; the last:" << m_lastRefusal;
        m_refused = 0;
        m_summaryTimer.stop(); // the next refusal starts it again
    });
}

bool ConnectionGate::admit(const QHostAddress &address)
{
    if (m_total >= m_limits.total) {
        refuse(address, QStringLiteral("the server has %1 connections, its limit (--max-connections)").arg(m_total));
        return false;
    }
    int &fromAddress = m_perAddress[address];
    if (fromAddress >= m_limits.perAddress) {
        refuse(address, QStringLiteral("%1 connections from that address, the limit (--max-connections-per-address)")
                            .arg(fromAddress));
        return false;
    }
    ++fromAddress;
    ++m_total;
    if (++m_unauthenticated > m_limits.unauthenticated)
        evictOldestUnauthenticated();
    return true;
}

void ConnectionGate::track(FramedConnection *connection, const QHostAddress &address)
{
    m_entries.insert(connection, {address, false});
    m_waitingForHello.emplace_back(connection);
    connect(connection, &FramedConnection::closed, this, [this, connection] { release(connection); });
}

void ConnectionGate::authenticated(FramedConnection *connection)
{
    const auto it = m_entries.find(connection);
    if (it == m_entries.end() || it->authenticated)
        return;
    it->authenticated = true;
    --m_unauthenticated;
}

void ConnectionGate::release(FramedConnection *connection)
{
    const auto it = m_entries.find(connection);
    if (it == m_entries.end())
        return;
    if (!it->authenticated)
        --m_unauthenticated;
    --m_total;
    if (--m_perAddress[it->address] <= 0)
        m_perAddress.remove(it->address);
    m_entries.erase(it);
}

void ConnectionGate::evictOldestUnauthenticated()
{
    while (!m_waitingForHello.empty()) {
        QPointer<FramedConnection> oldest = m_waitingForHello.front();
        m_waitingForHello.pop_front();
        const auto it = oldest ? m_entries.constFind(oldest) : m_entries.constEnd();
        if (it == m_entries.constEnd() || it->authenticated)
            continue; // closed or said hello since
        refuse(it->address, u"it had not said hello, and newer connections were waiting"_qs);
        oldest->closeWithError({QLatin1String(ErrorCode::Timeout), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "no hello in time: the server is busy"))});
        return;
    }
}

void ConnectionGate::refuse(const QHostAddress &address, const QString &why)
{
    const QString what = address.toString() + u": "_qs + why;
    if (!m_summaryTimer.isActive()) { // the first of a while is said at once
        qCWarning(lcMgmt).noquote() << "connection refused from" << what;
        m_summaryTimer.start();
        return;
    }
    ++m_refused;
    m_lastRefusal = what;
}

} // namespace deploycast
