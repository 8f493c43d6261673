// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QList>
#include <QString>

#include <optional>

namespace deploycast {

// Management roles, granted by the token a console or command line presents.
enum class AccessRole { Viewer, Admin };
QString toText(AccessRole role);
std::optional<AccessRole> accessRoleFromString(const QString &text);

struct TokenGrant {
    QString id; // public: named in the audit log
    AccessRole role = AccessRole::Viewer;
};

// The server's tokens. A token reads "<id>.<secret>": the id (8 hex digits)
// names it in the audit log, the secret (64 hex digits, 256 random bits)
// proves it. The server keeps only SHA-256 hashes, in tokens.json (0600). At
// first start it writes one admin and one viewer token in full to
// admin.token and viewer.token (0600) for the local admin to hand out;
// `deploycastd --new-token ROLE` mints more.
class TokenStore
{
public:
    explicit TokenStore(const QString &stateDirectory);

    // Reads tokens.json; on first start, mints the admin and viewer tokens.
    bool load(Error *error);
    // A new token (saved before it is returned), or nullopt and why.
    std::optional<QString> mint(AccessRole role, Error *error);
    std::optional<TokenGrant> authenticate(const QString &token) const;

    static QString tokenFilePath(const QString &stateDirectory, AccessRole role);

private:
    struct Entry {
        QString id;
        AccessRole role;
        QByteArray sha256;
        QString created;
    };
    bool save(const QList<Entry> &entries, Error *error) const;

    QString m_directory;
    QList<Entry> m_entries;
};

} // namespace deploycast
