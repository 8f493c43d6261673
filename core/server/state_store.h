// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "domain/session_info.h"
#include "domain/slow_client_policy.h"
#include "domain/transport_config.h"

#include <QList>
#include <QString>

#include <optional>

namespace deploycast {

// The server's persistent state: its transmissions and namespaces and the ID
// counters, kept in <state-dir>/state.json and replaced atomically
// (QSaveFile) on every change, so a crash leaves the old or the new file,
// never half of one.
class StateStore
{
public:
    explicit StateStore(const QString &directory);

    QString filePath() const;
    // Reads the file; a missing file is an empty, valid state.
    bool load(Error *error);

    const QList<SessionInfo> &sessions() const { return m_sessions; }
    bool saveSessions(const QList<SessionInfo> &sessions, Error *error);
    const SlowClientPolicy &policy() const { return m_policy; }
    bool savePolicy(const SlowClientPolicy &policy, Error *error);
    const TransportConfig &transport() const { return m_transport; }
    bool saveTransport(const TransportConfig &transport, Error *error);

    // Client IDs are never reused, even across restarts, so the counter is
    // written before an ID is handed out. On a write failure no ID is given.
    std::optional<quint32> allocateClientId(Error *error);
    std::optional<quint32> allocateSessionId(Error *error);

private:
    std::optional<quint32> allocate(quint32 *counter, Error *error);
    template<typename Value>
    bool replaceAndSave(Value *member, const Value &value, Error *error);
    bool save(Error *error);

    QString m_directory;
    QList<SessionInfo> m_sessions;
    SlowClientPolicy m_policy;
    TransportConfig m_transport;
    quint32 m_nextClientId = 1;
    quint32 m_nextSessionId = 1;
};

} // namespace deploycast
