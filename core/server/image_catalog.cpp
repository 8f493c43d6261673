// SPDX-License-Identifier: GPL-3.0-or-later
#include "image_catalog.h"

#include "common/atomic_file.h"
#include "common/printable.h"
#include "common/log.h"
#include "common/sha256.h"
#include "image_store.h"

#include <QCborArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdio>

namespace deploycast {
namespace {

constexpr auto kDefaultGroup = "Default";
// A store with more files than this is not walked further at start.
constexpr int kMostAdoptedFiles = 100'000;

Error invalid(const ServerText &message)
{
    return {QLatin1String(ErrorCode::InvalidArgument), message};
}

} // namespace

ImageCatalog::ImageCatalog(const QString &stateDirectory, const ImageStore *store)
    : m_directory(stateDirectory)
    , m_store(store)
{
}

QString ImageCatalog::filePath() const
{
    return m_directory + u"/catalog.json"_qs;
}

bool ImageCatalog::load(Error *error)
{
    QFile file(filePath());
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = {QLatin1String(ErrorCode::StorageError), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "cannot read %1: %2")).arg(filePath(), file.errorString())};
        return false;
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    const QJsonObject root = document.object();
    if (!document.isObject() || !root.value(u"groups"_qs).isArray() || !root.value(u"images"_qs).isArray()) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 is damaged (not a catalog); nothing was changed. Restore it from a backup, or "
                                 "move it aside: the images in the store then join a new catalog at start, install "
                                 "images in the groups of their folders.")).arg(filePath())};
        return false;
    }
    m_groups.clear();
    for (const QJsonValue &group : root.value(u"groups"_qs).toArray())
        m_groups.append(group.toString());
    m_groupSecurity.clear();
    const QJsonObject security = root.value(u"groupSecurity"_qs).toObject();
    for (auto it = security.constBegin(); it != security.constEnd(); ++it)
        m_groupSecurity.insert(it.key(), it.value().toString());
    m_images.clear();
    for (const QJsonValue &value : root.value(u"images"_qs).toArray())
        m_images.append(CatalogImage::fromCbor(QCborMap::fromJsonObject(value.toObject())));
    return true;
}

int ImageCatalog::adoptStoreFiles(Error *error)
{
    const QString root = m_store->root();
    QList<CatalogImage> found;
    QStringList newGroups;
    QSet<QString> known;
    for (const CatalogImage &image : std::as_const(m_images))
        known.insert(image.path);
    int walked = 0;
    // Hidden entries (the upload staging folder among them) are not images.
    QDirIterator it(root, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext() && walked++ < kMostAdoptedFiles) {
        const QFileInfo info(it.next());
        const QString path = QDir(root).relativeFilePath(info.filePath());
        // Not hidden ones (the staging folder's among them), and nothing that
        // leads out of the store: such a file could never be served.
        Error skipped;
        if (known.contains(path) || !info.isFile() || path.startsWith(u'.') || path.contains(u"/."_qs)
            || !m_store->resolveFile(path, &skipped))
            continue;
        const QStringList parts = path.split(u'/');
        CatalogImage image;
        image.path = path;
        image.fileName = info.fileName();
        image.name = info.completeBaseName();
        image.size = info.size();
        image.created = image.modified = info.lastModified().toUTC();
        if (parts.size() == 3 && parts[0] == u"Boot"_qs && architectureFromString(parts[1])) {
            image.type = ImageType::Boot;
            image.architecture = *architectureFromString(parts[1]);
        } else {
            image.type = ImageType::Install;
            image.architecture = u"x64"_qs;
            const bool inCatalogLayout = parts.size() == 3 && parts[0] == u"Install"_qs;
            image.group = inCatalogLayout ? parts[1] : QLatin1String(kDefaultGroup);
            // A file from before the catalog is kept but not offered to
            // receivers (who need no token) until an admin enables it.
            image.enabled = inCatalogLayout;
        }
        // Names that could not be given by hand are not taken from disk either.
        if (!checkName(u"a name"_qs, image.name, &skipped) || !checkName(u"a file name"_qs, image.fileName, &skipped)
            || !checkName(u"a group"_qs, image.group.isEmpty() ? u"-"_qs : image.group, &skipped)) {
            qCWarning(lcState).noquote() << "not adopting" << printable(path) << ":" << skipped.message;
            continue;
        }
        if (image.type == ImageType::Install && !hasGroup(image.group) && !newGroups.contains(image.group))
            newGroups.append(image.group);
        known.insert(path);
        found.append(image);
    }
    if (found.isEmpty())
        return 0;
    const bool saved = changeAndSave([&] {
        m_groups += newGroups;
        m_images += found;
    }, error);
    return saved ? int(found.size()) : -1;
}

bool ImageCatalog::hasGroup(const QString &name) const
{
    return m_groups.contains(name, Qt::CaseInsensitive);
}

