// SPDX-License-Identifier: GPL-3.0-or-later
#include "disconnect_summary.h"

namespace deploycast {

void DisconnectSummary::add(const DisconnectOutcome &outcome)
{
    if (outcome.result == u"gone"_qs) {
        ++m_gone;
    } else if (outcome.result != u"done"_qs) {
        m_refusals.append(outcome.message);
        ++m_notDone;
    } else if (outcome.action == u"fallback"_qs) {
        ++m_fellBack;
    } else if (outcome.action == u"failed"_qs) {
        ++m_failed;
    } else {
        ++m_stopped; // "stopped", or a server too old to say: it was told to stop
    }
}

void DisconnectSummary::addAlreadyGone(quint32)
{
    ++m_gone;
}

void DisconnectSummary::addServerFailure(const QString &server, const QString &message, int clients)
{
    m_refusals.append(tr("%1: %2 (%n client(s) not disconnected)", nullptr, clients).arg(server, message));
    m_notDone += clients;
}

QString DisconnectSummary::text() const
{
    QStringList parts;
    if (m_fellBack > 0)
        parts.append(tr("%n continuing by unicast", nullptr, m_fellBack));
    if (m_failed > 0)
        parts.append(tr("%n failed (no fallback)", nullptr, m_failed));
    if (m_stopped > 0)
        parts.append(tr("%n stopped with Force", nullptr, m_stopped));
    if (m_gone > 0)
        parts.append(tr("%n had already left", nullptr, m_gone));
    if (m_notDone > 0)
        parts.append(tr("%n not disconnected", nullptr, m_notDone));
    if (parts.isEmpty())
        return tr("No client was disconnected.");
    return parts.join(u", "_qs) + u'.';
}

} // namespace deploycast
