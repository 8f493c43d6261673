// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/content_file.h"
#include "transfer/image_digests.h"
#include "transfer/seekable_zstd.h"
#include "transfer/zero_chunks.h"

#include <QFutureWatcher>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

class QThreadPool;

namespace deploycast {

class HashCache;
class ImageStore;

// The file behind a transmission or namespace, on its way from the image
// store to something a sender can multicast: found, opened, hashed (the
// whole and each chunk, on a worker thread, or taken from the hash cache),
// then ready. A file that is not there (a late mount, say) is looked for
// again every few seconds: nothing about the session is lost meanwhile.
//
// A namespace's folder is first written as a folder bundle (FolderBundle)
// in the state directory's bundles/, on the worker too, named after the
// folder and the version of its tree, and that file is what is multicast: a
// snapshot taken when the session is prepared (at its creation and at each
// server start), which later changes to the folder do not disturb. Older
// versions are removed at the next start (removeUnusedBundles), never while
// another session may be sending one.
class SessionContent : public QObject
{
    Q_OBJECT
public:
    struct Services {
        const ImageStore *images = nullptr;
        const HashCache *hashes = nullptr;
        QThreadPool *hashing = nullptr; // where hashing runs, off the event loop
        QString bundles; // where folders are bundled
    };
    enum class State { Missing, Preparing, Ready };

    SessionContent(const QString &contentPath, const Services &services, QObject *parent = nullptr);
    ~SessionContent() override;

    // Looks for the file (again): Ready at once if the hash cache knows it,
    // else Preparing while it is hashed, or Missing (and looked for again).
    void prepare();

    State state() const { return m_state; }
    int preparedPercent() const { return m_percent; }
    QString missingReason() const { return m_missingReason; }
    // The content is a folder, multicast as a folder bundle.
    bool isFolder() const { return m_folder; }
    // Both set once Ready.
    std::shared_ptr<const ContentFile> file() const { return m_file; }
    std::shared_ptr<const ImageDigests> digests() const { return m_digests; }
    std::shared_ptr<const ZeroChunks> zeroChunks() const { return m_zeros; }
    // A compressed image's frames (seekable zstd); null for a plain one.
    std::shared_ptr<const FrameTable> frames() const { return m_frames; }
    // What lands on a receiver's disk: the uncompressed size. Once Ready.
    qint64 imageSize() const { return m_frames ? m_frames->imageSize : m_file->size(); }

    static constexpr int kRetryMs = 2000;
    // Room a bundle leaves free on the state directory's file system.
    static constexpr qint64 kBundleSpareBytes = 256 * 1024 * 1024;

    // At start, before any session prepares: removes from the bundles folder
    // what no namespace of these folders can use (half-written bundles,
    // older versions, bundles of namespaces that are gone).
    static void removeUnusedBundles(const QString &bundles, const QSet<QString> &folders);

Q_SIGNALS:
    void changed(); // state or progress

private:
    // What the worker hands back: the digests, or why there are none.
    struct Hashed {
        std::optional<ImageDigests> digests;
        QString error;
    };
    // What the worker hands back from bundling a folder.
    struct Bundled {
        QString path;
        QString error;
        QStringList skipped;
    };
    static Bundled bundleFolder(const QString &folder, const QString &bundles, const std::function<bool(int)> &progress);
    static QString bundlePrefix(const QString &folder);
    void prepareFile(const QString &path);
    void prepareFolder(const QString &folder);
    void onBundled();
    void setPercent(int percent);
    void setMissing(const QString &why);
    void setReady(const ImageDigests &digests);
    void onHashed();

    QString m_contentPath;
    Services m_services;
    State m_state = State::Missing;
    int m_percent = 0;
    QString m_missingReason;
    std::shared_ptr<const ContentFile> m_file;
    std::shared_ptr<const ImageDigests> m_digests;
    std::shared_ptr<const ZeroChunks> m_zeros;
    std::shared_ptr<const FrameTable> m_frames;
    QFutureWatcher<Hashed> m_hashing;
    bool m_folder = false;
    QFutureWatcher<Bundled> m_bundling;
    QTimer m_retryTimer;
};

} // namespace deploycast
