// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/sha256.h"
#include "domain/catalog_image.h"

#include <QCborMap>
#include <QFile>
#include <QObject>

#include <memory>
#include <optional>

namespace deploycast {

class ManagementClient;

// Sends a local image file into a server's catalog (/Add-Image,
// /Replace-Image): beginImageUpload, then the file in pieces, a few in
// flight at a time so memory stays bounded whatever the file's size, then
// finishImageUpload with the SHA-256 taken while reading. Or has the server
// copy one of its images into a new one (/Copy-Image): the server copies a
// step per copyImageData, so its other peers are served in between.
class ImageSender : public QObject
{
    Q_OBJECT
public:
    struct Request {
        QString localFile;
        ImageQuery image;     // the new image (type, name, group or architecture, fileName), or the one to replace
        QString description;
        bool replace = false;
        bool verify = true;   // false: send no digest (/SkipVerify)
        QString replacementFileName; // Replace-Image's second /Filename, if given
        std::optional<ImageQuery> copyOf; // /Copy-Image: the server's image to copy (no local file)
    };

    ImageSender(ManagementClient *client, QObject *parent = nullptr);
    ~ImageSender() override;

    void start(const Request &request);

Q_SIGNALS:
    void progress(qint64 sent, qint64 total);
    // result: the catalog's image; error set if anything failed.
    void finished(const QCborMap &image, const Error &error);

private:
    void sendMore();
    void copyMore();
    void finish(const QString &sha256Hex);
    void fail(const Error &error);
    void report(const QCborMap &image, const Error &error); // once

    ManagementClient *m_client;
    QFile m_file;
    std::unique_ptr<Sha256> m_digest;
    bool m_verify = true;
    qint64 m_pieceBytes = 0;
    qint64 m_size = 0;
    qint64 m_read = 0;     // bytes read and sent
    qint64 m_acknowledged = 0;
    int m_inFlight = 0;
    bool m_done = false;     // nothing more to send
    bool m_reported = false; // finished() emitted
};

} // namespace deploycast
