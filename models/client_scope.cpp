// SPDX-License-Identifier: GPL-3.0-or-later
#include "client_scope.h"

#include "client/server_connection.h"

namespace deploycast {

bool ClientScope::contains(const ServerConnection *clientServer, const ClientInfo &client) const
{
    if (kind == Kind::AllServers)
        return true;
    if (kind == Kind::Nothing || clientServer != server)
        return false;
    const bool multicast = client.method == TransferMethod::Multicast;
    switch (kind) {
    case Kind::Server:
        return true;
    case Kind::Transmissions:
    case Kind::Namespaces: {
        const auto session = server->sessions().constFind(client.sessionId);
        const SessionKind wanted = kind == Kind::Transmissions ? SessionKind::Transmission : SessionKind::Namespace;
        return multicast && session != server->sessions().constEnd() && session->kind == wanted;
    }
    case Kind::Session:
        return multicast && client.sessionId == sessionId;
    case Kind::Fallback:
        return !multicast;
    case Kind::Nothing:
    case Kind::AllServers:
        break;
    }
    return false;
}

} // namespace deploycast
