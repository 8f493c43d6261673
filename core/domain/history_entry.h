// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client_info.h"
#include "common/server_text.h"
#include "history_event.h"

#include <QCborMap>
#include <QDateTime>
#include <QStringList>

#include <optional>

namespace deploycast {

// One entry of a server's activity history: numbered by the server in
// order, kept across restarts, and pushed to consoles.
struct HistoryEntry {
    quint64 sequence = 0;
    QDateTime time;
    HistoryEvent event = HistoryEvent::Left;
    quint32 sessionId = 0;
    QString sessionName;
    ClientInfo client;    // client events: the client as it was then (id 0 otherwise)
    QString reason;       // English
    QString reasonText;   // its template (ServerMessage), empty if none
    QStringList reasonArgs;

    void setReason(const ServerText &why)
    {
        reason = why.english();
        reasonText = why.text();
        reasonArgs = why.arguments();
    }
    // The reason in the language of this process (the template translated, or the English).
    QString localizedReason() const;
    // What it is about, e.g. "client 17 lab-pc-3 (10.0.0.3)" or "transmission 'Lab'".
    QString subject() const;

    QCborMap toCbor() const;
    // Nothing for a map that is not an entry (an unknown event, no time).
    static std::optional<HistoryEntry> fromCbor(const QCborMap &map);
};

} // namespace deploycast
