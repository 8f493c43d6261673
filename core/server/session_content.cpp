// SPDX-License-Identifier: GPL-3.0-or-later
#include "session_content.h"

#include "common/atomic_file.h"
#include "common/log.h"
#include "common/sha256.h"
#include "hash_cache.h"
#include "image_store.h"
#include "transfer/folder_bundle.h"

#include <QDir>
#include <QFileInfo>
#include <QPromise>
#include <QStorageInfo>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace deploycast {

SessionContent::SessionContent(const QString &contentPath, const Services &services, QObject *parent)
    : QObject(parent)
    , m_contentPath(contentPath)
    , m_services(services)
{
    m_retryTimer.setInterval(kRetryMs);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SessionContent::prepare);
    // Bundling a folder is the first part of preparing it, hashing the bundle
    // the second: each reports its own percent.
    connect(&m_hashing, &QFutureWatcher<Hashed>::progressValueChanged, this, &SessionContent::setPercent);
    connect(&m_hashing, &QFutureWatcher<Hashed>::finished, this, &SessionContent::onHashed);
    connect(&m_bundling, &QFutureWatcher<Bundled>::progressValueChanged, this, &SessionContent::setPercent);
    connect(&m_bundling, &QFutureWatcher<Bundled>::finished, this, &SessionContent::onBundled);
}

SessionContent::~SessionContent()
{
    m_hashing.disconnect(this);
    m_hashing.cancel(); // the worker sees it within a chunk
    m_bundling.disconnect(this);
    m_bundling.cancel(); // and within a file's megabyte
}

void SessionContent::prepare()
{
    if (m_hashing.isRunning() || m_bundling.isRunning())
        return;
    Error error;
    const std::optional<QString> path = m_services.images->resolveFileOrFolder(m_contentPath, &error);
    if (!path) {
        setMissing(error.message);
        return;
    }
    m_folder = QFileInfo(*path).isDir();
    if (m_folder)
        prepareFolder(*path);
    else
        prepareFile(*path);
}

void SessionContent::prepareFolder(const QString &folder)
{
    Error error;
    if (!makeOwnerOnlyFolder(m_services.bundles, &error)) {
        setMissing(error.message);
        return;
    }
    m_state = State::Preparing;
    m_percent = 0;
    // All of it on the worker: walking a large tree is no job for the event loop.
    m_bundling.setFuture(QtConcurrent::run(m_services.hashing, [folder, bundles = m_services.bundles](QPromise<Bundled> &promise) {
        promise.setProgressRange(0, 100);
        promise.addResult(bundleFolder(folder, bundles, [&promise](int percent) {
            promise.setProgressValue(percent);
            return !promise.isCanceled();
        }));
    }));
    Q_EMIT changed();
}

SessionContent::Bundled SessionContent::bundleFolder(const QString &folder, const QString &bundles,
                                                     const std::function<bool(int)> &progress)
{
    Bundled result;
    Error error;
    const std::optional<QList<FolderBundle::Entry>> entries = FolderBundle::scan(folder, &result.skipped, &error);
    if (!entries) {
        result.error = error.message;
        return result;
    }
    // Named after the folder, then the version of its tree: a changed tree
    // gets a new bundle, and an unchanged one is taken as it is.
    result.path = QStringLiteral("%1/%2-%3.bundle").arg(bundles, bundlePrefix(folder),
                                                         QString::fromLatin1(FolderBundle::fingerprint(*entries).toHex().left(32)));
    if (QFileInfo::exists(result.path))
        return result;
    qint64 size = 0;
    for (const FolderBundle::Entry &entry : *entries)
        size += entry.size;
    // The state directory holds state.json and the audit log too: never fill it.
    const qint64 room = QStorageInfo(bundles).bytesAvailable() - kBundleSpareBytes;
    if (size > room) {
        result.error = QStringLiteral("the state directory's file system has %1 MB free; the bundle of %2 needs %3 MB and %4 MB "
                                      "to spare").arg(std::max<qint64>(0, room + kBundleSpareBytes) / 1'000'000)
                           .arg(folder).arg(size / 1'000'000).arg(kBundleSpareBytes / 1'000'000);
        return result;
    }
    if (!FolderBundle::write(folder, *entries, result.path, progress, &error))
        result.error = error.message;
    return result;
}

QString SessionContent::bundlePrefix(const QString &folder)
{
    const QByteArray path = folder.toUtf8();
    return QString::fromLatin1(Sha256::of(path.constData(), std::size_t(path.size())).toHex().left(16));
}

