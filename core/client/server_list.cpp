// SPDX-License-Identifier: GPL-3.0-or-later
#include "server_list.h"

#include "server_connection.h"

namespace deploycast {

ServerList::ServerList(QObject *parent)
    : QObject(parent)
{
}

ServerConnection *ServerList::find(const QString &address) const
{
    for (ServerConnection *server : m_servers)
        if (server->address().compare(address, Qt::CaseInsensitive) == 0)
            return server;
    return nullptr;
}

ServerConnection *ServerList::add(const HostPort &address)
{
    if (ServerConnection *existing = find(QStringLiteral("%1:%2").arg(address.host).arg(address.port)))
        return existing;
    auto *server = new ServerConnection(address, this);
    m_servers.append(server);
    Q_EMIT serverAdded(server);
    server->start();
    return server;
}

ServerConnection *ServerList::addReplay(const QCborMap &snapshot)
{
    QString error;
    const QString listen = snapshot.value(u"server"_qs).toMap().value(u"listen"_qs).toString();
    const HostPort address = parseHostPort(listen, 7405, &error).value_or(HostPort{u"replay"_qs, 7405});
    auto *server = new ServerConnection(address, this);
    m_servers.append(server);
    Q_EMIT serverAdded(server);
    server->startReplay(snapshot);
    return server;
}

void ServerList::remove(ServerConnection *server)
{
    if (!m_servers.contains(server))
        return;
    Q_EMIT serverAboutToBeRemoved(server);
    m_servers.removeOne(server);
    server->deleteLater();
}

} // namespace deploycast
