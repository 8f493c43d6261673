// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tls_identity.h"

#include <QTcpServer>

namespace deploycast {

// A listener whose connections are TLS (tls_policy.h) from the first byte:
// nextPendingConnection() hands out QSslSockets already in their server
// handshake. Anything written before the handshake completes is queued.
class TlsServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit TlsServer(const TlsIdentity &identity, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    TlsIdentity m_identity;
};

} // namespace deploycast
