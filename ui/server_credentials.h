// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSet>

class QWidget;

namespace deploycast {

class ServerConnection;
class ServerList;

// What the console asks the admin when a server will not let it in: whether
// to trust a certificate seen for the first time (showing its fingerprint),
// and a token when the server refuses the one it has. Tokens are kept per
// server in the console's settings file, which is then made private (0600):
// a token is a password. A changed certificate is only reported, never
// trusted from here.
class ServerCredentials : public QObject
{
    Q_OBJECT
public:
    ServerCredentials(ServerList *servers, QWidget *dialogParent);

    // Where tokens are kept (the settings file), for the token dialog's note.
    static QString storePath();

    // Asks for a token to present to this server, saying why (a refusal, or
    // the admin's own wish to change roles), and reconnects with it.
    void askForToken(ServerConnection *server, const QString &why);

private:
    void watch(ServerConnection *server);
    void onStateChanged(ServerConnection *server);
    void askToTrust(ServerConnection *server);

    QWidget *m_dialogParent;
    QSet<ServerConnection *> m_asking; // one question per server at a time
};

} // namespace deploycast
