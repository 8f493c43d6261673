// SPDX-License-Identifier: GPL-3.0-or-later
#include "session_request.h"

#include "common/cbor_values.h"

namespace deploycast {

QCborMap SessionRequest::toCbor() const
{
    QCborMap params{{u"kind"_qs, toText(kind)},
                    {u"name"_qs, name},
                    {u"description"_qs, description},
                    {u"contentPath"_qs, contentPath},
                    {u"type"_qs, toText(type)},
                    {u"minClients"_qs, minClients},
                    {u"requireJoinToken"_qs, requireJoinToken}};
    if (kind == SessionKind::Namespace) {
        params[u"friendlyName"_qs] = friendlyName;
        params[u"contentProvider"_qs] = contentProvider;
    }
    if (image)
        params[u"image"_qs] = image->toCbor();
    if (startTime.isValid())
        params[u"startTime"_qs] = startTime.toUTC().toString(Qt::ISODate);
    return params;
}

std::optional<SessionRequest> SessionRequest::fromCbor(const QCborMap &params, Error *error)
{
    SessionRequest request;
    const auto kind = sessionKindFromString(params.value(u"kind"_qs).toString());
    if (!kind) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'kind' must be Transmission or Namespace"))};
        return std::nullopt;
    }
    const auto type = castTypeFromString(params.value(u"type"_qs).toString());
    if (!type) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'type' must be AutoCast or ScheduledCast"))};
        return std::nullopt;
    }
    request.kind = *kind;
    request.type = *type;
    request.name = params.value(u"name"_qs).toString();
    request.friendlyName = params.value(u"friendlyName"_qs).toString();
    request.description = params.value(u"description"_qs).toString();
    request.contentPath = params.value(u"contentPath"_qs).toString();
    request.contentProvider = params.value(u"contentProvider"_qs).toString();
    const QString startTime = params.value(u"startTime"_qs).toString();
    if (!startTime.isEmpty()) {
        request.startTime = QDateTime::fromString(startTime, Qt::ISODate);
        if (!request.startTime.isValid()) {
            *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' is not an ISO 8601 time")).arg(startTime)};
            return std::nullopt;
        }
    }
    request.minClients = int(std::clamp<qint64>(integerOf(params.value(u"minClients"_qs)), -1, 1'000'000));
    request.requireJoinToken = params.value(u"requireJoinToken"_qs).toBool(false);
    if (params.contains(u"image"_qs)) {
        request.image = ImageQuery::fromCbor(params.value(u"image"_qs).toMap(), error);
        if (!request.image)
            return std::nullopt;
    }
    return request;
}

} // namespace deploycast
