// SPDX-License-Identifier: GPL-3.0-or-later
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
    return fieldsDifferentFrom(nullptr);
}

QCborMap ClientInfo::changesSince(const ClientInfo &before) const
{
    QCborMap changed = fieldsDifferentFrom(&before);
    if (!changed.isEmpty())
        changed[QLatin1StringView("id")] = qint64(id);
    return changed;
}

QCborMap ClientInfo::fieldsDifferentFrom(const ClientInfo *before) const
{
    QCborMap map;
    // One line per field: its wire name, and how it goes on the wire.
    auto put = [&](const char *key, auto ClientInfo::*member, auto toValue) {
        if (!before || before->*member != this->*member)
            map[QLatin1StringView(key)] = toValue(this->*member);
    };
    auto asIs = [](const auto &value) { return QCborValue(value); };
    auto integer = [](auto value) { return QCborValue(qint64(value)); };
    put("id", &ClientInfo::id, integer);
    put("sessionId", &ClientInfo::sessionId, integer);
    put("session", &ClientInfo::sessionName, asIs);
    put("name", &ClientInfo::machineName, asIs);
    put("ip", &ClientInfo::ipAddress, asIs);
    put("mac", &ClientInfo::macAddress, asIs);
    put("joinedAt", &ClientInfo::joinedAt,
        [](const QDateTime &time) { return QCborValue(time.toUTC().toString(Qt::ISODate)); });
    put("percent", &ClientInfo::percentComplete, asIs);
    put("bytes", &ClientInfo::bytesReceived, asIs);
    put("rate", &ClientInfo::transferRate, asIs);
    put("cpu", &ClientInfo::cpuUtilization, asIs);
    put("memory", &ClientInfo::memoryUtilization, asIs);
    put("network", &ClientInfo::networkUtilization, asIs);
    put("method", &ClientInfo::method, [](TransferMethod method) { return QCborValue(toText(method)); });
    put("state", &ClientInfo::state, [](ClientState state) { return QCborValue(toText(state)); });
    put("fallback", &ClientInfo::fallbackSupported, asIs);
    put("stream", &ClientInfo::stream, asIs);
    put("note", &ClientInfo::note, asIs);
    put("repairs", &ClientInfo::blocksRepaired, integer);
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
        else if (key == u"repairs"_qs)
            blocksRepaired = std::max<qint64>(0, integerOf(value));
        else if (key == u"note"_qs)
            note = value.toString();
    }
}

} // namespace deploycast
