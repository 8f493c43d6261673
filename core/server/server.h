// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "connection_gate.h"
#include "image_catalog.h"
#include "image_store.h"
#include "security/audit_log.h"
#include "security/tls_server.h"
#include "security/token_store.h"
#include "state_lock.h"
#include "state_store.h"
#include "transfer_session.h"

#include <QCborMap>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

#include <memory>

namespace deploycast {

class PushHub;
class Registry;
class FramedConnection;

struct ServerOptions {
    QHostAddress listenAddress{QHostAddress::LocalHost};
    quint16 listenPort = 7405;
    QString stateDirectory;
    QString imageStore;
    TransferSettings transfer;
    // Transport settings given at start (setTransport's keys); they replace
    // the stored ones. Empty: keep what /Set-TransportServer stored.
    QCborMap transport;
    // Your own TLS pair; empty: the state directory's, made at first start.
    QString tlsCertificate;
    QString tlsKey;
    // A receiver silent for this long is dropped (WDS's inactivity timeout).
    int clientTimeoutSeconds = 30;
    ConnectionGate::Limits connections;
    AuditLog::Rotation audit;
};

// What /Get-Server /Show:Config reports.
struct ServerDescription {
    QString name;
    QString version;
    ServerOptions options;
    QCborMap toCbor() const;
};

// deploycastd's heart: listens for management and receiver connections,
// checks each one's hello, and hands it to the registry's peers.
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(const ServerOptions &options, QObject *parent = nullptr);
    ~Server() override;

    bool start(Error *error);
    quint16 port() const { return m_listener ? m_listener->serverPort() : 0; }

private:
    bool applyStartTransport(Error *error);
    bool openCatalog(Error *error);
    void onNewConnection();
    void onHello(FramedConnection *connection, const QCborMap &message);

    ServerDescription m_description;
    StateLock m_lock;
    StateStore m_store;
    ImageStore m_images;
    ImageCatalog m_catalog;
    TokenStore m_tokens;
    AuditLog m_audit;
    Registry *m_registry = nullptr;
    PushHub *m_hub = nullptr;
    TlsServer *m_listener = nullptr;
    ConnectionGate *m_gate = nullptr;
};

} // namespace deploycast
