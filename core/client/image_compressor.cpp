// SPDX-License-Identifier: GPL-3.0-or-later
#include "image_compressor.h"

#include "transfer/content_file.h"
#include "transfer/seekable_zstd.h"

#include <QDir>
#include <QFile>
#include <QtConcurrent>

namespace deploycast {

ImageCompressor::ImageCompressor(QObject *parent)
    : QObject(parent)
    , m_output(QDir::temp().filePath(u"deploycast-XXXXXX.img.zst"_qs))
{
    connect(&m_work, &QFutureWatcher<Error>::finished, this, [this] {
        const Error error = m_work.result();
        Q_EMIT finished(error.isNull() ? m_output.fileName() : QString(), error);
    });
}

ImageCompressor::~ImageCompressor()
{
    m_stop = true;
    m_work.waitForFinished();
}

bool ImageCompressor::isCompressedImage(const QString &path)
{
    Error error;
    const std::shared_ptr<const ContentFile> file = ContentFile::open(path, &error);
    return file && SeekableZstd::looksSeekable(*file) && SeekableZstd::readTable(*file, &error);
}

void ImageCompressor::start(const QString &localFile, int level)
{
    if (!m_output.open()) {
        Q_EMIT finished({}, {QLatin1String(ErrorCode::StorageError),
                             QStringLiteral("cannot make a temporary file in %1: %2").arg(QDir::tempPath(), m_output.errorString())});
        return;
    }
    m_work.setFuture(QtConcurrent::run([this, localFile, level] {
        QFile in(localFile);
        if (!in.open(QIODevice::ReadOnly))
            return Error{QLatin1String(ErrorCode::StorageError), QStringLiteral("cannot read %1: %2").arg(localFile, in.errorString())};
        const qint64 total = in.size();
        Error error;
        const bool done = SeekableZstd::compress(&in, total, &m_output, level, [this, total](qint64 read) {
            QMetaObject::invokeMethod(this, [this, read, total] { Q_EMIT progress(read, total); }, Qt::QueuedConnection);
            return !m_stop;
        }, &error);
        if (done && !m_output.flush())
            error = {QLatin1String(ErrorCode::StorageError), QStringLiteral("cannot write %1: %2").arg(m_output.fileName(), m_output.errorString())};
        return error;
    }));
}

} // namespace deploycast
