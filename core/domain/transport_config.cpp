// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport_config.h"

#include "common/cbor_values.h"

#include <algorithm>

namespace deploycast {
namespace {

// How far apart a session's multistream groups are: at most three streams.
constexpr quint32 kMaxStreams = 3;

constexpr std::pair<NetworkProfile, const char *> kProfiles[] = {
    {NetworkProfile::Mbps10, "10Mbps"},
    {NetworkProfile::Mbps100, "100Mbps"},
    {NetworkProfile::Gbps1, "1Gbps"},
    {NetworkProfile::Custom, "Custom"},
};

Error invalid(const ServerText &message)
{
    return {QLatin1String(ErrorCode::InvalidArgument), message};
}

// An IPv4 multicast address (224.0.0.0/4), not the link-local 224.0.0.0/24
// that routers and the kernel own.
std::optional<quint32> multicastAddress(const QCborValue &given, const QString &what, Error *error)
{
    const QString text = given.toString();
    const QHostAddress address(text);
    const quint32 value = address.toIPv4Address();
    if (address.protocol() != QAbstractSocket::IPv4Protocol || (value >> 28) != 0xE || (value >> 8) == 0xE00000) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 must be an IPv4 multicast address from 224.0.1.0 to 239.255.255.255, not '%2'"))
                             .arg(what, text));
        return std::nullopt;
    }
    return value;
}

// An IPv6 multicast address (ff00::/8) of a scope wider than one link.
std::optional<QHostAddress> multicastAddressV6(const QCborValue &given, const QString &what, Error *error)
{
    const QString text = given.toString();
    const QHostAddress address(text);
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    const int scope = bytes[1] & 0x0f;
    // Not below realm-local (3): a link-local group cannot be bound without
    // naming its interface, which receivers of a range do not.
    if (address.protocol() != QAbstractSocket::IPv6Protocol || bytes[0] != 0xff || scope < 3 || scope == 0xf) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 must be an IPv6 multicast address (ff03:: to ff0e::, e.g. ff15::1), not '%2'"))
                             .arg(what, text));
        return std::nullopt;
    }
    return address;
}

quint32 low32(const QHostAddress &address)
{
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    return quint32(bytes[12]) << 24 | quint32(bytes[13]) << 16 | quint32(bytes[14]) << 8 | quint32(bytes[15]);
}

// `prefixOf`'s first 96 bits with `number` as the last 32.
QHostAddress withLow32(const QHostAddress &prefixOf, quint32 number)
{
    Q_IPV6ADDR bytes = prefixOf.toIPv6Address();
    for (int i = 0; i < 4; ++i)
        bytes[15 - i] = quint8(number >> (8 * i));
    return QHostAddress(bytes);
}

bool samePrefix96(const QHostAddress &a, const QHostAddress &b)
{
    const Q_IPV6ADDR x = a.toIPv6Address();
    const Q_IPV6ADDR y = b.toIPv6Address();
    return std::equal(x.c, x.c + 12, y.c);
}

std::optional<quint16> portNumber(const QCborValue &value, const QString &what, Error *error)
{
    const qint64 port = integerOf(value, -1);
    if (port < 1024 || port > 65535) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 must be a port from 1024 to 65535")).arg(what));
        return std::nullopt;
    }
    return quint16(port);
}

// ipv6Start and ipv6End: both or neither, in one /96, enough for Multistream.
bool readRangeV6(const QCborMap &map, TransportConfig *config, Error *error)
{
    if (!map.contains(u"ipv6Start"_qs) && !map.contains(u"ipv6End"_qs))
        return true;
    const auto from = multicastAddressV6(map.value(u"ipv6Start"_qs), QStringLiteral("The start address"), error);
    const auto to = from ? multicastAddressV6(map.value(u"ipv6End"_qs), QStringLiteral("The end address"), error) : std::nullopt;
    if (!to)
        return false;
    if (!samePrefix96(*from, *to)) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "an IPv6 range must lie within one /96: its two ends may differ only in their last 32 bits")));
        return false;
    }
    if (low32(*from) > low32(*to)) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the start address comes after the end address")));
        return false;
    }
    if (quint64(low32(*to)) - low32(*from) + 1 < kMaxStreams) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a range needs at least %1 addresses, one per Multistream stream")).arg(kMaxStreams));
        return false;
    }
    config->firstGroupV6 = *from;
    config->lastGroupV6 = *to;
    return true;
}

} // namespace

QString toText(NetworkProfile profile)
{
    for (const auto &[value, name] : kProfiles)
        if (value == profile)
            return QLatin1String(name);
    return {};
}

std::optional<NetworkProfile> networkProfileFromString(const QString &text)
{
    for (const auto &[value, name] : kProfiles)
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return value;
    return std::nullopt;
}

QHostAddress TransportConfig::groupFor(quint32 sessionId, QAbstractSocket::NetworkLayerProtocol family) const
{
    if (family == QAbstractSocket::IPv6Protocol) {
        // In 64 bits: a range of a whole /96 holds 2^32 groups.
        const quint32 first = low32(firstGroupV6);
        return withLow32(firstGroupV6, quint32(first + quint64(sessionId - 1) % (quint64(low32(lastGroupV6)) - first + 1)));
    }
    const quint32 count = lastGroup - firstGroup + 1;
    return QHostAddress(firstGroup + (sessionId - 1) % count);
}

