#include "client_info.h"

#include "common/enum_names.h"

namespace deploycast {
namespace {
const std::pair<ClientState, const char *> kStates[] = {{ClientState::Waiting, "waiting"},
                                                         {ClientState::Receiving, "receiving"},
                                                         {ClientState::Repairing, "repairing"},
                                                         {ClientState::Verifying, "verifying"}};
const std::pair<TransferMethod, const char *> kMethods[] = {{TransferMethod::Multicast, "multicast"},
                                                            {TransferMethod::Unicast, "unicast"}};
}

QString toText(ClientState state)
{
    return nameOf(state, kStates);
}

QString toText(TransferMethod method)
{
    return nameOf(method, kMethods);
}

std::optional<ClientState> clientStateFromString(const QString &text)
{
    return valueOf(text, kStates);
}

QCborMap ClientInfo::toCbor() const
{
    QCborMap map;
    map[u"id"_qs] = qint64(id);
    map[u"sessionId"_qs] = qint64(sessionId);
    map[u"session"_qs] = sessionName;
    map[u"name"_qs] = machineName;
    map[u"ip"_qs] = ipAddress;
    map[u"mac"_qs] = macAddress;
    map[u"joinedAt"_qs] = joinedAt.toUTC().toString(Qt::ISODate);
    map[u"percent"_qs] = percentComplete;
    map[u"bytes"_qs] = bytesReceived;
    map[u"rate"_qs] = transferRate;
    map[u"cpu"_qs] = cpuUtilization;
    map[u"memory"_qs] = memoryUtilization;
    map[u"network"_qs] = networkUtilization;
    map[u"method"_qs] = toText(method);
    map[u"state"_qs] = toText(state);
    map[u"fallback"_qs] = fallbackSupported;
    return map;
}

ClientInfo ClientInfo::fromCbor(const QCborMap &map)
{
    ClientInfo info;
    info.id = quint32(map.value(u"id"_qs).toInteger());
    info.sessionId = quint32(map.value(u"sessionId"_qs).toInteger());
    info.sessionName = map.value(u"session"_qs).toString();
    info.machineName = map.value(u"name"_qs).toString();
    info.ipAddress = map.value(u"ip"_qs).toString();
    info.macAddress = map.value(u"mac"_qs).toString();
    info.joinedAt = QDateTime::fromString(map.value(u"joinedAt"_qs).toString(), Qt::ISODate);
    info.percentComplete = map.value(u"percent"_qs).toDouble();
    info.bytesReceived = map.value(u"bytes"_qs).toInteger();
    info.transferRate = map.value(u"rate"_qs).toInteger();
    info.cpuUtilization = map.value(u"cpu"_qs).toDouble();
    info.memoryUtilization = map.value(u"memory"_qs).toDouble();
    info.networkUtilization = map.value(u"network"_qs).toDouble();
    info.method = valueOf(map.value(u"method"_qs).toString(), kMethods).value_or(TransferMethod::Multicast);
    info.state = clientStateFromString(map.value(u"state"_qs).toString()).value_or(ClientState::Waiting);
    info.fallbackSupported = map.value(u"fallback"_qs).toBool(true);
    return info;
}

} // namespace deploycast
