// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/management_api.h"
#include "management_client.h"

#include "common/cbor_values.h"
#include "protocol/framed_connection.h"
#include "protocol/messages.h"
#include "security/tls_identity.h"
#include "security/tls_policy.h"
#include "security/token_store.h"
#include "security/trust_store.h"

#include <QFile>
#include <QNetworkInterface>
#include <QSslSocket>

namespace deploycast {

ManagementClient::ManagementClient(QObject *parent)
    : QObject(parent)
{
}

namespace {

bool isOwnAddress(const QHostAddress &address)
{
    return address.isLoopback() || QNetworkInterface::allAddresses().contains(address);
}

// The token in a local server's state directory that we may read, if any.
QString localToken(const QString &stateDirectory)
{
    for (AccessRole role : {AccessRole::Admin, AccessRole::Viewer}) {
        QFile file(TokenStore::tokenFilePath(stateDirectory, role));
        if (file.open(QIODevice::ReadOnly))
            return QString::fromLatin1(file.readAll()).trimmed();
    }
    return {};
}

} // namespace

void ManagementClient::connectToServer(const QString &host, quint16 port, const ConnectOptions &options)
{
    m_target = QStringLiteral("%1:%2").arg(host).arg(port);
    auto *socket = new QSslSocket;
    // No CA vouches for a deployment server's self-signed certificate: it is
    // pinned instead (onEncrypted), before the token goes out.
    socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    QSslConfiguration configuration = socket->sslConfiguration();
    applyTlsPolicy(&configuration);
    socket->setSslConfiguration(configuration);
    m_connection = new FramedConnection(socket, this, kMaxFrameFromServer);
    connect(socket, &QSslSocket::encrypted, this, [this, socket, options] { onEncrypted(socket, options); });
    connect(m_connection, &FramedConnection::messageReceived, this, &ManagementClient::onMessage);
    connect(m_connection, &FramedConnection::closed, this, [this, socket](const QString &reason) {
        const char *code = m_welcomed ? ClientErrorCode::ConnectionLost : ClientErrorCode::Unreachable;
        if (!m_welcomed && socket->error() == QAbstractSocket::HostNotFoundError)
            code = ClientErrorCode::HostNotFound;
        else if (!m_welcomed && socket->error() == QAbstractSocket::ConnectionRefusedError)
            code = ClientErrorCode::ConnectionRefused;
        const QString text = m_welcomed ? tr("lost the connection to %1: %2").arg(m_target, reason)
                                        : tr("cannot reach server %1: %2").arg(m_target, reason);
        fail({QLatin1String(code), text});
    });
    socket->connectToHostEncrypted(host, port);
}

void ManagementClient::onEncrypted(QSslSocket *socket, const ConnectOptions &options)
{
    m_peerCertificate = socket->peerCertificate();
    const TrustStore trust;
    QString pinned;
    const TrustStore::Verdict verdict = trust.check(m_target, m_peerCertificate, &pinned);
    const QString fingerprint = fingerprintOf(m_peerCertificate);
    if (verdict == TrustStore::Verdict::Changed) {
        fail({QLatin1String(ClientErrorCode::CertificateChanged),
              tr("the certificate of %1 has CHANGED: it presents %2, but %3 was pinned in %4. This may be an attack; "
                 "if the server was reinstalled, remove its line from that file.")
                  .arg(m_target, fingerprint, pinned, TrustStore::knownHostsPath())});
        return;
    }
    if (verdict == TrustStore::Verdict::Unknown) {
        Error error;
        if (!options.trustNew) {
            fail({QLatin1String(ClientErrorCode::CertificateUnknown),
                  tr("the certificate of %1 is not known yet: %2. Check it on the server (deploycastd logs it at start) "
                     "and trust it with /TrustNew.").arg(m_target, fingerprint)});
            return;
        }
        if (!trust.pin(m_target, m_peerCertificate, &error)) {
            fail(error);
            return;
        }
    }
    QString token = options.token;
    if (token.isEmpty() && isOwnAddress(socket->peerAddress()))
        if (const std::optional<QString> directory = trust.localStateDirectoryOf(m_peerCertificate))
            token = localToken(*directory);
    m_connection->send(proto::hello(options.role, u"deploycast/" DEPLOYCAST_VERSION ""_qs, token));
}

void ManagementClient::request(const QString &method, const QCborMap &params, ReplyHandler handler)
{
    const qint64 id = m_nextId++;
    m_pending.insert(id, std::move(handler));
    m_connection->send(proto::request(id, method, params));
}

void ManagementClient::onMessage(const QCborMap &message)
{
    const QString type = proto::typeOf(message);
    if (type == QLatin1String(proto::Type::Welcome)) {
        m_welcomed = true;
        m_serverName = message.value(u"server"_qs).toString();
        m_grantedRole = message.value(u"role"_qs).toString();
        // The server drops management peers silent for two minutes.
        m_keepAlive = new QTimer(this);
        connect(m_keepAlive, &QTimer::timeout, this, [this] { request(api::methodName(api::Method::Ping), {}, [](const QCborMap &, const Error &) {}); });
        m_keepAlive->start(30'000);
        Q_EMIT ready();
    } else if (type == QLatin1String(proto::Type::Reply)) {
        const ReplyHandler handler = m_pending.take(integerOf(message.value(u"id"_qs)));
        if (handler)
            handler(message.value(u"result"_qs).toMap(), proto::errorFrom(message));
    } else if (type == QLatin1String(proto::Type::Notify)) {
        Q_EMIT notified(message.value(u"event"_qs).toString(), message.value(u"params"_qs).toMap());
    } else if (type == QLatin1String(proto::Type::Bye)) {
        fail(proto::errorFrom(message));
    }
}

void ManagementClient::fail(const Error &error)
{
    if (m_failed)
        return;
    m_failed = true;
    const auto pending = std::exchange(m_pending, {});
    for (const ReplyHandler &handler : pending)
        handler({}, error);
    Q_EMIT failed(error);
}

} // namespace deploycast
