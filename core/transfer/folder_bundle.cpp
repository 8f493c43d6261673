// SPDX-License-Identifier: GPL-3.0-or-later
#include "folder_bundle.h"

#include "common/cbor_values.h"
#include "common/sha256.h"
#include "protocol/frame_codec.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QtEndian>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace deploycast::FolderBundle {
namespace {

constexpr char kMagic[] = "DCFOLDR1";
constexpr qint64 kMagicBytes = 8;
constexpr qint64 kHeaderBytes = kMagicBytes + 4;
constexpr qint64 kCopyBytes = 1024 * 1024;
constexpr int kMaxPathCharacters = 4096;
// The image store's own folder for uploads under way (ImageUpload).
const QString kStagingFolderName = u".deploycast-staging"_qs;

Error storage(const QString &message)
{
    return storageError(message);
}

Error malformed(const QString &message)
{
    return {QLatin1String(ErrorCode::BadRequest), QStringLiteral("the folder bundle is malformed: %1").arg(message)};
}

// A path both ends accept: relative, no empty, "." or ".." parts, no
// control characters (they would reach terminals and logs).
bool isValidPath(const QString &path)
{
    if (path.isEmpty() || path.size() > kMaxPathCharacters)
        return false;
    for (const QString &part : path.split(u'/')) {
        if (part.isEmpty() || part == u"."_qs || part == u".."_qs || part == kStagingFolderName)
            return false;
    }
    return std::none_of(path.cbegin(), path.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? QString() : path.left(slash);
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Copies exactly `size` bytes from one open file to the other.
bool copyBytes(QFile &from, QFile &to, qint64 size, const std::function<void(qint64)> &copied, Error *error)
{
    QByteArray buffer(int(std::min(size, kCopyBytes)), Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        const qint64 got = from.read(buffer.data(), std::min<qint64>(left, buffer.size()));
        if (got <= 0) {
            *error = storage(QStringLiteral("%1 is shorter than it should be").arg(from.fileName()));
            return false;
        }
        if (to.write(buffer.constData(), got) != got) {
            *error = storage(QStringLiteral("cannot write %1: %2").arg(to.fileName(), to.errorString()));
            return false;
        }
        left -= got;
        copied(got);
    }
    return true;
}

} // namespace

std::optional<QList<Entry>> scan(const QString &root, QStringList *skipped, Error *error)
{
    QList<Entry> entries;
    QDirIterator walk(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    const QDir base(root);
    while (walk.hasNext()) {
        const QString absolute = walk.next();
        const QString path = base.relativeFilePath(absolute);
        if (path.split(u'/').contains(kStagingFolderName))
            continue;
        struct stat info{};
        if (::lstat(QFile::encodeName(absolute).constData(), &info) != 0 || !(S_ISREG(info.st_mode) || S_ISDIR(info.st_mode))
            || !isValidPath(path)) {
            skipped->append(path); // links, devices, sockets, names a receiver would refuse
            continue;
        }
        if (entries.size() >= kMaxEntries) {
            *error = {QLatin1String(ErrorCode::InvalidArgument),
                      QStringLiteral("%1 holds more than %2 files and folders").arg(root).arg(kMaxEntries)};
            return std::nullopt;
        }
        Entry entry;
        entry.path = path;
        entry.folder = S_ISDIR(info.st_mode);
        entry.size = entry.folder ? 0 : qint64(info.st_size);
        entry.mode = int(info.st_mode & 0777);
        entry.identity = FileIdentity::ofEntry(absolute); // what was looked at: never a link's target
        entries.append(entry);
    }
    // Sorted, a folder comes before what it holds ("a" < "a/b").
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.path < b.path; });
    return entries;
}

QByteArray fingerprint(const QList<Entry> &entries)
{
    Sha256 digest;
    for (const Entry &entry : entries) {
        const QByteArray line = entry.path.toUtf8() + '\0' + QByteArray::number(entry.folder) + ' '
            + QByteArray::number(entry.mode) + ' ' + QByteArray::number(entry.identity.size) + ' '
            + QByteArray::number(entry.identity.modifiedNs) + ' ' + QByteArray::number(entry.identity.inode) + ' '
            + QByteArray::number(entry.identity.device) + '\n';
        digest.addData(line.constData(), std::size_t(line.size()));
    }
    return digest.result();
}

bool write(const QString &root, const QList<Entry> &entries, const QString &bundlePath,
           const std::function<bool(int)> &progress, Error *error)
{
    QCborArray manifest;
    qint64 total = 0;
    for (const Entry &entry : entries) {
        QCborMap item{{u"path"_qs, entry.path}, {u"mode"_qs, entry.mode}};
        if (entry.folder)
            item[u"folder"_qs] = true;
        else
            item[u"size"_qs] = entry.size;
        manifest.append(item);
        total += entry.size;
    }
    const QByteArray encoded = QCborValue(QCborMap{{u"entries"_qs, manifest}}).toCbor();
    if (encoded.size() > kMaxManifestBytes) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), QStringLiteral("%1 holds too many files to list").arg(root)};
        return false;
    }
    // A name of its own: two sessions of one folder may bundle it at once.
    QFile bundle(QStringLiteral("%1.%2.part").arg(bundlePath).arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0')));
    if (!bundle.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        *error = storage(QStringLiteral("cannot write %1: %2").arg(bundle.fileName(), bundle.errorString()));
        return false;
    }
    auto fail = [&bundle](Error *why, const Error &failure) {
        *why = failure;
        bundle.remove();
        return false;
    };
    uchar length[4];
    qToBigEndian(quint32(encoded.size()), length);
    if (bundle.write(kMagic, kMagicBytes) != kMagicBytes || bundle.write(reinterpret_cast<const char *>(length), 4) != 4
        || bundle.write(encoded) != encoded.size())
        return fail(error, storage(QStringLiteral("cannot write %1: %2").arg(bundle.fileName(), bundle.errorString())));
    qint64 done = 0;
    bool stopped = false;
    auto copied = [&](qint64 bytes) {
        done += bytes;
        stopped = stopped || !progress(total > 0 ? int(done * 100 / total) : 100);
    };
    for (const Entry &entry : entries) {
        if (entry.folder)
            continue;
        const QString path = root + u'/' + entry.path;
        // The very file scanned: not a link put in its place since (it could
        // lead to any file the server may read), not a file changed since.
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        QFile file;
        if (fd < 0 || !file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
            if (fd >= 0)
                ::close(fd);
            return fail(error, storage(QStringLiteral("cannot read %1: %2").arg(path, errnoText())));
        }
        const QString changed = QStringLiteral("%1 changed while the folder was bundled").arg(path);
        if (FileIdentity::ofDescriptor(fd) != entry.identity)
            return fail(error, storage(changed));
        if (!copyBytes(file, bundle, entry.size, copied, error))
            return fail(error, *error);
        if (stopped)
            return fail(error, storage(u"bundling was stopped"_qs));
        if (FileIdentity::ofDescriptor(fd) != entry.identity) // written to while it was read
            return fail(error, storage(changed));
    }
    if (!bundle.flush() || ::fsync(bundle.handle()) != 0)
        return fail(error, storage(QStringLiteral("cannot write %1: %2").arg(bundle.fileName(), bundle.errorString())));
    bundle.close();
    if (std::rename(QFile::encodeName(bundle.fileName()).constData(), QFile::encodeName(bundlePath).constData()) != 0)
        return fail(error, storage(QStringLiteral("cannot move %1 into place: %2").arg(bundlePath, errnoText())));
    return true;
}

