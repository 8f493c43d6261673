// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QSslCertificate>
#include <QString>

#include <optional>

namespace deploycast {

// What a console or command line trusts of servers' certificates, SSH's
// way: a certificate seen first is pinned in the known_hosts file that both
// share, and a different one later is refused. A certificate that equals
// the certificate file of a server on this machine (found through its state
// directory) is trusted without asking.
class TrustStore
{
public:
    enum class Verdict {
        Pinned,  // the certificate pinned for this server
        Local,   // a server on this machine, by its certificate file
        Unknown, // never seen: ask (console) or refuse without /TrustNew (CLI)
        Changed, // not the pinned one: refused
    };

    // $DEPLOYCAST_KNOWN_HOSTS, or ~/.config/deploycast/known_hosts.
    static QString knownHostsPath();
    // The state directories of servers on this machine: $DEPLOYCAST_STATE_DIR
    // (one or more, separated by ':'), or /var/lib/deploycast.
    static QStringList localStateDirectories();

    // The servers pinned in known_hosts, as "host:port", in file order.
    static QStringList knownTargets();

    // target: "host:port" as the admin named it. pinned: the pinned
    // fingerprint, when the verdict is Changed.
    Verdict check(const QString &target, const QSslCertificate &certificate, QString *pinned = nullptr) const;
    bool pin(const QString &target, const QSslCertificate &certificate, Error *error) const;
    // The state directory of the local server that presents this certificate.
    std::optional<QString> localStateDirectoryOf(const QSslCertificate &certificate) const;
};

} // namespace deploycast
