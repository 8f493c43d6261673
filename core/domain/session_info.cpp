// SPDX-License-Identifier: GPL-3.0-or-later
#include "session_info.h"

#include "common/cbor_values.h"
#include "common/enum_names.h"

namespace deploycast {
namespace {

const std::pair<SessionKind, const char *> kKinds[] = {
    {SessionKind::Transmission, "Transmission"}, {SessionKind::Namespace, "Namespace"}};
const std::pair<CastType, const char *> kTypes[] = {
    {CastType::AutoCast, "AutoCast"}, {CastType::ScheduledCast, "ScheduledCast"}};
const std::pair<SessionState, const char *> kStates[] = {{SessionState::Waiting, "Waiting"},
                                                          {SessionState::Active, "Active"},
                                                          {SessionState::Deactivated, "Deactivated"},
                                                          {SessionState::Finished, "Finished"}};

const std::pair<SessionCondition, const char *> kConditions[] = {{SessionCondition::Ready, ""},
                                                                  {SessionCondition::Preparing, "preparing"},
                                                                  {SessionCondition::ImageMissing, "image-missing"},
                                                                  {SessionCondition::WaitingForInterface, "waiting-for-interface"}};

QString isoOrEmpty(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime fromIso(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODate);
}

} // namespace

QString toText(SessionKind kind) { return nameOf(kind, kKinds); }
QString toText(CastType type) { return nameOf(type, kTypes); }
QString toText(SessionState state) { return nameOf(state, kStates); }
std::optional<SessionKind> sessionKindFromString(const QString &text) { return valueOf(text, kKinds); }
std::optional<CastType> castTypeFromString(const QString &text) { return valueOf(text, kTypes); }
std::optional<SessionState> sessionStateFromString(const QString &text) { return valueOf(text, kStates); }
QString toText(SessionCondition condition) { return nameOf(condition, kConditions); }
std::optional<SessionCondition> sessionConditionFromString(const QString &text) { return valueOf(text, kConditions); }

QCborMap SessionInfo::toCbor() const
{
    QCborMap map;
    map[u"id"_qs] = qint64(id);
    map[u"kind"_qs] = toText(kind);
    map[u"name"_qs] = name;
    map[u"friendlyName"_qs] = friendlyName;
    map[u"description"_qs] = description;
    map[u"contentPath"_qs] = contentPath;
    map[u"contentProvider"_qs] = contentProvider;
    if (catalogImage)
        map[u"image"_qs] = catalogImage->toCbor();
    map[u"type"_qs] = toText(type);
    map[u"startTime"_qs] = isoOrEmpty(startTime);
    map[u"minClients"_qs] = minClients;
    map[u"state"_qs] = toText(state);
    map[u"group"_qs] = group;
    map[u"port"_qs] = port;
    map[u"size"_qs] = size;
    map[u"sha256"_qs] = QString::fromLatin1(sha256.toHex());
    map[u"contentModified"_qs] = isoOrEmpty(contentModified);
    map[u"created"_qs] = isoOrEmpty(created);
    map[u"clientCount"_qs] = clientCount;
    map[u"joinTokenRequired"_qs] = !joinToken.isEmpty();
    if (!problem.isEmpty())
        map[u"problem"_qs] = problem;
    if (condition != SessionCondition::Ready) {
        map[u"condition"_qs] = toText(condition);
        map[u"conditionReason"_qs] = conditionReason;
        if (condition == SessionCondition::Preparing)
            map[u"preparedPercent"_qs] = preparedPercent;
    }
    return map;
}

QCborMap SessionInfo::withJoinToken() const
{
    QCborMap map = toCbor();
    if (!joinToken.isEmpty())
        map[u"joinToken"_qs] = joinToken;
    return map;
}

SessionInfo SessionInfo::fromCbor(const QCborMap &map)
{
    SessionInfo info;
    info.id = quint32(integerOf(map.value(u"id"_qs)));
    info.kind = sessionKindFromString(map.value(u"kind"_qs).toString()).value_or(SessionKind::Transmission);
    info.name = map.value(u"name"_qs).toString();
    info.friendlyName = map.value(u"friendlyName"_qs).toString();
    info.description = map.value(u"description"_qs).toString();
    info.contentPath = map.value(u"contentPath"_qs).toString();
    info.contentProvider = map.value(u"contentProvider"_qs).toString();
    if (map.contains(u"image"_qs)) {
        Error ignored; // a peer's malformed reference is shown as none
        info.catalogImage = ImageQuery::fromCbor(map.value(u"image"_qs).toMap(), &ignored);
    }
    info.type = castTypeFromString(map.value(u"type"_qs).toString()).value_or(CastType::AutoCast);
    info.startTime = fromIso(map.value(u"startTime"_qs).toString());
    info.minClients = int(integerOf(map.value(u"minClients"_qs)));
    info.state = sessionStateFromString(map.value(u"state"_qs).toString()).value_or(SessionState::Waiting);
    info.group = map.value(u"group"_qs).toString();
    info.port = quint16(integerOf(map.value(u"port"_qs)));
    info.size = integerOf(map.value(u"size"_qs));
    info.sha256 = QByteArray::fromHex(map.value(u"sha256"_qs).toString().toLatin1());
    info.contentModified = fromIso(map.value(u"contentModified"_qs).toString());
    info.created = fromIso(map.value(u"created"_qs).toString());
    info.clientCount = int(integerOf(map.value(u"clientCount"_qs)));
    info.problem = map.value(u"problem"_qs).toString();
    info.condition = sessionConditionFromString(map.value(u"condition"_qs).toString()).value_or(SessionCondition::Ready);
    info.preparedPercent = int(std::clamp<qint64>(integerOf(map.value(u"preparedPercent"_qs)), 0, 100));
    info.conditionReason = map.value(u"conditionReason"_qs).toString();
    info.joinToken = map.value(u"joinToken"_qs).toString();
    return info;
}

} // namespace deploycast
