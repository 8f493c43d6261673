// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QCborMap>
#include <QHostAddress>
#include <QString>

#include <optional>

namespace deploycast {

// WDS's network profiles: each caps a transmission's payload rate for a
// network of that speed. Custom leaves the cap to deploycastd's --max-rate
// (none by default: the rate adapts to the slowest receiver).
enum class NetworkProfile { Mbps10, Mbps100, Gbps1, Custom };

QString toText(NetworkProfile profile);                             // "10Mbps", …, "Custom"
std::optional<NetworkProfile> networkProfileFromString(const QString &text); // case-insensitive

// The transport server's settings (WDSUTIL /Set-TransportServer): where new
// transmissions take their multicast group and port, and their rate cap.
// A transmission keeps the group and port it was given; changes apply to
// transmissions created afterwards.
struct TransportConfig {
    // 239.192.0.0/14 is the organisation-local scope (RFC 2365); WDS's own
    // default ports are 64001-65000.
    quint32 firstGroup = 0xEFC00001; // 239.192.0.1
    quint32 lastGroup = 0xEFC0FFFE;  // 239.192.255.254
    // WDSUTIL /ObtainIpv6From:Range, used when the server multicasts on an
    // IPv6 interface. Both ends lie in one /96 (the first 96 bits equal), so
    // groups are numbered by their last 32 bits like IPv4 ones. ff15:: is the
    // site-local scope with the transient flag (RFC 4291).
    QHostAddress firstGroupV6{QStringLiteral("ff15::dc:1")};
    QHostAddress lastGroupV6{QStringLiteral("ff15::dc:fffe")};
    quint16 firstPort = 64001;
    quint16 lastPort = 65000;
    NetworkProfile profile = NetworkProfile::Custom;
    // /Disable-TransportServer: stays stopped, across restarts, until enabled.
    bool enabled = true;

    // Session IDs pick both, so a transmission's address is stable and
    // neighbours differ in group and port. The family is the multicast
    // interface's.
    QHostAddress groupFor(quint32 sessionId, QAbstractSocket::NetworkLayerProtocol family) const;
    quint16 portFor(quint32 sessionId) const;
    // Multistream: stream k (0 fast) of a session on group, spread over the
    // range of the group's family so that streams of neighbouring sessions
    // rarely share a group.
    QHostAddress streamGroup(const QHostAddress &group, int stream) const;
    // Bytes per second; customRate for Custom (0: no cap).
    qint64 rateCap(qint64 customRate) const;

    QString groupRangeText() const;   // "239.192.0.1-239.192.255.254"
    QString groupRangeTextV6() const; // "ff15::dc:1-ff15::dc:fffe"
    QString portRangeText() const;  // "64001-65000"

    QCborMap toCbor() const;
    // Checks what it reads: IPv4 and IPv6 multicast addresses, first <= last
    // (IPv6: in one /96), ports 1024-65535. Missing keys keep this config's
    // values.
    std::optional<TransportConfig> updatedFrom(const QCborMap &map, Error *error) const;
    bool operator==(const TransportConfig &) const = default;
};

} // namespace deploycast
