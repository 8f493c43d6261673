#include "server_credentials.h"

#include "client/management_client.h"
#include "client/server_connection.h"
#include "client/server_list.h"
#include "common/error.h"
#include "security/tls_identity.h"
#include "security/trust_store.h"

#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace deploycast {
namespace {

QString settingsKey(const ServerConnection *server)
{
    return u"tokens/"_qs + QString(server->address()).replace(u'/', u'_');
}

} // namespace

ServerCredentials::ServerCredentials(ServerList *servers, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
{
    connect(servers, &ServerList::serverAdded, this, &ServerCredentials::watch);
    connect(servers, &ServerList::serverAboutToBeRemoved, this, [this](ServerConnection *server) { m_asking.remove(server); });
    for (ServerConnection *server : servers->servers()) {
        watch(server);
        if (server->state() != ConnectionState::Connected && QSettings().contains(settingsKey(server)))
            server->retryNow(); // it started before its stored token was set
    }
}

QString ServerCredentials::storePath()
{
    return QSettings().fileName();
}

void ServerCredentials::watch(ServerConnection *server)
{
    const QSettings settings;
    if (settings.contains(settingsKey(server)))
        server->setToken(settings.value(settingsKey(server)).toString());
    connect(server, &ServerConnection::stateChanged, this, [this, server] { onStateChanged(server); });
}

void ServerCredentials::onStateChanged(ServerConnection *server)
{
    if (server->state() != ConnectionState::Refused || m_asking.contains(server))
        return;
    if (server->lastErrorCode() == QLatin1String(ClientErrorCode::CertificateUnknown))
        askToTrust(server);
    else if (server->lastErrorCode() == QLatin1String(ErrorCode::AuthenticationFailed))
        askForToken(server);
}

void ServerCredentials::askToTrust(ServerConnection *server)
{
    m_asking.insert(server);
    QMessageBox box(QMessageBox::Question, tr("Unknown server certificate"),
                    tr("The server %1 presents a certificate that this computer has not seen before.").arg(server->address()),
                    QMessageBox::NoButton, m_dialogParent);
    box.setInformativeText(tr("Its fingerprint is:\n%1\n\nCompare it with the one deploycastd logs when it starts "
                              "(or `openssl x509 -fingerprint -sha256` of its certificate). Trust it only if they match; "
                              "it will then be pinned in %2 for the console and the command line.")
                               .arg(fingerprintOf(server->peerCertificate()), TrustStore::knownHostsPath()));
    QPushButton *trust = box.addButton(tr("&Trust this certificate"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    m_asking.remove(server);
    if (box.clickedButton() == static_cast<QAbstractButton *>(trust))
        server->retryTrustingCertificate();
}

void ServerCredentials::askForToken(ServerConnection *server)
{
    m_asking.insert(server);
    bool ok = false;
    const QString token = QInputDialog::getText(
        m_dialogParent, tr("Token for %1").arg(server->address()),
        tr("%1 refused this console: %2\n\nPaste an admin or viewer token (on the server: the admin.token or "
           "viewer.token file in its state folder, or deploycastd --new-token). It is kept for this server in %3, "
           "readable only by you.")
            .arg(server->address(), server->lastError(), storePath()),
        QLineEdit::Password, QString(), &ok).trimmed();
    m_asking.remove(server);
    if (!ok || token.isEmpty())
        return;
    {
        QSettings settings;
        settings.setValue(settingsKey(server), token);
        settings.sync();
    }
    QFile::setPermissions(storePath(), QFile::ReadOwner | QFile::WriteOwner);
    server->setToken(token);
    server->retryNow();
}

} // namespace deploycast
