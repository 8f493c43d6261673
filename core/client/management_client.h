// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QCborMap>
#include <QHash>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>

#include <functional>

class QSslSocket;

namespace deploycast {

class FramedConnection;

// Client-side error codes, beside the server's (docs/protocol.md).
namespace ClientErrorCode {
inline constexpr auto Unreachable = "unreachable";
inline constexpr auto HostNotFound = "host-not-found";       // the name does not resolve
inline constexpr auto ConnectionRefused = "connection-refused"; // nothing listens there
inline constexpr auto ConnectionLost = "connection-lost";
inline constexpr auto CertificateUnknown = "certificate-unknown"; // not pinned yet: ask, or /TrustNew
inline constexpr auto CertificateChanged = "certificate-changed"; // not the pinned one: refused
}

// How to connect: which role to ask for, with which token, and whether to
// pin a certificate never seen before.
struct ConnectOptions {
    QString role = QStringLiteral("admin");
    // Empty: the local server's own token file, if the server is on this
    // machine (its certificate matches a local state directory's) and the
    // file is readable; the admin token first, then the viewer token.
    QString token;
    bool trustNew = false;
};

// The core's management client, shared by the console and the command line:
// one connection to one deploycastd, requests matched to replies by id.
class ManagementClient : public QObject
{
    Q_OBJECT
public:
    using ReplyHandler = std::function<void(const QCborMap &result, const Error &error)>;

    explicit ManagementClient(QObject *parent = nullptr);

    // Over TLS. The server's certificate is checked against the pinned one
    // (TrustStore) before anything is sent. Emits ready() after the server's
    // welcome, or failed() if the server cannot be reached, its certificate
    // is unknown or changed, or it refuses the hello.
    void connectToServer(const QString &host, quint16 port, const ConnectOptions &options);
    void request(const QString &method, const QCborMap &params, ReplyHandler handler);

    QString serverName() const { return m_serverName; }
    QString grantedRole() const { return m_grantedRole; }
    // The certificate the server presented (e.g. to pin after asking).
    QSslCertificate peerCertificate() const { return m_peerCertificate; }

Q_SIGNALS:
    void ready();
    // A notification pushed by the server (e.g. "delta").
    void notified(const QString &event, const QCborMap &params);
    // Unreachable, refused, or lost; every pending request is failed first.
    void failed(const Error &error);

private:
    void onEncrypted(QSslSocket *socket, const ConnectOptions &options);
    void onMessage(const QCborMap &message);
    void fail(const Error &error);

    FramedConnection *m_connection = nullptr;
    QString m_target;
    QString m_serverName;
    QString m_grantedRole;
    QSslCertificate m_peerCertificate;
    bool m_welcomed = false;
    bool m_failed = false;
    qint64 m_nextId = 1;
    QHash<qint64, ReplyHandler> m_pending;
    QTimer *m_keepAlive = nullptr;
};

} // namespace deploycast
