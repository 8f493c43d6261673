// SPDX-License-Identifier: GPL-3.0-or-later
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
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        const QJsonValue tokens = document.object().value(u"tokens"_qs);
        QString why = !document.isObject() ? parseError.errorString() : !tokens.isArray() ? u"no list of tokens"_qs : QString();
        m_entries.clear();
        for (const QJsonValue &value : tokens.toArray()) {
            const QJsonObject object = value.toObject();
            const auto role = accessRoleFromString(object.value(u"role"_qs).toString());
            const QByteArray sha256 = QByteArray::fromHex(object.value(u"sha256"_qs).toString().toLatin1());
            const QString id = object.value(u"id"_qs).toString();
            if (!role || sha256.size() != 32 || id.isEmpty()) {
                why = u"a token entry lacks its id, a known role or its SHA-256"_qs;
                break;
            }
            m_entries.append({id, *role, sha256, object.value(u"created"_qs).toString()});
        }
        // Starting with fewer tokens than the admin made would lock them out
        // without a word: refuse, and say how to get back in.
        if (!why.isEmpty()) {
            *error = {QLatin1String(ErrorCode::StorageError),
                      QStringLiteral("%1 is damaged (%2); nothing was changed. Restore it from a backup, or move it "
                                     "aside and start again: new admin and viewer tokens are then written to "
                                     "admin.token and viewer.token, and the old tokens stop working.")
                          .arg(file.fileName(), why)};
            m_entries.clear();
            return false;
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
