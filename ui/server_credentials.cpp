// SPDX-License-Identifier: GPL-3.0-or-later
#include "server_credentials.h"

#include "client/management_client.h"
#include "client/server_connection.h"
#include "client/server_list.h"
#include "common/error.h"
#include "security/tls_identity.h"
#include "security/trust_store.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

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
        askForToken(server, tr("%1 refused this console: %2").arg(server->address(), server->lastError()));
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

void ServerCredentials::askForToken(ServerConnection *server, const QString &why)
{
    if (m_asking.contains(server))
        return;
    m_asking.insert(server);
    // A dialog of its own: QInputDialog does not wrap its label, and this
    // one is long (it was 1,460 px wide).
    QDialog dialog(m_dialogParent);
    dialog.setWindowTitle(tr("Token for %1").arg(server->address()));
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QLabel(why + u"\n\n"_qs
                            + tr("Paste an admin or viewer token (on the server: the admin.token or viewer.token file in "
                                 "its state folder, or deploycastd --new-token). It is kept for this server in %1, "
                                 "readable only by you.").arg(storePath()));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    layout->addWidget(text);
    auto *field = new QLineEdit;
    field->setObjectName(u"token"_qs);
    field->setEchoMode(QLineEdit::Password);
    layout->addWidget(field);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.setMinimumWidth(text->fontMetrics().averageCharWidth() * 60);
    dialog.setMaximumWidth(text->fontMetrics().averageCharWidth() * 90);
    field->setFocus();
    const bool ok = dialog.exec() == QDialog::Accepted;
    const QString token = field->text().trimmed();
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