void SessionContent::removeUnusedBundles(const QString &bundles, const QSet<QString> &folders)
{
    QSet<QString> prefixes;
    for (const QString &folder : folders)
        prefixes.insert(bundlePrefix(folder));
    // Newest first: of each folder's bundles, the newest is kept.
    QDir directory(bundles);
    QSet<QString> kept;
    for (const QFileInfo &file : directory.entryInfoList(QDir::Files | QDir::Hidden, QDir::Time)) {
        const QString prefix = file.fileName().section(u'-', 0, 0);
        if (file.fileName().endsWith(u".bundle"_qs) && prefixes.contains(prefix) && !kept.contains(prefix))
            kept.insert(prefix);
        else
            directory.remove(file.fileName()); // a half-written one, an older version, a namespace's that is gone
    }
}

void SessionContent::onBundled()
{
    const QFuture<Bundled> future = m_bundling.future();
    if (future.resultCount() != 1)
        return; // cancelled before it began
    const Bundled bundled = future.result();
    if (!bundled.skipped.isEmpty())
        qCWarning(lcState).noquote() << bundled.path << ": left out (links, devices, sockets, unusable names):"
                                     << bundled.skipped.size() << "entries, the first" << bundled.skipped.first();
    if (!bundled.error.isEmpty()) {
        setMissing(bundled.error);
        return;
    }
    prepareFile(bundled.path);
}

void SessionContent::prepareFile(const QString &path)
{
    Error error;
    std::shared_ptr<const ContentFile> file = ContentFile::open(path, &error);
    if (!file) {
        setMissing(error.message);
        return;
    }
    m_file = file;
    m_frames.reset();
    if (SeekableZstd::looksSeekable(*file)) {
        std::optional<FrameTable> frames = SeekableZstd::readTable(*file, &error);
        if (!frames) {
            setMissing(error.message);
            return;
        }
        m_frames = std::make_shared<const FrameTable>(std::move(*frames));
    }
    const std::uint32_t chunks = m_frames ? m_frames->count() : chunkCountFor(file->blockCount());
    if (const std::optional<ImageDigests> cached = m_services.hashes->find(file->path(), file->identity(), chunks)) {
        setReady(*cached);
        return;
    }
    qCInfo(lcState).noquote() << "hashing" << file->path() << "(" << file->size() << "bytes)";
    m_state = State::Preparing;
    m_percent = 0;
    m_hashing.setFuture(QtConcurrent::run(m_services.hashing, [file, frames = m_frames](QPromise<Hashed> &promise) {
        promise.setProgressRange(0, 100);
        Error failure;
        const auto progress = [&promise](int percent) {
            promise.setProgressValue(percent);
            return !promise.isCanceled();
        };
        // A compressed image's digests are its uncompressed chunks', as they land.
        std::optional<ImageDigests> digests = frames ? SeekableZstd::hashImage(*file, *frames, progress, &failure)
                                                     : hashImage(*file, progress, &failure);
        promise.addResult(Hashed{std::move(digests), promise.isCanceled() ? u"hashing was stopped"_qs : failure.message});
    }));
    Q_EMIT changed();
}

void SessionContent::onHashed()
{
    const QFuture<Hashed> future = m_hashing.future();
    if (future.resultCount() != 1) // cancelled before it began
        return;
    const Hashed hashed = future.result();
    if (!hashed.digests) {
        setMissing(hashed.error);
        return;
    }
    // Rewritten while it was read: what was hashed may be neither version.
    if (FileIdentity::of(m_file->path()) != m_file->identity()) {
        qCInfo(lcState).noquote() << m_file->path() << "changed while it was hashed; hashing it again";
        QTimer::singleShot(0, this, &SessionContent::prepare);
        return;
    }
    m_services.hashes->store(m_file->path(), m_file->identity(), *hashed.digests);
    setReady(*hashed.digests);
}

void SessionContent::setPercent(int percent)
{
    m_percent = percent;
    Q_EMIT changed();
}

void SessionContent::setMissing(const QString &why)
{
    if (m_state != State::Missing || m_missingReason != why)
        qCWarning(lcState).noquote() << "image missing:" << why << QStringLiteral("(looked for again every %1 s)").arg(kRetryMs / 1000);
    m_state = State::Missing;
    m_missingReason = why;
    m_file.reset();
    m_digests.reset();
    m_retryTimer.start();
    Q_EMIT changed();
}

void SessionContent::setReady(const ImageDigests &digests)
{
    m_digests = std::make_shared<const ImageDigests>(digests);
    // A compressed image's chunks of zeros are frames of a few bytes: all
    // are sent (receivers still zero them without writing).
    m_zeros = std::make_shared<const ZeroChunks>(m_frames ? ImageDigests() : digests, m_file->size());
    if (m_zeros->zeroChunkCount() > 0)
        qCInfo(lcState).noquote() << m_file->path() << "has" << m_zeros->zeroChunkCount() << "of" << digests.chunkCount()
                                  << "chunks all zeros: they are not multicast";
    m_state = State::Ready;
    m_percent = 100;
    m_missingReason.clear();
    Q_EMIT changed();
}

} // namespace deploycast
