// SPDX-License-Identifier: GPL-3.0-or-later
// AdminPeer's image catalog methods: groups, images, images sent into the
// store (/Add-Image, /Replace-Image), copied within it (/Copy-Image) and read
// out of it (/Export-Image).
#include "admin_peer.h"

#include "common/cbor_values.h"
#include "common/log.h"
#include "common/printable.h"
#include "image_catalog.h"
#include "protocol/framed_connection.h"
#include "registry.h"

#include <QCborArray>
#include <QFile>

namespace deploycast {
namespace {

// What one copyImageData step copies: a few milliseconds of disk time, so the
// event loop stays free for every other peer while a large image is copied.
constexpr qint64 kCopyStepBytes = 16 * 1024 * 1024;
constexpr qint64 kCopyReadBytes = 1024 * 1024;

Error invalid(const ServerText &message)
{
    return {QLatin1String(ErrorCode::InvalidArgument), message};
}

std::optional<ImageQuery> imageParam(const QCborMap &params, Error *error)
{
    if (!params.value(u"image"_qs).isMap()) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'image' must name an image (type, name, group or architecture, fileName)")));
        return std::nullopt;
    }
    return ImageQuery::fromCbor(params.value(u"image"_qs).toMap(), error);
}

} // namespace

QCborMap AdminPeer::listImageGroups() const
{
    QCborArray groups;
    for (const QString &name : m_registry->catalog()->groups()) {
        ImageQuery inGroup;
        inGroup.group = name;
        QCborMap group{{u"name"_qs, name}, {u"imageCount"_qs, m_registry->catalog()->matching(inGroup).size()}};
        if (const QString security = m_registry->catalog()->groupSecurity(name); !security.isEmpty())
            group[u"security"_qs] = security;
        groups.append(group);
    }
    return {{u"groups"_qs, groups}};
}

QCborMap AdminPeer::addImageGroup(const QCborMap &params, Error *error)
{
    const QString name = params.value(u"name"_qs).toString();
    if (!m_registry->catalog()->addGroup(name, error))
        return {};
    qCInfo(lcMgmt).noquote() << "added image group" << name;
    return {{u"group"_qs, name}};
}

QCborMap AdminPeer::removeImageGroup(const QCborMap &params, Error *error)
{
    const QString name = params.value(u"name"_qs).toString();
    if (!m_registry->catalog()->removeGroup(name, error))
        return {};
    qCInfo(lcMgmt).noquote() << "removed image group" << name;
    return {{u"group"_qs, name}};
}

// A new name moves the group's folder, so it waits until no session serves
// a file there; a security descriptor is kept as given.
QCborMap AdminPeer::setImageGroup(const QCborMap &params, Error *error)
{
    ImageCatalog *catalog = m_registry->catalog();
    QString name = params.value(u"name"_qs).toString();
    if (!catalog->hasGroup(name)) {
        *error = {QLatin1String(ErrorCode::NotFound), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "there is no image group '%1'")).arg(name)};
        return {};
    }
    for (const QString &group : catalog->groups())
        if (group.compare(name, Qt::CaseInsensitive) == 0)
            name = group; // its own spelling
    if (!params.contains(u"newName"_qs) && !params.contains(u"security"_qs)) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "nothing to change: give 'newName' or 'security'")));
        return {};
    }
    // Checked before anything changes; set after a rename, under the new name.
    if (params.contains(u"security"_qs) && !ImageCatalog::checkDescriptor(params.value(u"security"_qs).toString(), error))
        return {};
    if (params.contains(u"newName"_qs)) {
        const QString newName = params.value(u"newName"_qs).toString();
        ImageQuery inGroup;
        inGroup.group = name;
        for (const CatalogImage &image : catalog->matching(inGroup)) {
            if (const QList<SessionInfo> serving = m_registry->sessionsServing(image.path); !serving.isEmpty()) {
                *error = {QLatin1String(ErrorCode::NotAllowed),
                          ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' serves %2 of this group: remove it before renaming the group")).arg(serving.first().name, image.path)};
                return {};
            }
            m_registry->forgetUnicastSource(image.path);
        }
        if (!catalog->renameGroup(name, newName, error))
            return {};
        qCInfo(lcMgmt).noquote() << "renamed image group" << name << "to" << newName;
        name = newName;
    }
    if (params.contains(u"security"_qs) && !catalog->setGroupSecurity(name, params.value(u"security"_qs).toString(), error))
        return {};
    return {{u"group"_qs, name}};
}

