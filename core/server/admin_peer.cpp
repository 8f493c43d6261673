// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin_peer.h"

#include "common/cbor_summary.h"
#include "common/cbor_values.h"
#include "common/log.h"
#include "protocol/framed_connection.h"
#include "protocol/management_api.h"
#include "protocol/messages.h"
#include "push_hub.h"
#include "registry.h"
#include "security/audit_log.h"
#include "server.h"

#include <QCborArray>

namespace deploycast {
namespace {

constexpr qsizetype kMaxDisconnectBatch = 100'000;
// No method takes more than a handful of parameters; a request with more is
// refused before anything looks them up.
constexpr qsizetype kMaxParameters = 64;
// What the audit log keeps of a request's parameters.
constexpr int kAuditTargetChars = 500;

std::optional<SessionKind> kindParam(const QCborMap &params, Error *error)
{
    const auto kind = sessionKindFromString(params.value(u"kind"_qs).toString());
    if (!kind)
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'kind' must be Transmission or Namespace"))};
    return kind;
}

QCborArray clientsToCbor(const QList<ClientInfo> &clients)
{
    QCborArray array;
    for (const ClientInfo &client : clients)
        array.append(client.toCbor());
    return array;
}

// "ok", or for a bulk disconnect how many of each outcome.
QString outcomeText(const QCborMap &result)
{
    const QCborArray outcomes = result.value(u"results"_qs).toArray();
    if (outcomes.isEmpty())
        return u"ok"_qs;
    QMap<QString, int> counts;
    for (const QCborValue &outcome : outcomes)
        ++counts[outcome.toMap().value(u"result"_qs).toString()];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    return u"ok: "_qs + parts.join(u", "_qs);
}

} // namespace

AdminPeer::AdminPeer(FramedConnection *connection, Registry *registry, PushHub *hub,
                     const ServerDescription &description, const TokenGrant &grant, AuditLog *audit,
                     QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_registry(registry)
    , m_hub(hub)
    , m_description(description)
    , m_grant(grant)
    , m_audit(audit)
{
    m_connection->setParent(this);
    connect(m_connection, &FramedConnection::messageReceived, this, &AdminPeer::onRequest);
    connect(m_connection, &FramedConnection::closed, this, &QObject::deleteLater);
}

void AdminPeer::onRequest(const QCborMap &message)
{
    if (proto::typeOf(message) != QLatin1String(proto::Type::Request)) {
        m_connection->closeWithError({QLatin1String(ErrorCode::BadRequest), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "expected a request"))});
        return;
    }
    const qint64 id = integerOf(message.value(u"id"_qs));
    const QString method = message.value(u"method"_qs).toString();
    const std::optional<api::Method> known = api::methodFromName(method);
    const QCborMap params = message.value(u"params"_qs).toMap();
    Error error;
    QCborMap result;
    const AuditEntry audited{m_connection->peerText(), m_grant.id, method, summarize(params, kAuditTargetChars), {}};
    if (!known) {
        error = {QLatin1String(ErrorCode::UnknownMethod), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "unknown method '%1'")).arg(method)};
    } else if (api::adminOnly(*known) && m_grant.role != AccessRole::Admin) {
        error = {QLatin1String(ErrorCode::PermissionDenied), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "permission denied: viewers cannot call '%1'")).arg(method)};
    } else if (params.size() > kMaxParameters) {
        error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "more than %1 parameters")).arg(kMaxParameters)};
    } else if (api::modifiesServer(*known)) {
        // Recorded before it is made: a change the log cannot hold is not made.
        Error auditError;
        if (m_audit->recordRequest(audited, &auditError)) {
            result = dispatch(*known, params, &error);
            m_audit->recordOutcome(error.isNull() ? outcomeText(result) : error.code + u": "_qs + error.message);
        } else {
            error = {auditError.code, auditError.message + u"; nothing was changed"_qs};
        }
    } else {
        result = dispatch(*known, params, &error);
    }
    if (error.code == QLatin1String(ErrorCode::PermissionDenied)) {
        AuditEntry refused = audited;
        refused.result = error.code + u": "_qs + error.message;
        m_audit->record(refused);
    }
    if (!error.isNull()) {
        qCInfo(lcMgmt).noquote() << m_connection->peerAddress().toString() << method << "refused:" << error.message;
        m_connection->send(proto::errorReply(id, error));
    } else {
        m_connection->send(proto::reply(id, result));
    }
}

