// SPDX-License-Identifier: GPL-3.0-or-later
#include "image_store.h"

#include <QDir>
#include <QFileInfo>

namespace deploycast {

ImageStore::ImageStore(const QString &root)
    : m_root(QFileInfo(root).canonicalFilePath())
{
}

bool ImageStore::exists() const
{
    return !m_root.isEmpty() && QFileInfo(m_root).isDir();
}

std::optional<QString> ImageStore::resolveFile(const QString &path, Error *error) const
{
    return resolve(path, false, error);
}

std::optional<QString> ImageStore::resolveFileOrFolder(const QString &path, Error *error) const
{
    return resolve(path, true, error);
}

std::optional<QString> ImageStore::resolve(const QString &path, bool folderAllowed, Error *error) const
{
    if (path.trimmed().isEmpty()) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "no image path given"))};
        return std::nullopt;
    }
    const QString joined = QDir::isAbsolutePath(path) ? path : m_root + u'/' + path;
    // Check the lexical path first, so "../x" is refused even if x does not exist.
    const QString lexical = QDir::cleanPath(joined);
    auto inside = [this](const QString &candidate) {
        return candidate.startsWith(m_root + u'/');
    };
    if (!inside(lexical)) {
        *error = {QLatin1String(ErrorCode::PathOutsideStore),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' is outside the image store %2")).arg(path, m_root)};
        return std::nullopt;
    }
    const QFileInfo info(lexical);
    if (!info.exists()) {
        *error = {QLatin1String(ErrorCode::NotFound),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' does not exist in the image store %2")).arg(path, m_root)};
        return std::nullopt;
    }
    // Then the real path, so a symlink inside the store cannot point out of it.
    const QString canonical = info.canonicalFilePath();
    if (!inside(canonical)) {
        *error = {QLatin1String(ErrorCode::PathOutsideStore),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' resolves to %2, outside the image store %3")).arg(path, canonical, m_root)};
        return std::nullopt;
    }
    const QFileInfo found(canonical);
    if (!found.isFile() && !(folderAllowed && found.isDir())) {
        *error = {QLatin1String(ErrorCode::InvalidArgument),
                  folderAllowed ? QStringLiteral("'%1' is neither a regular file nor a folder").arg(path)
                                : QStringLiteral("'%1' is not a regular file (a namespace may serve a folder; a "
                                                 "transmission serves an image file)").arg(path)};
        return std::nullopt;
    }
    return canonical;
}

} // namespace deploycast
