// SPDX-License-Identifier: GPL-3.0-or-later
#include "state_store.h"

#include "common/atomic_file.h"

#include <QCborArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace deploycast {

StateStore::StateStore(const QString &directory)
    : m_directory(directory)
{
}

QString StateStore::filePath() const
{
    return m_directory + u"/state.json"_qs;
}

namespace {

// Why the file cannot be trusted, or nothing. Anything the server wrote
// passes; a file cut short, hand-edited wrongly or overwritten does not, and
// the server then stops rather than start with half its state.
QString whyDamaged(const QJsonDocument &document, const QJsonParseError &parseError)
{
    if (!document.isObject())
        return parseError.error != QJsonParseError::NoError ? parseError.errorString() : u"not a JSON object"_qs;
    const QJsonObject root = document.object();
    for (const char *counter : {"nextClientId", "nextSessionId"})
        if (root.value(QLatin1String(counter)).toInteger(0) < 1)
            return QStringLiteral("no valid %1").arg(QLatin1String(counter));
    if (!root.value(u"sessions"_qs).isArray())
        return u"no list of sessions"_qs;
    for (const QJsonValue &value : root.value(u"sessions"_qs).toArray()) {
        const QJsonObject session = value.toObject();
        if (!value.isObject() || session.value(u"id"_qs).toInteger(0) < 1 || session.value(u"name"_qs).toString().isEmpty()
            || !sessionKindFromString(session.value(u"kind"_qs).toString())
            || !castTypeFromString(session.value(u"type"_qs).toString())
            || !sessionStateFromString(session.value(u"state"_qs).toString()))
            return u"a session entry lacks its id, name, kind, type or state"_qs;
    }
    return {};
}

} // namespace

bool StateStore::load(Error *error)
{
    QFile file(filePath());
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("cannot read %1: %2").arg(filePath(), file.errorString())};
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (const QString why = whyDamaged(document, parseError); !why.isEmpty()) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("%1 is damaged (%2); nothing was changed. Restore it from a backup, or move it aside "
                                 "to start with no transmissions or namespaces (client and session IDs then start "
                                 "again at 1).").arg(filePath(), why)};
        return false;
    }
    const QJsonObject root = document.object();
    m_nextClientId = quint32(root.value(u"nextClientId"_qs).toInteger(1));
    m_nextSessionId = quint32(root.value(u"nextSessionId"_qs).toInteger(1));
    m_policy = SlowClientPolicy::fromCbor(QCborMap::fromJsonObject(root.value(u"slowClientPolicy"_qs).toObject()));
    Error transportError;
    const auto transport = TransportConfig().updatedFrom(QCborMap::fromJsonObject(root.value(u"transport"_qs).toObject()),
                                                        &transportError);
    if (!transport) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("%1 is damaged (transport: %2); nothing was changed. Correct or remove its "
                                 "\"transport\" entry to go back to the default range.").arg(filePath(), transportError.message)};
        return false;
    }
    m_transport = *transport;
    m_sessions.clear();
    for (const QJsonValue &value : root.value(u"sessions"_qs).toArray())
        m_sessions.append(SessionInfo::fromCbor(QCborMap::fromJsonObject(value.toObject())));
    return true;
}

template<typename Value>
bool StateStore::replaceAndSave(Value *member, const Value &value, Error *error)
{
    Value previous = std::exchange(*member, value);
    if (save(error))
        return true;
    *member = std::move(previous); // a failed write changes nothing
    return false;
}

bool StateStore::saveSessions(const QList<SessionInfo> &sessions, Error *error)
{
    return replaceAndSave(&m_sessions, sessions, error);
}

bool StateStore::savePolicy(const SlowClientPolicy &policy, Error *error)
{
    return replaceAndSave(&m_policy, policy, error);
}

bool StateStore::saveTransport(const TransportConfig &transport, Error *error)
{
    return replaceAndSave(&m_transport, transport, error);
}

std::optional<quint32> StateStore::allocateClientId(Error *error)
{
    return allocate(&m_nextClientId, error);
}

std::optional<quint32> StateStore::allocateSessionId(Error *error)
{
    return allocate(&m_nextSessionId, error);
}

std::optional<quint32> StateStore::allocate(quint32 *counter, Error *error)
{
    const quint32 id = (*counter)++;
    if (save(error))
        return id;
    --*counter;
    return std::nullopt;
}

bool StateStore::save(Error *error)
{
    QJsonArray sessions;
    for (const SessionInfo &session : std::as_const(m_sessions)) {
        QCborMap map = session.withJoinToken();
        map.remove(u"clientCount"_qs); // runtime only
        sessions.append(map.toJsonObject());
    }
    const QJsonObject root{{u"format"_qs, 1},
                           {u"nextClientId"_qs, qint64(m_nextClientId)},
                           {u"nextSessionId"_qs, qint64(m_nextSessionId)},
                           {u"slowClientPolicy"_qs, m_policy.toCbor().toJsonObject()},
                           {u"transport"_qs, m_transport.toCbor().toJsonObject()},
                           {u"sessions"_qs, sessions}};
    // 0600: it holds the transmissions' join tokens.
    return writeFileAtomically(filePath(), QJsonDocument(root).toJson(), kOwnerOnly, error);
}

} // namespace deploycast
