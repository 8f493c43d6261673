// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/sha256.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

namespace deploycast {

class ImageStore;

// One image file on its way into the store (/Add-Image, /Replace-Image):
// written in order into a staging file in the store's hidden
// .deploycast-staging folder, so it lands with one rename on the same file
// system. Checked against its announced size and SHA-256; destroyed
// unfinished (the admin's connection lost), it leaves nothing behind.
class ImageUpload
{
public:
    static constexpr auto kStagingFolder = ".deploycast-staging";
    // Room kept free on the store's file system beyond the image itself.
    static constexpr qint64 kSpareBytes = 64 * 1024 * 1024;

    // Refuses a size the store's file system has no room for.
    static std::unique_ptr<ImageUpload> begin(const ImageStore &store, qint64 size, Error *error);
    // Removes what crashed or killed servers left in the staging folder.
    static void removeLeftovers(const ImageStore &store);
    ~ImageUpload();

    qint64 size() const { return m_size; }
    qint64 received() const { return m_received; }
    // The next piece, at offset received(); anything else is refused.
    bool write(qint64 offset, const QByteArray &data, Error *error);
    // Checks size and digest (an empty sha256Hex skips the digest), flushes
    // to disk and moves the file to storePath, replacing what is there only
    // if replace is set.
    bool finish(const QString &sha256Hex, const QString &storePath, bool replace, Error *error);

private:
    ImageUpload(const QString &root, qint64 size);

    QString m_root;
    QFile m_file;
    Sha256 m_digest;
    qint64 m_size;
    qint64 m_received = 0;
    qint64 m_writtenBack = 0; // handed to the kernel's write-back so far
    bool m_done = false;
    // What the uploads under way will take (the server's one thread only).
    static qint64 s_reservedBytes;
};

} // namespace deploycast
