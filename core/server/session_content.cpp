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
    connect(&m_hashing, &QFutureWatcher<Hashed>::progressValueChanged, this, [this](int percent) {
        m_percent = percent;
        Q_EMIT changed();
    });
    connect(&m_hashing, &QFutureWatcher<Hashed>::finished, this, &SessionContent::onHashed);
    // Bundling a folder is the first part of preparing it, hashing the bundle the second.
    connect(&m_bundling, &QFutureWatcher<QString>::progressValueChanged, this, [this](int percent) {
        m_percent = percent;
        Q_EMIT changed();
    });
    connect(&m_bundling, &QFutureWatcher<QString>::finished, this, &SessionContent::onBundled);
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
    QStringList skipped;
    const std::optional<QList<FolderBundle::Entry>> entries = FolderBundle::scan(folder, &skipped, &error);
    if (!entries) {
        setMissing(error.message);
        return;
    }
    if (!skipped.isEmpty())
        qCWarning(lcState).noquote() << folder << ": left out of its bundle (links, devices, sockets, unusable names):"
                                     << skipped.size() << "entries, the first" << skipped.first();
    // Named after the folder, then the version of its tree: a changed tree
    // gets a new bundle, and the folder's older ones go once it is written.
    const QString prefix = QString::fromLatin1(Sha256::of(folder.toUtf8().constData(), std::size_t(folder.toUtf8().size())).toHex().left(16));
    const QString bundle = QStringLiteral("%1/%2-%3.bundle").arg(m_services.bundles, prefix,
                                                                 QString::fromLatin1(FolderBundle::fingerprint(*entries).toHex().left(32)));
    if (QFileInfo::exists(bundle)) {
        prepareFile(bundle);
        return;
    }
    if (!makeOwnerOnlyFolder(m_services.bundles, &error)) {
        setMissing(error.message);
        return;
    }
    qCInfo(lcState).noquote() << "bundling the folder" << folder << "(" << entries->size() << "files and folders)";
    m_state = State::Preparing;
    m_percent = 0;
    m_bundle = bundle;
    m_bundlePrefix = prefix;
    m_bundling.setFuture(QtConcurrent::run(m_services.hashing, [folder, entries = *entries, bundle](QPromise<QString> &promise) {
        promise.setProgressRange(0, 100);
        Error failure;
        const bool written = FolderBundle::write(folder, entries, bundle, [&promise](int percent) {
            promise.setProgressValue(percent);
            return !promise.isCanceled();
        }, &failure);
        promise.addResult(written ? QString() : failure.message);
    }));
    Q_EMIT changed();
}

void SessionContent::onBundled()
{
    const QFuture<QString> future = m_bundling.future();
    if (future.resultCount() != 1)
        return; // cancelled before it began
    if (!future.result().isEmpty()) {
        setMissing(future.result());
        return;
    }
    QDir bundles(m_services.bundles);
    for (const QString &older : bundles.entryList({m_bundlePrefix + u"-*"_qs}, QDir::Files))
        if (bundles.filePath(older) != m_bundle)
            bundles.remove(older);
    prepareFile(m_bundle);
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
    if (const std::optional<ImageDigests> cached = m_services.hashes->find(file->path(), file->identity())) {
        setReady(*cached);
        return;
    }
    qCInfo(lcState).noquote() << "hashing" << file->path() << "(" << file->size() << "bytes)";
    m_state = State::Preparing;
    m_percent = 0;
    m_hashing.setFuture(QtConcurrent::run(m_services.hashing, [file](QPromise<Hashed> &promise) {
        promise.setProgressRange(0, 100);
        Error failure;
        std::optional<ImageDigests> digests = hashImage(*file, [&promise](int percent) {
            promise.setProgressValue(percent);
            return !promise.isCanceled();
        }, &failure);
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
    m_state = State::Ready;
    m_percent = 100;
    m_missingReason.clear();
    Q_EMIT changed();
}

} // namespace deploycast
