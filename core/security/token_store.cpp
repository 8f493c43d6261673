#include "token_store.h"

#include "common/enum_names.h"
#include "common/atomic_file.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace deploycast {
namespace {

const std::pair<AccessRole, const char *> kRoles[] = {{AccessRole::Viewer, "viewer"}, {AccessRole::Admin, "admin"}};

QByteArray hashOf(const QString &token)
{
    return QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256);
}

QString randomHex(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(data.data()), bytes / 4);
    return QString::fromLatin1(data.toHex());
}

// Compares without stopping at the first difference, so the time taken
// tells nothing about how much of a guess was right.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace

QString toText(AccessRole role)
{
    return nameOf(role, kRoles);
}

std::optional<AccessRole> accessRoleFromString(const QString &text)
{
    return valueOf(text, kRoles);
}

TokenStore::TokenStore(const QString &stateDirectory)
    : m_directory(stateDirectory)
{
}

QString TokenStore::tokenFilePath(const QString &stateDirectory, AccessRole role)
{
    return QStringLiteral("%1/%2.token").arg(stateDirectory, toText(role));
}

bool TokenStore::load(Error *error)
{
    QFile file(m_directory + u"/tokens.json"_qs);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = {QLatin1String(ErrorCode::StorageError),
                      QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString())};
            return false;
        }
        const QJsonArray tokens = QJsonDocument::fromJson(file.readAll()).object().value(u"tokens"_qs).toArray();
        m_entries.clear();
        for (const QJsonValue &value : tokens) {
            const QJsonObject object = value.toObject();
            const auto role = accessRoleFromString(object.value(u"role"_qs).toString());
            const QByteArray sha256 = QByteArray::fromHex(object.value(u"sha256"_qs).toString().toLatin1());
            if (role && sha256.size() == 32)
                m_entries.append({object.value(u"id"_qs).toString(), *role, sha256, object.value(u"created"_qs).toString()});
        }
        return true;
    }
    for (AccessRole role : {AccessRole::Admin, AccessRole::Viewer}) {
        const std::optional<QString> token = mint(role, error);
        if (!token || !writeFileAtomically(tokenFilePath(m_directory, role), token->toLatin1() + '\n', kOwnerOnly, error))
            return false;
    }
    return true;
}

std::optional<QString> TokenStore::mint(AccessRole role, Error *error)
{
    const QString id = randomHex(4);
    const QString token = id + u'.' + randomHex(32);
    QList<Entry> entries = m_entries;
    entries.append({id, role, hashOf(token), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
    if (!save(entries, error))
        return std::nullopt;
    m_entries = entries;
    return token;
}

std::optional<TokenGrant> TokenStore::authenticate(const QString &token) const
{
    const QString id = token.section(u'.', 0, 0);
    const QByteArray hash = hashOf(token.trimmed());
    for (const Entry &entry : m_entries)
        if (entry.id == id && sameBytes(entry.sha256, hash))
            return TokenGrant{entry.id, entry.role};
    return std::nullopt;
}

bool TokenStore::save(const QList<Entry> &entries, Error *error) const
{
    QJsonArray tokens;
    for (const Entry &entry : entries)
        tokens.append(QJsonObject{{u"id"_qs, entry.id},
                                  {u"role"_qs, toText(entry.role)},
                                  {u"sha256"_qs, QString::fromLatin1(entry.sha256.toHex())},
                                  {u"created"_qs, entry.created}});
    return writeFileAtomically(m_directory + u"/tokens.json"_qs, QJsonDocument(QJsonObject{{u"tokens"_qs, tokens}}).toJson(),
                               kOwnerOnly, error);
}

} // namespace deploycast