namespace {

// The manifest, checked whole before anything is written.
std::optional<QList<Entry>> readManifest(QFile &bundle, Error *error)
{
    char header[kHeaderBytes];
    if (bundle.read(header, kHeaderBytes) != kHeaderBytes || std::memcmp(header, kMagic, kMagicBytes) != 0) {
        *error = malformed(u"it does not begin as a folder bundle does"_qs);
        return std::nullopt;
    }
    const qint64 length = qFromBigEndian<quint32>(header + kMagicBytes);
    if (length > kMaxManifestBytes || length > bundle.size() - kHeaderBytes) {
        *error = malformed(QStringLiteral("a manifest of %1 bytes").arg(length));
        return std::nullopt;
    }
    // Checked as a frame is: a half-parsed CBOR value must never be looked into.
    QString why;
    const std::optional<QCborMap> manifest = decodeFrameBody(bundle.read(length), &why);
    if (!manifest) {
        *error = malformed(QStringLiteral("its manifest: %1").arg(why));
        return std::nullopt;
    }
    const QCborArray items = manifest->value(u"entries"_qs).toArray();
    if (items.size() > kMaxEntries) {
        *error = malformed(u"too many entries"_qs);
        return std::nullopt;
    }
    QList<Entry> entries;
    QSet<QString> folders;
    QSet<QString> seen;
    qint64 contentBytes = 0;
    for (const QCborValue &value : items) {
        const QCborMap item = value.toMap();
        Entry entry;
        entry.path = item.value(u"path"_qs).toString();
        entry.folder = item.value(u"folder"_qs).toBool();
        entry.size = entry.folder ? 0 : integerOf(item.value(u"size"_qs), -1);
        entry.mode = int(integerOf(item.value(u"mode"_qs), entry.folder ? 0755 : 0644) & 0777);
        const QString parent = parentOf(entry.path);
        if (!isValidPath(entry.path) || seen.contains(entry.path) || (!parent.isEmpty() && !folders.contains(parent))) {
            *error = malformed(QStringLiteral("the path '%1' is not one it may hold").arg(entry.path.left(200)));
            return std::nullopt;
        }
        if (entry.size < 0 || entry.size > bundle.size()) {
            *error = malformed(QStringLiteral("%1 has no valid size").arg(entry.path));
            return std::nullopt;
        }
        seen.insert(entry.path);
        if (entry.folder)
            folders.insert(entry.path);
        contentBytes += entry.size;
        entries.append(entry);
    }
    if (kHeaderBytes + length + contentBytes != bundle.size()) {
        *error = malformed(QStringLiteral("its files add up to %1 bytes, but %2 follow the manifest")
                               .arg(contentBytes).arg(bundle.size() - kHeaderBytes - length));
        return std::nullopt;
    }
    return entries;
}

bool writeTree(QFile &bundle, const QList<Entry> &entries, const QString &staging, Error *error)
{
    for (const Entry &entry : entries) {
        const QString path = staging + u'/' + entry.path;
        if (entry.folder) {
            if (::mkdir(QFile::encodeName(path).constData(), 0700) != 0) {
                *error = storage(QStringLiteral("cannot create %1: %2").arg(path, errnoText()));
                return false;
            }
            continue;
        }
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            *error = storage(QStringLiteral("cannot create %1: %2").arg(path, file.errorString()));
            return false;
        }
        if (!copyBytes(bundle, file, entry.size, [](qint64) {}, error))
            return false;
        if (!file.flush()) {
            *error = storage(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
            return false;
        }
        file.close();
        ::chmod(QFile::encodeName(path).constData(), mode_t(entry.mode));
    }
    return true;
}

// The folders' own modes last, deepest first, once the tree is in place: a
// read-only folder is filled before it closes, and a tree that could not be
// moved into place can still be removed.
void setFolderModes(const QList<Entry> &entries, const QString &root)
{
    for (auto entry = entries.crbegin(); entry != entries.crend(); ++entry)
        if (entry->folder)
            ::chmod(QFile::encodeName(root + u'/' + entry->path).constData(), mode_t(entry->mode));
}

} // namespace