// A switch, so that a method without a handler does not compile.
QCborMap AdminPeer::dispatch(api::Method method, const QCborMap &params, Error *error)
{
    switch (method) {
    case api::Method::Ping:
        return {}; // keeps an idle console's connection alive
    case api::Method::GetServer:
        return getServer();
    case api::Method::Subscribe: {
        QCborMap snapshot = m_hub->subscribe(m_connection);
        snapshot[u"server"_qs] = getServer().value(u"server"_qs);
        return snapshot;
    }
    case api::Method::ListSessions:
        return listSessions(params, error);
    case api::Method::GetSession:
        return getSession(params, error);
    case api::Method::ListFallbackClients:
        return listFallbackClients();
    case api::Method::CreateSession:
        return createSession(params, error);
    case api::Method::StartSession:
        return startSession(params, error);
    case api::Method::RemoveSession:
        return removeSession(params, error);
    case api::Method::DisconnectClients:
        return disconnectClients(params, error);
    case api::Method::SetPolicy:
        return setPolicy(params, error);
    case api::Method::GetAuditLog:
        return getAuditLog(params, error);
    case api::Method::SetTransport:
        return setTransport(params, error);
    case api::Method::ControlTransport:
        return controlTransport(params, error);
    case api::Method::ListImageGroups:
        return listImageGroups();
    case api::Method::AddImageGroup:
        return addImageGroup(params, error);
    case api::Method::RemoveImageGroup:
        return removeImageGroup(params, error);
    case api::Method::SetImageGroup:
        return setImageGroup(params, error);
    case api::Method::ListImages:
        return listImages(params, error);
    case api::Method::SetImage:
        return setImage(params, error);
    case api::Method::RemoveImage:
        return removeImage(params, error);
    case api::Method::BeginImageUpload:
        return beginImageUpload(params, error);
    case api::Method::UploadImageData:
        return uploadImageData(params, error);
    case api::Method::CopyImageData:
        return copyImageData(error);
    case api::Method::FinishImageUpload:
        return finishImageUpload(params, error);
    case api::Method::ReadImageData:
        return readImageData(params, error);
    case api::Method::GetHistory:
        return getHistory(params, error);
    }
    Q_UNREACHABLE();
}

QCborMap AdminPeer::getServer() const
{
    QCborMap config = m_description.toCbor();
    config[u"transmissions"_qs] = m_registry->sessions(SessionKind::Transmission).size();
    config[u"namespaces"_qs] = m_registry->sessions(SessionKind::Namespace).size();
    config[u"clients"_qs] = m_registry->clientCount();
    config[u"slowClientPolicy"_qs] = m_registry->policy().toCbor();
    const TransportConfig &transport = m_registry->transport();
    config[u"transport"_qs] = transport.toCbor();
    config[u"multicastRange"_qs] = transport.groupRangeText();
    config[u"multicastRangeV6"_qs] = transport.groupRangeTextV6();
    config[u"portRange"_qs] = transport.portRangeText();
    config[u"maxRate"_qs] = m_registry->rateCap();
    config[u"transportRunning"_qs] = m_registry->transportRunning();
    config[u"contentProviders"_qs] = QCborArray::fromStringList(m_registry->contentProviders());
    return {{u"server"_qs, config}};
}

std::optional<QString> AdminPeer::sessionName(SessionKind kind, const QCborMap &params, Error *error) const
{
    if (!params.contains(u"image"_qs) || kind != SessionKind::Transmission)
        return params.value(u"name"_qs).toString();
    const std::optional<ImageQuery> image = ImageQuery::fromCbor(params.value(u"image"_qs).toMap(), error);
    const std::optional<SessionInfo> session = image ? m_registry->transmissionOf(*image, error) : std::nullopt;
    return session ? std::optional(session->name) : std::nullopt;
}

