// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QString>

#include <optional>

namespace deploycast {

// The folder whose files the server may multicast. Every path a client names
// is resolved here, and anything that escapes the folder (.., absolute paths
// elsewhere, symlinks pointing out) is refused.
class ImageStore
{
public:
    explicit ImageStore(const QString &root);

    QString root() const { return m_root; }
    bool exists() const;

    // The absolute path of an existing regular file inside the store.
    std::optional<QString> resolveFile(const QString &path, Error *error) const;
    // Likewise, or of a folder (a namespace may serve a folder tree).
    std::optional<QString> resolveFileOrFolder(const QString &path, Error *error) const;

private:
    std::optional<QString> resolve(const QString &path, bool folderAllowed, Error *error) const;

    QString m_root; // canonical
};

} // namespace deploycast
