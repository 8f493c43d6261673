// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <optional>

namespace deploycast {

// The server's TLS key and certificate. At first start deploycastd makes an
// EC P-256 key and a self-signed certificate (10 years, the host name and
// its addresses as subject names) with OpenSSL's library, in its state
// directory: tls/server.key (mode 0600) and tls/server.crt (0644: it is
// public, and local tools compare it with what the server presents).
struct TlsIdentity {
    QSslCertificate certificate;
    QSslKey key;

    // Loads the given files (--tls-cert/--tls-key).
    static std::optional<TlsIdentity> load(const QString &certificatePath, const QString &keyPath, Error *error);
    // Loads the state directory's pair, making it first if there is none.
    static std::optional<TlsIdentity> loadOrCreate(const QString &stateDirectory, const QString &hostName,
                                                   Error *error);
    static QString certificatePath(const QString &stateDirectory);
    static QString keyPath(const QString &stateDirectory);
};

// "SHA256:" and the certificate's SHA-256 in colon-separated hex pairs, as
// admins compare it by eye (and as `openssl x509 -fingerprint -sha256` shows).
QString fingerprintOf(const QSslCertificate &certificate);

} // namespace deploycast
