#include "client_info.h"

#include "common/cbor_values.h"
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
    map[u"stream"_qs] = stream;
    map[u"note"_qs] = note;
    return map;
}

ClientInfo ClientInfo::fromCbor(const QCborMap &map)
{
    ClientInfo info;
    info.update(map);
    return info;
}

void ClientInfo::update(const QCborMap &fields)
{
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QString key = it.key().toString();
        const QCborValue value = it.value();
        if (key == u"id"_qs)
            id = quint32(integerOf(value));
        else if (key == u"sessionId"_qs)
            sessionId = quint32(integerOf(value));
        else if (key == u"session"_qs)
            sessionName = value.toString();
        else if (key == u"name"_qs)
            machineName = value.toString();
        else if (key == u"ip"_qs)
            ipAddress = value.toString();
        else if (key == u"mac"_qs)
            macAddress = value.toString();
        else if (key == u"joinedAt"_qs)
            joinedAt = QDateTime::fromString(value.toString(), Qt::ISODate);
        else if (key == u"percent"_qs)
            percentComplete = value.toDouble();
        else if (key == u"bytes"_qs)
            bytesReceived = integerOf(value);
        else if (key == u"rate"_qs)
            transferRate = integerOf(value);
        else if (key == u"cpu"_qs)
            cpuUtilization = value.toDouble();
        else if (key == u"memory"_qs)
            memoryUtilization = value.toDouble();
        else if (key == u"network"_qs)
            networkUtilization = value.toDouble();
        else if (key == u"method"_qs)
            method = valueOf(value.toString(), kMethods).value_or(TransferMethod::Multicast);
        else if (key == u"state"_qs)
            state = clientStateFromString(value.toString()).value_or(ClientState::Waiting);
        else if (key == u"fallback"_qs)
            fallbackSupported = value.toBool(true);
        else if (key == u"stream"_qs)
            stream = value.toString();
        else if (key == u"note"_qs)
            note = value.toString();
    }
}

} // namespace deploycast