// Every image, or those of one type ("type": Boot or Install), or those a
// query names ("image").
QCborMap AdminPeer::listImages(const QCborMap &params, Error *error) const
{
    std::optional<ImageQuery> query;
    if (params.contains(u"image"_qs) && !(query = imageParam(params, error)))
        return {};
    const QString type = params.value(u"type"_qs).toString();
    if (!type.isEmpty() && !imageTypeFromString(type)) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'type' must be Boot or Install")));
        return {};
    }
    QCborArray images;
    for (const CatalogImage &image : m_registry->catalog()->images()) {
        if ((query && !query->matches(image)) || (!type.isEmpty() && image.type != imageTypeFromString(type)))
            continue;
        images.append(m_registry->imageToCbor(image));
    }
    return {{u"images"_qs, images}};
}

QCborMap AdminPeer::setImage(const QCborMap &params, Error *error)
{
    const std::optional<ImageQuery> query = imageParam(params, error);
    std::optional<CatalogImage> image = query ? m_registry->catalog()->find(*query, error) : std::nullopt;
    if (!image)
        return {};
    if (params.contains(u"name"_qs)) {
        image->name = params.value(u"name"_qs).toString();
        if (!ImageCatalog::checkName(u"an image's name"_qs, image->name, error))
            return {};
    }
    if (params.contains(u"description"_qs)) {
        image->description = params.value(u"description"_qs).toString();
        if (image->description.size() > 1024 || !isPrintable(image->description)) {
            *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a description must be at most 1024 characters, without control characters")));
            return {};
        }
    }
    if (params.contains(u"enabled"_qs))
        image->enabled = params.value(u"enabled"_qs).toBool();
    if (params.contains(u"userFilter"_qs)) {
        image->userFilter = params.value(u"userFilter"_qs).toString();
        if (!ImageCatalog::checkDescriptor(image->userFilter, error))
            return {};
    }
    std::optional<QByteArray> unattend;
    if (params.contains(u"unattend"_qs)) {
        if (!params.value(u"unattend"_qs).isByteArray()) {
            *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'unattend' must be the file's bytes")));
            return {};
        }
        if (image->unattendSize > 0 && !params.value(u"overwriteUnattend"_qs).toBool()) {
            *error = {QLatin1String(ErrorCode::AlreadyExists),
                      ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the %1 has an unattend file already: give /OverwriteUnattend:Yes to replace it"))
                          .arg(query->describe())};
            return {};
        }
        unattend = params.value(u"unattend"_qs).toByteArray();
    }
    image->modified = QDateTime::currentDateTimeUtc();
    if (!m_registry->catalog()->updateImage(*image, unattend, error))
        return {};
    qCInfo(lcMgmt).noquote() << "changed image" << image->path;
    return {{u"image"_qs, m_registry->imageToCbor(*image)}};
}

