#include "session_content.h"

#include "common/log.h"
#include "hash_cache.h"
#include "image_store.h"

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
}

SessionContent::~SessionContent()
{
    m_hashing.disconnect(this);
    m_hashing.cancel(); // the worker sees it within a chunk
}

void SessionContent::prepare()
{
    if (m_hashing.isRunning())
        return;
    Error error;
    const std::optional<QString> path = m_services.images->resolveFile(m_contentPath, &error);
    std::shared_ptr<const ContentFile> file = path ? ContentFile::open(*path, &error) : nullptr;
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
