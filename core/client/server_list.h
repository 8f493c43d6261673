// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/host_port.h"

#include <QCborMap>
#include <QList>
#include <QObject>

namespace deploycast {

class ServerConnection;

// The servers a console watches, in the order they were added.
class ServerList : public QObject
{
    Q_OBJECT
public:
    explicit ServerList(QObject *parent = nullptr);

    const QList<ServerConnection *> &servers() const { return m_servers; }
    ServerConnection *find(const QString &address) const; // "host:port", case-insensitive

    // Adds and starts a connection; an address already listed is returned as is.
    ServerConnection *add(const HostPort &address);
    // Adds a recorded snapshot in place of a live server (see
    // ServerConnection::startReplay), named by the address it was recorded from.
    ServerConnection *addReplay(const QCborMap &snapshot);
    void remove(ServerConnection *server);

Q_SIGNALS:
    void serverAdded(ServerConnection *server);
    void serverAboutToBeRemoved(ServerConnection *server);

private:
    QList<ServerConnection *> m_servers;
};

} // namespace deploycast