QCborMap AdminPeer::removeImage(const QCborMap &params, Error *error)
{
    const std::optional<ImageQuery> query = imageParam(params, error);
    const std::optional<CatalogImage> image = query ? m_registry->catalog()->find(*query, error) : std::nullopt;
    if (!image)
        return {};
    if (const QList<SessionInfo> serving = m_registry->sessionsServing(image->path); !serving.isEmpty()) {
        *error = {QLatin1String(ErrorCode::NotAllowed),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the %1 is served by '%2': remove it first")).arg(query->describe(), serving.first().name)};
        return {};
    }
    // Out of the catalog first: a file left behind is adopted again at the
    // next start, a catalog entry without its file would not serve.
    if (!m_registry->catalog()->removeImage(image->path, error))
        return {};
    QFile::remove(m_registry->imageStore().root() + u'/' + image->path);
    m_registry->forgetUnicastSource(image->path);
    qCInfo(lcMgmt).noquote() << "removed image" << image->path;
    return {{u"image"_qs, image->toCbor()}};
}

QCborMap AdminPeer::beginImageUpload(const QCborMap &params, Error *error)
{
    if (m_upload) {
        *error = {QLatin1String(ErrorCode::NotAllowed), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "this connection is already sending an image"))};
        return {};
    }
    m_copySource.reset(); // from a begin that was refused
    ImageCatalog *catalog = m_registry->catalog();
    const std::optional<ImageQuery> query = imageParam(params, error);
    if (!query)
        return {};
    CatalogImage target;
    const bool replace = params.value(u"replace"_qs).toBool();
    const bool copy = params.contains(u"copyOf"_qs);
    ImageQuery wanted = *query;
    qint64 size = integerOf(params.value(u"size"_qs), -1);
    if (copy && replace) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a copy makes a new image; it replaces none")));
        return {};
    }
    if (copy && (size = openCopySource(params, &wanted, error)) < 0)
        return {};
    if (replace) {
        const std::optional<CatalogImage> existing = catalog->find(*query, error);
        if (!existing)
            return {};
        if (!checkNobodyReceives(*existing, error))
            return {};
        const QString fileName = params.value(u"fileName"_qs).toString();
        if (!fileName.isEmpty() && fileName.compare(existing->fileName, Qt::CaseInsensitive) != 0) {
            *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a replacement keeps the image's file name (%1) in this version")).arg(existing->fileName));
            return {};
        }
        target = *existing;
    } else {
        target.type = wanted.type;
        target.fileName = wanted.fileName;
        target.name = wanted.name.isEmpty() ? wanted.fileName.section(u'.', 0, 0) : wanted.name;
        target.architecture = wanted.architecture.isEmpty() ? u"x64"_qs : wanted.architecture;
        target.description = params.value(u"description"_qs).toString();
        if (!ImageCatalog::checkName(u"an image's file name"_qs, target.fileName, error)
            || !ImageCatalog::checkName(u"an image's name"_qs, target.name, error))
            return {};
        if (target.description.size() > 1024 || !isPrintable(target.description)) {
            *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a description must be at most 1024 characters, without control characters")));
            return {};
        }
        if (target.type == ImageType::Install) {
            const std::optional<QString> group = catalog->groupForNewImage(wanted.group, error);
            if (!group)
                return {};
            target.group = *group;
        }
        target.path = CatalogImage::storePath(target.type, target.type == ImageType::Install ? target.group : target.architecture,
                                              target.fileName);
        if (catalog->atPath(target.path) || QFile::exists(m_registry->imageStore().root() + u'/' + target.path)) {
            *error = {QLatin1String(ErrorCode::AlreadyExists),
                      ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the image store already has %1: choose another /Filename, or /Replace-Image it")).arg(target.path)};
            return {};
        }
    }
    m_upload = ImageUpload::begin(m_registry->imageStore(), size, error);
    if (!m_upload) {
        m_copySource.reset();
        return {};
    }
    m_uploadTarget = target;
    m_uploadReplaces = replace;
    qCInfo(lcMgmt).noquote() << m_connection->peerAddress().toString() << (replace ? "replacing" : copy ? "copying into" : "adding") << "image"
                             << target.path << "," << m_upload->size() << "bytes";
    return {{u"path"_qs, target.path}, {u"pieceBytes"_qs, api::kImagePieceBytes}};
}

QCborMap AdminPeer::uploadImageData(const QCborMap &params, Error *error)
{
    if (!m_upload) {
        *error = {QLatin1String(ErrorCode::NotAllowed), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "no image is being sent on this connection (beginImageUpload first)"))};
        return {};
    }
    const QByteArray data = params.value(u"data"_qs).toByteArray();
    if (data.size() > api::kImagePieceBytes) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a piece may hold at most %1 bytes")).arg(api::kImagePieceBytes));
        return {};
    }
    if (!m_upload->write(integerOf(params.value(u"offset"_qs), -1), data, error)) {
        m_upload.reset(); // a failed write ends the upload: the admin starts again
        return {};
    }
    return {{u"received"_qs, m_upload->received()}};
}

