// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/client_info.h"

#include <QCoreApplication>
#include <QStringList>

namespace deploycast {

// What came of one bulk disconnect, across servers, counted by what really
// happened to each client: "6 continuing by unicast, 1 failed (no fallback),
// 2 had already left".
class DisconnectSummary
{
    Q_DECLARE_TR_FUNCTIONS(DisconnectSummary)
public:
    // One client's outcome, as its server answered.
    void add(const DisconnectOutcome &outcome);
    // A client that had left before the request went out.
    void addAlreadyGone(quint32 id);
    // A server that could not be asked (lost, refused): its clients are not counted as done.
    void addServerFailure(const QString &server, const QString &message, int clients);

    int fellBack() const { return m_fellBack; }
    int failed() const { return m_failed; }
    int stopped() const { return m_stopped; }
    int alreadyGone() const { return m_gone; }
    int notDisconnected() const { return m_notDone; }
    // Something the admin must read: refusals or servers that failed.
    bool needsAttention() const { return !m_refusals.isEmpty(); }

    // One sentence, e.g. "6 continuing by unicast, 1 failed (no fallback), 2 had already left."
    QString text() const;
    // The refusals, one per line.
    QString details() const { return m_refusals.join(u'\n'); }

private:
    int m_fellBack = 0;
    int m_failed = 0;
    int m_stopped = 0;
    int m_gone = 0;
    int m_notDone = 0;
    QStringList m_refusals;
};

} // namespace deploycast