QCborMap AdminPeer::sessionWithClients(quint32 sessionId, QCborMap session, bool withClients) const
{
    if (withClients)
        session[u"clients"_qs] = clientsToCbor(m_registry->multicastClients(sessionId));
    return session;
}

QCborMap AdminPeer::listSessions(const QCborMap &params, Error *error) const
{
    const auto kind = kindParam(params, error);
    if (!kind)
        return {};
    const bool excludeDeactivated = params.value(u"excludeDeactivated"_qs).toBool();
    const bool withClients = params.value(u"withClients"_qs).toBool();
    QCborArray sessions;
    for (const SessionInfo &info : m_registry->sessions(*kind)) {
        if (excludeDeactivated && info.state == SessionState::Deactivated)
            continue;
        sessions.append(sessionWithClients(info.id, info.toCbor(), withClients));
    }
    return {{u"sessions"_qs, sessions}};
}

QCborMap AdminPeer::getSession(const QCborMap &params, Error *error) const
{
    const auto kind = kindParam(params, error);
    if (!kind)
        return {};
    const std::optional<QString> name = sessionName(*kind, params, error);
    const auto info = name ? m_registry->session(*kind, *name, error) : std::nullopt;
    if (!info)
        return {};
    // The join token goes to admins only.
    const QCborMap session = m_grant.role == AccessRole::Admin ? info->withJoinToken() : info->toCbor();
    return {{u"session"_qs, sessionWithClients(info->id, session, params.value(u"withClients"_qs).toBool())}};
}

QCborMap AdminPeer::createSession(const QCborMap &params, Error *error)
{
    const std::optional<SessionRequest> request = SessionRequest::fromCbor(params, error);
    if (!request)
        return {};
    const auto info = m_registry->createSession(*request, error);
    return info ? QCborMap{{u"session"_qs, info->withJoinToken()}} : QCborMap{};
}

QCborMap AdminPeer::startSession(const QCborMap &params, Error *error)
{
    const auto kind = kindParam(params, error);
    if (!kind)
        return {};
    const std::optional<QString> name = sessionName(*kind, params, error);
    const auto info = name ? m_registry->startSession(*kind, *name, error) : std::nullopt;
    return info ? QCborMap{{u"session"_qs, info->toCbor()}} : QCborMap{};
}

QCborMap AdminPeer::removeSession(const QCborMap &params, Error *error)
{
    const auto kind = kindParam(params, error);
    if (!kind)
        return {};
    const std::optional<QString> named = sessionName(*kind, params, error);
    if (!named)
        return {};
    const QString name = *named;
    if (!m_registry->removeSession(*kind, name, params.value(u"force"_qs).toBool(), error))
        return {};
    Error ignored;
    const auto left = m_registry->session(*kind, name, &ignored);
    // Still listed means Deactivated: it goes when its clients have finished.
    return {{u"name"_qs, name},
            {u"removed"_qs, !left.has_value()},
            {u"state"_qs, left ? toText(left->state) : u"Removed"_qs}};
}

QCborMap AdminPeer::disconnectClients(const QCborMap &params, Error *error)
{
    const QCborArray ids = params.value(u"ids"_qs).toArray();
    if (ids.isEmpty() || ids.size() > kMaxDisconnectBatch) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'ids' must list between 1 and 100000 client IDs"))};
        return {};
    }
    const bool force = params.value(u"force"_qs).toBool();
    QCborArray results;
    for (const QCborValue &value : ids) {
        const qint64 id = integerOf(value, -1);
        const DisconnectOutcome outcome = (id > 0 && id <= 0xFFFFFFFFll)
            ? m_registry->disconnectClient(quint32(id), force)
            : DisconnectOutcome{0, u"gone"_qs, QStringLiteral("'%1' is not a client ID").arg(value.toVariant().toString()), {}};
        QCborMap result{{u"id"_qs, id}, {u"result"_qs, outcome.result}, {u"message"_qs, outcome.message}};
        if (!outcome.action.isEmpty())
            result[u"action"_qs] = outcome.action;
        results.append(result);
    }
    // One line per request: each client the disconnect reached says so itself.
    const QCborMap reply{{u"results"_qs, results}};
    qCInfo(lcMgmt).noquote() << m_connection->peerAddress().toString() << "disconnect of" << ids.size() << "clients"
                             << (force ? "with Force," : "without Force,") << outcomeText(reply);
    return reply;
}

