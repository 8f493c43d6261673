#include "state_store.h"

#include "common/atomic_file.h"

#include <QCborArray>
#include <QDir>
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

bool StateStore::load(Error *error)
{
    if (!QDir().mkpath(m_directory)) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("cannot create the state directory %1").arg(m_directory)};
        return false;
    }
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
    if (!document.isObject()) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("%1 is damaged: %2").arg(filePath(), parseError.errorString())};
        return false;
    }
    const QJsonObject root = document.object();
    m_nextClientId = quint32(root.value(u"nextClientId"_qs).toInteger(1));
    m_nextSessionId = quint32(root.value(u"nextSessionId"_qs).toInteger(1));
    m_policy = SlowClientPolicy::fromCbor(QCborMap::fromJsonObject(root.value(u"slowClientPolicy"_qs).toObject()));
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
                           {u"sessions"_qs, sessions}};
    // 0600: it holds the transmissions' join tokens.
    return writeFileAtomically(filePath(), QJsonDocument(root).toJson(), kOwnerOnly, error);
}

} // namespace deploycast
