// SPDX-License-Identifier: GPL-3.0-or-later
#include "atomic_file.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace deploycast {

bool writeFileAtomically(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions,
                         Error *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(permissions) || file.write(content) != content.size()
        || !file.commit()) {
        *error = {QLatin1String(ErrorCode::StorageError), QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
        return false;
    }
    return true;
}

bool makeOwnerOnlyFolder(const QString &path, Error *error)
{
    if (!QDir().mkpath(path) || !QFile::setPermissions(path, kOwnerOnlyFolder)) {
        *error = {QLatin1String(ErrorCode::StorageError), QStringLiteral("cannot create the folder %1").arg(path)};
        return false;
    }
    return true;
}

} // namespace deploycast