quint16 TransportConfig::portFor(quint32 sessionId) const
{
    const quint32 count = quint32(lastPort - firstPort) + 1;
    return quint16(firstPort + (sessionId - 1) % count);
}

QHostAddress TransportConfig::streamGroup(const QHostAddress &group, int stream) const
{
    const bool ipv6 = group.protocol() == QAbstractSocket::IPv6Protocol;
    const quint32 address = ipv6 ? low32(group) : group.toIPv4Address();
    const quint32 first = ipv6 ? low32(firstGroupV6) : firstGroup;
    const quint32 last = ipv6 ? low32(lastGroupV6) : lastGroup;
    const bool inRange = address >= first && address <= last && (!ipv6 || samePrefix96(group, firstGroupV6));
    quint32 number = 0;
    if (inRange) {
        const quint64 count = quint64(last) - first + 1; // 2^32 for a whole /96
        const quint64 stride = std::max<quint64>(1, count / kMaxStreams);
        number = quint32(first + (quint64(address - first) + quint64(stream) * stride) % count);
    } else { // made under another range: its neighbours
        const quint32 top = ipv6 ? 0xFFFFFFFF : 0xEFFFFFFF; // inside 239/8 or 224/4
        number = address <= top - quint32(stream) ? address + quint32(stream) : address - quint32(stream);
    }
    return ipv6 ? withLow32(group, number) : QHostAddress(number);
}

qint64 TransportConfig::rateCap(qint64 customRate) const
{
    switch (profile) {
    case NetworkProfile::Mbps10:
        return 1'250'000;
    case NetworkProfile::Mbps100:
        return 12'500'000;
    case NetworkProfile::Gbps1:
        return 125'000'000;
    case NetworkProfile::Custom:
        return customRate;
    }
    return customRate;
}

QString TransportConfig::groupRangeText() const
{
    return QHostAddress(firstGroup).toString() + u'-' + QHostAddress(lastGroup).toString();
}

QString TransportConfig::groupRangeTextV6() const
{
    return firstGroupV6.toString() + u'-' + lastGroupV6.toString();
}

QString TransportConfig::portRangeText() const
{
    return QStringLiteral("%1-%2").arg(firstPort).arg(lastPort);
}

QCborMap TransportConfig::toCbor() const
{
    return {{u"ipv4Start"_qs, QHostAddress(firstGroup).toString()},
            {u"ipv4End"_qs, QHostAddress(lastGroup).toString()},
            {u"ipv6Start"_qs, firstGroupV6.toString()},
            {u"ipv6End"_qs, lastGroupV6.toString()},
            {u"startPort"_qs, firstPort},
            {u"endPort"_qs, lastPort},
            {u"profile"_qs, toText(profile)},
            {u"enabled"_qs, enabled}};
}

std::optional<TransportConfig> TransportConfig::updatedFrom(const QCborMap &map, Error *error) const
{
    TransportConfig config = *this;
    // Both ends or neither, each valid, the first not after the last.
    auto readRange = [&map, error](const char *firstKey, const char *lastKey, auto read, const char *noun, auto *first, auto *last) {
        if (!map.contains(QLatin1String(firstKey)) && !map.contains(QLatin1String(lastKey)))
            return true;
        const auto from = read(map.value(QLatin1String(firstKey)), QStringLiteral("The start %1").arg(QLatin1String(noun)), error);
        const auto to = from ? read(map.value(QLatin1String(lastKey)), QStringLiteral("The end %1").arg(QLatin1String(noun)), error)
                             : std::nullopt;
        if (!to)
            return false;
        if (*from > *to) {
            *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the start %1 comes after the end %1")).arg(QLatin1String(noun)));
            return false;
        }
        if (qstrcmp(noun, "address") == 0 && quint64(*to) - quint64(*from) + 1 < kMaxStreams) {
            *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a range needs at least %1 addresses, one per Multistream stream")).arg(kMaxStreams));
            return false;
        }
        *first = *from;
        *last = *to;
        return true;
    };
    if (!readRange("ipv4Start", "ipv4End", multicastAddress, "address", &config.firstGroup, &config.lastGroup)
        || !readRange("startPort", "endPort", portNumber, "port", &config.firstPort, &config.lastPort))
        return std::nullopt;
    if (!readRangeV6(map, &config, error))
        return std::nullopt;
    if (map.contains(u"profile"_qs)) {
        const auto profile = networkProfileFromString(map.value(u"profile"_qs).toString());
        if (!profile) {
            *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'profile' must be 10Mbps, 100Mbps, 1Gbps or Custom")));
            return std::nullopt;
        }
        config.profile = *profile;
    }
    if (map.contains(u"enabled"_qs))
        config.enabled = map.value(u"enabled"_qs).toBool(true);
    return config;
}

} // namespace deploycast