qint64 AdminPeer::openCopySource(const QCborMap &params, ImageQuery *target, Error *error)
{
    if (!params.value(u"copyOf"_qs).isMap()) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'copyOf' must name the image to copy")));
        return -1;
    }
    const std::optional<ImageQuery> sourceQuery = ImageQuery::fromCbor(params.value(u"copyOf"_qs).toMap(), error);
    const std::optional<CatalogImage> source = sourceQuery ? m_registry->catalog()->find(*sourceQuery, error) : std::nullopt;
    if (!source)
        return -1;
    // As in WDS: a copy stays in its group; another group takes Export-Image, then Add-Image.
    if (source->type != ImageType::Install || target->type != ImageType::Install) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "/Copy-Image copies install images")));
        return -1;
    }
    if (!target->group.isEmpty() && target->group.compare(source->group, Qt::CaseInsensitive) != 0) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a copy stays in its image group (%1); to copy into another, /Export-Image and "
                                        "then /Add-Image")).arg(source->group));
        return -1;
    }
    target->group = source->group;
    target->architecture = source->architecture;
    m_copySource = std::make_unique<QFile>(m_registry->imageStore().root() + u'/' + source->path);
    if (!m_copySource->open(QIODevice::ReadOnly)) {
        *error = storageError(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "cannot read %1: %2")).arg(source->path, m_copySource->errorString()));
        m_copySource.reset();
        return -1;
    }
    m_copySourceIdentity = FileIdentity::ofDescriptor(m_copySource->handle());
    return m_copySourceIdentity.size;
}

QCborMap AdminPeer::copyImageData(Error *error)
{
    if (!m_upload || !m_copySource) {
        *error = {QLatin1String(ErrorCode::NotAllowed), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "no image is being copied on this connection (beginImageUpload with copyOf first)"))};
        return {};
    }
    const qint64 step = std::min(kCopyStepBytes, m_upload->size() - m_upload->received());
    for (qint64 copied = 0; copied < step;) {
        const QByteArray piece = m_copySource->read(std::min(kCopyReadBytes, step - copied));
        if (piece.isEmpty()) {
            *error = storageError(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "cannot read %1 (%2): it is shorter than when the copy began"))
                                      .arg(m_copySource->fileName(), m_copySource->errorString()));
        }
        if (piece.isEmpty() || !m_upload->write(m_upload->received(), piece, error)) {
            m_upload.reset(); // the copy ends here; the admin starts again
            m_copySource.reset();
            return {};
        }
        copied += piece.size();
    }
    return {{u"received"_qs, m_upload->received()}, {u"size"_qs, m_upload->size()}};
}

QCborMap AdminPeer::readImageData(const QCborMap &params, Error *error)
{
    const std::optional<ImageQuery> query = imageParam(params, error);
    const std::optional<CatalogImage> image = query ? m_registry->catalog()->find(*query, error) : std::nullopt;
    if (!image)
        return {};
    const qint64 offset = integerOf(params.value(u"offset"_qs), -1);
    const qint64 length = std::min(integerOf(params.value(u"length"_qs), api::kImagePieceBytes), api::kImagePieceBytes);
    const QString path = m_registry->imageStore().root() + u'/' + image->path;
    // The file kept open from the last piece only if it is still the image's
    // (not one replaced or removed since).
    if (!m_exportFile || m_exportFile->fileName() != path
        || FileIdentity::ofDescriptor(m_exportFile->handle()) != FileIdentity::of(path)) {
        m_exportFile = std::make_unique<QFile>(path);
        if (!m_exportFile->open(QIODevice::ReadOnly)) {
            *error = storageError(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "cannot read %1: %2")).arg(image->path, m_exportFile->errorString()));
            m_exportFile.reset();
            return {};
        }
    }
    const FileIdentity file = FileIdentity::ofDescriptor(m_exportFile->handle());
    const qint64 size = file.size;
    if (offset < 0 || offset > size || length <= 0) {
        *error = invalid(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'offset' must be from 0 to the image's size (%1), 'length' above 0")).arg(size));
        return {};
    }
    if (offset == 0)
        qCInfo(lcMgmt).noquote() << m_connection->peerAddress().toString() << "exporting image" << image->path;
    QByteArray data;
    if (offset < size && (!m_exportFile->seek(offset) || (data = m_exportFile->read(std::min(length, size - offset))).isEmpty())) {
        *error = storageError(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "cannot read %1: %2")).arg(image->path, m_exportFile->errorString()));
        return {};
    }
    const QCborMap piece{{u"data"_qs, data},
                         {u"size"_qs, size},
                         {u"modified"_qs, file.modifiedNs / 1'000'000}};
    if (offset + data.size() == size)
        m_exportFile.reset(); // the last piece: a removed image's room is not kept
    return piece;
}

