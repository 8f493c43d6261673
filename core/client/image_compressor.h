// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTemporaryFile>

#include <atomic>
#include <memory>

namespace deploycast {

// /Add-Image /Compress:Yes: compresses a local image into a temporary file
// in the seekable zstd format (SeekableZstd), on a worker thread so the
// event loop (and the connection to the server) keeps going, with progress.
// A file that is in that format already is used as it is. The temporary
// file lives as long as the compressor.
class ImageCompressor : public QObject
{
    Q_OBJECT
public:
    explicit ImageCompressor(QObject *parent = nullptr);
    ~ImageCompressor() override;

    // Whether the file is a seekable zstd image Deploycast can send as it is.
    static bool isCompressedImage(const QString &path);

    void start(const QString &localFile, int level);

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // The file to send (the temporary one), or an error.
    void finished(const QString &compressedFile, const Error &error);

private:
    QTemporaryFile m_output;
    QFutureWatcher<Error> m_work;
    std::atomic<bool> m_stop{false};
};

} // namespace deploycast
