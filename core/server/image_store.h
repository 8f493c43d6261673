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

private:
    QString m_root; // canonical
};

} // namespace deploycast