// What may have changed while the file came (other admins act meanwhile)
// is looked at again before the file moves into place.
QCborMap AdminPeer::finishImageUpload(const QCborMap &params, Error *error)
{
    if (!m_upload) {
        *error = {QLatin1String(ErrorCode::NotAllowed), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "no image is being sent on this connection"))};
        return {};
    }
    std::unique_ptr<ImageUpload> upload = std::move(m_upload); // gone with this scope unless it lands
    if (const std::unique_ptr<QFile> source = std::move(m_copySource);
        source && FileIdentity::of(source->fileName()) != m_copySourceIdentity) {
        *error = {QLatin1String(ErrorCode::NotAllowed),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 changed while it was being copied; nothing was added")).arg(source->fileName())};
        return {};
    }
    ImageCatalog *catalog = m_registry->catalog();
    CatalogImage image = m_uploadTarget;
    if (m_uploadReplaces) {
        const std::optional<CatalogImage> current = catalog->atPath(image.path);
        if (!current) {
            *error = {QLatin1String(ErrorCode::NotFound), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 was removed while it was being replaced")).arg(image.path)};
            return {};
        }
        if (!checkNobodyReceives(*current, error))
            return {};
        image = *current; // with whatever /Set-Image changed meanwhile
    } else if (catalog->atPath(image.path)) {
        *error = {QLatin1String(ErrorCode::AlreadyExists), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 was added meanwhile")).arg(image.path)};
        return {};
    } else if (image.type == ImageType::Install && !catalog->hasGroup(image.group) && !catalog->addGroup(image.group, error)) {
        return {};
    }
    image.size = upload->size();
    image.modified = QDateTime::currentDateTimeUtc();
    if (!m_uploadReplaces)
        image.created = image.modified;
    if (!upload->finish(params.value(u"sha256"_qs).toString(), image.path, m_uploadReplaces, error))
        return {};
    const bool recorded = m_uploadReplaces ? catalog->updateImage(image, std::nullopt, error) : catalog->addImage(image, error);
    if (!recorded) {
        if (!m_uploadReplaces) // the new file goes with its failed entry
            QFile::remove(m_registry->imageStore().root() + u'/' + image.path);
        return {};
    }
    m_registry->forgetUnicastSource(image.path);
    qCInfo(lcMgmt).noquote() << (m_uploadReplaces ? "replaced image" : "added image") << image.path;
    return {{u"image"_qs, m_registry->imageToCbor(image)}};
}

bool AdminPeer::checkNobodyReceives(const CatalogImage &image, Error *error) const
{
    for (const SessionInfo &session : m_registry->sessionsServing(image.path)) {
        if (session.clientCount > 0) {
            *error = {QLatin1String(ErrorCode::NotAllowed),
                      ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 clients are receiving %2 ('%3'); replace it when they are done"))
                          .arg(session.clientCount).arg(image.path, session.name)};
            return false;
        }
    }
    return true;
}

} // namespace deploycast
