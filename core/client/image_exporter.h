// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/sha256.h"
#include "domain/catalog_image.h"

#include <QObject>
#include <QSaveFile>

#include <memory>

namespace deploycast {

class ManagementClient;

// Reads one of a server's images into a file on this machine
// (/Export-Image): readImageData pieces, a few in flight so memory stays
// bounded whatever the image's size, written in order into a temporary file
// beside the destination that is flushed to disk and renamed into place once
// whole. An image whose file changes on the server meanwhile (size or time)
// fails the export, and nothing is left behind.
class ImageExporter : public QObject
{
    Q_OBJECT
public:
    // WDSUTIL's /Overwrite. A raw disk image holds one image, so Append (a
    // WIM feature) is taken only when there is nothing to append to.
    enum class Overwrite { No, Yes, Append };
    struct Request {
        ImageQuery image;
        QString destination;
        Overwrite overwrite = Overwrite::No;
    };

    ImageExporter(ManagementClient *client, QObject *parent = nullptr);
    ~ImageExporter() override;

    void start(const Request &request);

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    // The image's size and SHA-256 (of what was written); error set if it failed.
    void finished(qint64 size, const QString &sha256Hex, const Error &error);

private:
    void requestMore();
    void onPiece(qint64 offset, const QCborMap &result);
    void complete();
    void fail(const Error &error);

    ManagementClient *m_client;
    Request m_request;
    std::unique_ptr<QSaveFile> m_file;
    Sha256 m_digest;
    qint64 m_size = -1; // known from the first answer
    qint64 m_modified = 0;
    qint64 m_requested = 0; // bytes asked for so far
    qint64 m_written = 0;
    int m_inFlight = 0;
    bool m_failed = false;
};

} // namespace deploycast