QCborMap AdminPeer::setPolicy(const QCborMap &params, Error *error)
{
    if (!slowClientPolicyFromString(params.value(u"policy"_qs).toString())) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'policy' must be None, AutoDisconnect or Multistream"))};
        return {};
    }
    const SlowClientPolicy policy = SlowClientPolicy::fromCbor(params);
    if (!m_registry->setPolicy(policy, error))
        return {};
    return {{u"slowClientPolicy"_qs, m_registry->policy().toCbor()}};
}

QCborMap AdminPeer::controlTransport(const QCborMap &params, Error *error)
{
    static const std::pair<const char *, Registry::TransportAction> kActions[] = {
        {"start", Registry::TransportAction::Start},
        {"stop", Registry::TransportAction::Stop},
        {"enable", Registry::TransportAction::Enable},
        {"disable", Registry::TransportAction::Disable},
    };
    const QString action = params.value(u"action"_qs).toString();
    for (const auto &[name, value] : kActions) {
        if (action != QLatin1String(name))
            continue;
        if (!m_registry->controlTransport(value, error))
            return {};
        return {{u"running"_qs, m_registry->transportRunning()}, {u"enabled"_qs, m_registry->transport().enabled}};
    }
    *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'action' must be start, stop, enable or disable"))};
    return {};
}

QCborMap AdminPeer::setTransport(QCborMap params, Error *error)
{
    params.remove(u"enabled"_qs); // /Enable- and /Disable-TransportServer's business
    const std::optional<TransportConfig> config = m_registry->transport().updatedFrom(params, error);
    if (!config || !m_registry->setTransport(*config, error))
        return {};
    return {{u"transport"_qs, config->toCbor()}};
}

QCborMap AdminPeer::listFallbackClients() const
{
    return {{u"clients"_qs, clientsToCbor(m_registry->fallbackClients())}};
}

QCborMap AdminPeer::getHistory(const QCborMap &params, Error *error) const
{
    const qint64 count = integerOf(params.value(u"count"_qs), 100);
    const qint64 before = integerOf(params.value(u"before"_qs), 0);
    const qint64 clientId = integerOf(params.value(u"clientId"_qs), 0);
    if (count < 1 || count > api::kMaxHistoryPerReply || before < 0 || clientId < 0 || clientId > 0xFFFFFFFFll) {
        *error = {QLatin1String(ErrorCode::InvalidArgument),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'count' must be 1 to %1, and 'before' and 'clientId' cannot be negative"))
                      .arg(api::kMaxHistoryPerReply)};
        return {};
    }
    // The newest first, until the count or the byte budget is reached.
    const QList<HistoryEntry> found = m_registry->history().last(int(count), quint64(before), quint32(clientId));
    QCborArray entries;
    qint64 bytes = 0;
    for (auto it = found.crbegin(); it != found.crend() && bytes < api::kHistoryBytesPerFrame; ++it) {
        const QCborMap entry = it->toCbor();
        bytes += entry.toCborValue().toCbor().size();
        entries.prepend(entry);
    }
    return {{u"history"_qs, entries},
            {u"lastSequence"_qs, qint64(m_registry->history().lastSequence())},
            {u"historyId"_qs, m_registry->history().historyId()}};
}

QCborMap AdminPeer::getAuditLog(const QCborMap &params, Error *error)
{
    const qint64 last = integerOf(params.value(u"last"_qs), 0);
    if (last < 0) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'last' cannot be negative"))};
        return {};
    }
    return {{u"entries"_qs, m_audit->last(int(std::min<qint64>(last, 1'000'000)))}};
}

} // namespace deploycast
