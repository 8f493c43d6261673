// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls_policy.h"

#include <QSslCipher>

namespace deploycast {

void applyTlsPolicy(QSslConfiguration *configuration)
{
    configuration->setProtocol(QSsl::TlsV1_2OrLater);
    QList<QSslCipher> ciphers;
    for (const QSslCipher &cipher : QSslConfiguration::supportedCiphers()) {
        const QString name = cipher.name();
        const bool tls13 = name.startsWith(u"TLS_"_qs);
        const bool aead = name.contains(u"GCM"_qs) || name.contains(u"CHACHA20"_qs);
        if (tls13 || (name.startsWith(u"ECDHE-"_qs) && aead))
            ciphers.append(cipher);
    }
    configuration->setCiphers(ciphers);
}

} // namespace deploycast
