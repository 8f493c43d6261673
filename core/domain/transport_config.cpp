#include "transport_config.h"

#include "common/cbor_values.h"

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

Error invalid(const QString &message)
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
        *error = invalid(QStringLiteral("%1 must be an IPv4 multicast address from 224.0.1.0 to 239.255.255.255, not '%2'")
                             .arg(what, text));
        return std::nullopt;
    }
    return value;
}

std::optional<quint16> portNumber(const QCborValue &value, const QString &what, Error *error)
{
    const qint64 port = integerOf(value, -1);
    if (port < 1024 || port > 65535) {
        *error = invalid(QStringLiteral("%1 must be a port from 1024 to 65535").arg(what));
        return std::nullopt;
    }
    return quint16(port);
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

QHostAddress TransportConfig::groupFor(quint32 sessionId) const
{
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
    const quint32 address = group.toIPv4Address();
    const quint32 count = lastGroup - firstGroup + 1;
    const quint32 stride = std::max<quint32>(1, count / kMaxStreams);
    if (address < firstGroup || address > lastGroup) // made under another range: its neighbours, inside 239/8 or 224/4
        return QHostAddress(address <= 0xEFFFFFFF - quint32(stream) ? address + quint32(stream) : address - quint32(stream));
    return QHostAddress(firstGroup + (address - firstGroup + quint32(stream) * stride) % count);
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

QString TransportConfig::portRangeText() const
{
    return QStringLiteral("%1-%2").arg(firstPort).arg(lastPort);
}

QCborMap TransportConfig::toCbor() const
{
    return {{u"ipv4Start"_qs, QHostAddress(firstGroup).toString()},
            {u"ipv4End"_qs, QHostAddress(lastGroup).toString()},
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
            *error = invalid(QStringLiteral("the start %1 comes after the end %1").arg(QLatin1String(noun)));
            return false;
        }
        if (qstrcmp(noun, "address") == 0 && quint64(*to) - quint64(*from) + 1 < kMaxStreams) {
            *error = invalid(QStringLiteral("a range needs at least %1 addresses, one per Multistream stream").arg(kMaxStreams));
            return false;
        }
        *first = *from;
        *last = *to;
        return true;
    };
    if (!readRange("ipv4Start", "ipv4End", multicastAddress, "address", &config.firstGroup, &config.lastGroup)
        || !readRange("startPort", "endPort", portNumber, "port", &config.firstPort, &config.lastPort))
        return std::nullopt;
    if (map.contains(u"profile"_qs)) {
        const auto profile = networkProfileFromString(map.value(u"profile"_qs).toString());
        if (!profile) {
            *error = invalid(u"'profile' must be 10Mbps, 100Mbps, 1Gbps or Custom"_qs);
            return std::nullopt;
        }
        config.profile = *profile;
    }
    if (map.contains(u"enabled"_qs))
        config.enabled = map.value(u"enabled"_qs).toBool(true);
    return config;
}

} // namespace deploycast
