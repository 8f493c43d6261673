// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls_server.h"

#include "tls_policy.h"

#include <QSslConfiguration>
#include <QSslSocket>

namespace deploycast {

TlsServer::TlsServer(const TlsIdentity &identity, QObject *parent)
    : QTcpServer(parent)
    , m_identity(identity)
{
}

void TlsServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    applyTlsPolicy(&configuration);
    configuration.setLocalCertificate(m_identity.certificate);
    configuration.setPrivateKey(m_identity.key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients prove themselves with tokens
    socket->setSslConfiguration(configuration);
    socket->startServerEncryption();
    addPendingConnection(socket);
}

} // namespace deploycast
