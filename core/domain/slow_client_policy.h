// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborMap>
#include <QString>

#include <optional>

namespace deploycast {

// WDS's multicast session policy for slow clients
// (/Set-Server /Transport /MulticastSessionPolicy).
struct SlowClientPolicy {
    enum class Kind { None, AutoDisconnect, Multistream };

    Kind kind = Kind::None;
    qint64 thresholdKBps = 0; // AutoDisconnect: the slowest rate a transmission may be held to
    int streamCount = 2;      // Multistream: 2 or 3
    bool fallback = true;     // a disconnected client falls back to unicast (if it can)

    QCborMap toCbor() const;
    static SlowClientPolicy fromCbor(const QCborMap &map);
};

QString toText(SlowClientPolicy::Kind kind);
std::optional<SlowClientPolicy::Kind> slowClientPolicyFromString(const QString &text);

} // namespace deploycast