bool ImageCatalog::checkName(const QString &what, const QString &name, Error *error)
{
    if (name.trimmed().isEmpty() || name.size() > 255 || !isPrintable(name) || name.contains(u'/')
        || name.contains(u'\\') || name.startsWith(u'.')) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 '%2' must be 1 to 255 characters, without control characters, slashes or "
                                        "a leading dot")).arg(what, printable(name.left(64))));
        return false;
    }
    return true;
}

bool ImageCatalog::addGroup(const QString &name, Error *error)
{
    if (!checkName(u"an image group's name"_qs, name, error))
        return false;
    if (hasGroup(name)) {
        *error = {QLatin1String(ErrorCode::AlreadyExists), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the image group '%1' already exists")).arg(name)};
        return false;
    }
    return changeAndSave([&] { m_groups.append(name); }, error);
}

bool ImageCatalog::removeGroup(const QString &name, Error *error)
{
    if (!hasGroup(name)) {
        *error = {QLatin1String(ErrorCode::NotFound), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "there is no image group '%1'")).arg(name)};
        return false;
    }
    ImageQuery inGroup;
    inGroup.group = name;
    if (const qsizetype count = matching(inGroup).size(); count > 0) {
        *error = {QLatin1String(ErrorCode::NotAllowed),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the image group '%1' still has %2 image(s); remove them first")).arg(name).arg(count)};
        return false;
    }
    return changeAndSave([&] {
        m_groups.removeIf([&](const QString &group) { return group.compare(name, Qt::CaseInsensitive) == 0; });
        m_groupSecurity.remove(name);
    }, error);
}

bool ImageCatalog::renameGroup(const QString &name, const QString &newName, Error *error)
{
    const qsizetype index = m_groups.indexOf(name);
    if (index < 0) {
        *error = {QLatin1String(ErrorCode::NotFound), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "there is no image group '%1'")).arg(name)};
        return false;
    }
    if (!checkName(u"an image group's name"_qs, newName, error))
        return false;
    if (newName != name && hasGroup(newName) && newName.compare(name, Qt::CaseInsensitive) != 0) {
        *error = {QLatin1String(ErrorCode::AlreadyExists), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the image group '%1' already exists")).arg(newName)};
        return false;
    }
    const QString from = m_store->root() + u"/Install/"_qs + name;
    const QString to = m_store->root() + u"/Install/"_qs + newName;
    const bool moves = QFileInfo(from).isDir() && from != to;
    if (moves && QFileInfo::exists(to)) {
        *error = {QLatin1String(ErrorCode::AlreadyExists), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the image store already has Install/%1")).arg(newName)};
        return false;
    }
    if (moves && !QDir().rename(from, to)) {
        *error = {QLatin1String(ErrorCode::StorageError), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "cannot rename %1 to %2")).arg(from, to)};
        return false;
    }
    const QString oldPrefix = u"Install/"_qs + name + u'/';
    const bool saved = changeAndSave([&] {
        m_groups[index] = newName;
        if (m_groupSecurity.contains(name))
            m_groupSecurity.insert(newName, m_groupSecurity.take(name));
        for (CatalogImage &image : m_images) {
            if (image.type != ImageType::Install || image.group != name)
                continue;
            image.group = newName;
            if (image.path.startsWith(oldPrefix))
                image.path = u"Install/"_qs + newName + u'/' + image.path.mid(oldPrefix.size());
        }
    }, error);
    if (!saved && moves)
        QDir().rename(to, from); // as it was
    return saved;
}

bool ImageCatalog::setGroupSecurity(const QString &name, const QString &sddl, Error *error)
{
    if (!hasGroup(name)) {
        *error = {QLatin1String(ErrorCode::NotFound), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "there is no image group '%1'")).arg(name)};
        return false;
    }
    if (!checkDescriptor(sddl, error))
        return false;
    return changeAndSave([&] { m_groupSecurity.insert(name, sddl); }, error);
}

bool ImageCatalog::checkDescriptor(const QString &text, Error *error)
{
    if (text.size() > 4096 || !isPrintable(text)) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a user filter or security descriptor must be at most 4096 characters, without control characters")));
        return false;
    }
    return true;
}

std::optional<QString> ImageCatalog::groupForNewImage(const QString &given, Error *error) const
{
    if (!given.isEmpty()) {
        for (const QString &group : m_groups)
            if (group.compare(given, Qt::CaseInsensitive) == 0)
                return group;
        return checkName(u"an image group's name"_qs, given, error) ? std::optional(given) : std::nullopt;
    }
    if (m_groups.size() == 1)
        return m_groups.first();
    if (m_groups.isEmpty())
        return u"ImageGroup1"_qs;
    *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "there are %1 image groups (%2): say which with /ImageGroup"))
                         .arg(m_groups.size()).arg(m_groups.join(u", "_qs)));
    return std::nullopt;
}

