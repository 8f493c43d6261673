// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace deploycast {

class ServerConnection;
struct ClientInfo;

// Which clients the table shows: what the admin selected in the tree.
struct ClientScope {
    enum class Kind {
        Nothing,       // no selection
        AllServers,    // "Servers"
        Server,        // a server: all its clients
        Transmissions, // "Multicast Transmissions": multicast clients of its transmissions
        Namespaces,    // "Namespaces": multicast clients of its namespaces
        Session,       // one transmission or namespace: its multicast clients
        Fallback,      // "Unicast Fallback": clients finishing by unicast
    };

    Kind kind = Kind::Nothing;
    const ServerConnection *server = nullptr;
    quint32 sessionId = 0;

    bool contains(const ServerConnection *clientServer, const ClientInfo &client) const;
    friend bool operator==(const ClientScope &, const ClientScope &) = default;
};

} // namespace deploycast