bool unpack(const QString &bundlePath, const QString &target, Error *error)
{
    QFile bundle(bundlePath);
    if (!bundle.open(QIODevice::ReadOnly)) {
        *error = storage(QStringLiteral("cannot read %1: %2").arg(bundlePath, bundle.errorString()));
        return false;
    }
    const std::optional<QList<Entry>> entries = readManifest(bundle, error);
    if (!entries)
        return false;
    const QFileInfo where(target);
    const QString staging = QStringLiteral("%1/.%2.deploycast-unpack-%3")
                                .arg(where.absolutePath(), where.fileName())
                                .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    // The tree's top folder: the umask gives its mode, as for any new folder.
    if (::mkdir(QFile::encodeName(staging).constData(), 0777) != 0) {
        *error = storage(QStringLiteral("cannot create %1: %2").arg(staging, errnoText()));
        return false;
    }
    const bool written = writeTree(bundle, *entries, staging, error);
    // On disk before it has its name: a crash never leaves half a tree under it.
    const int folder = written ? ::open(QFile::encodeName(staging).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    const bool synced = folder >= 0 && ::syncfs(folder) == 0;
    if (folder >= 0)
        ::close(folder);
    // Never onto something that exists: renameat2 with RENAME_NOREPLACE.
    if (!written || !synced
        || ::renameat2(AT_FDCWD, QFile::encodeName(staging).constData(), AT_FDCWD, QFile::encodeName(target).constData(),
                       RENAME_NOREPLACE) != 0) {
        if (written)
            *error = storage(synced ? QStringLiteral("cannot move the folder to %1: %2").arg(target, errnoText())
                                    : QStringLiteral("cannot flush %1 to disk: %2").arg(staging, errnoText()));
        QDir(staging).removeRecursively();
        return false;
    }
    setFolderModes(*entries, target);
    return true;
}

} // namespace deploycast::FolderBundle
