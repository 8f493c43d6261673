// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/content_file.h"
#include "transfer/image_digests.h"

#include <QString>

#include <optional>

namespace deploycast {

// Image digests kept in the state directory (hashes/, one small file per
// image), so that a restart does not read every image again. An entry
// serves only the very same file: same path, size, modification time to
// the nanosecond, inode and device. It is only a cache: an entry that is
// damaged or cannot be written costs a hash, nothing else.
class HashCache
{
public:
    explicit HashCache(const QString &stateDirectory);

    // `chunks`: how many the image has (a compressed image's are its frames).
    std::optional<ImageDigests> find(const QString &path, const FileIdentity &identity, std::uint32_t chunks) const;
    void store(const QString &path, const FileIdentity &identity, const ImageDigests &digests) const;

private:
    QString entryPath(const QString &imagePath) const;

    QString m_directory;
};

} // namespace deploycast