QList<CatalogImage> ImageCatalog::matching(const ImageQuery &query) const
{
    QList<CatalogImage> result;
    for (const CatalogImage &image : m_images)
        if (query.matches(image))
            result.append(image);
    return result;
}

std::optional<CatalogImage> ImageCatalog::find(const ImageQuery &query, Error *error) const
{
    const QList<CatalogImage> found = matching(query);
    if (found.size() == 1)
        return found.first();
    if (found.isEmpty()) {
        *error = {QLatin1String(ErrorCode::NotFound), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "there is no %1")).arg(query.describe())};
        return std::nullopt;
    }
    QStringList where;
    for (const CatalogImage &image : found)
        where.append(image.path);
    *error = {QLatin1String(ErrorCode::InvalidArgument),
              ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 names %2 images (%3): add /ImageGroup, /Architecture or /Filename"))
                  .arg(query.describe()).arg(found.size()).arg(where.join(u", "_qs))};
    return std::nullopt;
}

std::optional<CatalogImage> ImageCatalog::atPath(const QString &path) const
{
    for (const CatalogImage &image : m_images)
        if (image.path == path)
            return image;
    return std::nullopt;
}

bool ImageCatalog::addImage(const CatalogImage &image, Error *error)
{
    if (atPath(image.path)) {
        *error = {QLatin1String(ErrorCode::AlreadyExists), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the catalog already has an image at %1")).arg(image.path)};
        return false;
    }
    return changeAndSave([&] { m_images.append(image); }, error);
}

bool ImageCatalog::updateImage(CatalogImage image, const std::optional<QByteArray> &unattend, Error *error)
{
    const auto at = std::find_if(m_images.begin(), m_images.end(), [&](const CatalogImage &i) { return i.path == image.path; });
    if (at == m_images.end()) {
        *error = {QLatin1String(ErrorCode::NotFound), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the catalog has no image at %1")).arg(image.path)};
        return false;
    }
    const qsizetype index = at - m_images.begin();
    // The new unattend file waits beside the old one until the catalog says so.
    const QString kept = unattendPath(image);
    const QString staged = kept + u".new"_qs;
    if (unattend) {
        if (unattend->size() > kMaxUnattendBytes) {
            *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "an unattend file may have at most %1 bytes")).arg(kMaxUnattendBytes));
            return false;
        }
        image.unattendSize = unattend->size();
        if (!unattend->isEmpty()
            && (!makeOwnerOnlyFolder(m_directory + u"/unattend"_qs, error)
                || !writeFileAtomically(staged, *unattend, kOwnerOnly, error)))
            return false;
    }
    if (!changeAndSave([&] { m_images[index] = image; }, error)) {
        QFile::remove(staged);
        return false;
    }
    if (unattend && unattend->isEmpty())
        QFile::remove(kept);
    else if (unattend && std::rename(QFile::encodeName(staged).constData(), QFile::encodeName(kept).constData()) != 0)
        qCWarning(lcState).noquote() << "cannot move" << staged << "to" << kept;
    return true;
}

bool ImageCatalog::removeImage(const QString &path, Error *error)
{
    const std::optional<CatalogImage> image = atPath(path);
    if (!changeAndSave([&] { m_images.removeIf([&](const CatalogImage &i) { return i.path == path; }); }, error))
        return false;
    if (image)
        QFile::remove(unattendPath(*image));
    return true;
}

QString ImageCatalog::unattendPath(const CatalogImage &image) const
{
    // Named by the image's path, which no two images share.
    return m_directory + u"/unattend/"_qs + QString::fromLatin1(Sha256::of(image.path.toUtf8().constData(),
                                                                            std::size_t(image.path.toUtf8().size())).toHex().left(32))
        + u".xml"_qs;
}

template<typename Change>
bool ImageCatalog::changeAndSave(Change change, Error *error)
{
    const QStringList groups = m_groups;
    const QList<CatalogImage> images = m_images;
    const QMap<QString, QString> security = m_groupSecurity;
    change();
    if (save(error)) {
        ++m_revision;
        return true;
    }
    m_groups = groups; // a failed write changes nothing
    m_images = images;
    m_groupSecurity = security;
    return false;
}

bool ImageCatalog::save(Error *error)
{
    QJsonArray images;
    for (const CatalogImage &image : std::as_const(m_images))
        images.append(image.toCbor().toJsonObject());
    QJsonObject security;
    for (auto it = m_groupSecurity.cbegin(); it != m_groupSecurity.cend(); ++it)
        security.insert(it.key(), it.value());
    const QJsonObject root{{u"format"_qs, 1},
                           {u"groups"_qs, QJsonArray::fromStringList(m_groups)},
                           {u"groupSecurity"_qs, security},
                           {u"images"_qs, images}};
    return writeFileAtomically(filePath(), QJsonDocument(root).toJson(), kOwnerOnly, error);
}

} // namespace deploycast
