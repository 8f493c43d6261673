// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_image.h"

#include "common/cbor_values.h"

namespace deploycast {

QString toText(ImageType type)
{
    return type == ImageType::Boot ? u"Boot"_qs : u"Install"_qs;
}

std::optional<ImageType> imageTypeFromString(const QString &text)
{
    if (text.compare(u"Boot"_qs, Qt::CaseInsensitive) == 0)
        return ImageType::Boot;
    if (text.compare(u"Install"_qs, Qt::CaseInsensitive) == 0)
        return ImageType::Install;
    return std::nullopt;
}

const QStringList &architectures()
{
    static const QStringList names{u"x86"_qs, u"x64"_qs, u"ia64"_qs, u"arm"_qs, u"arm64"_qs};
    return names;
}

std::optional<QString> architectureFromString(const QString &text)
{
    for (const QString &name : architectures())
        if (name.compare(text, Qt::CaseInsensitive) == 0)
            return name;
    return std::nullopt;
}

QString CatalogImage::storePath(ImageType type, const QString &groupOrArchitecture, const QString &fileName)
{
    return QStringLiteral("%1/%2/%3").arg(toText(type), groupOrArchitecture, fileName);
}

ImageQuery CatalogImage::query() const
{
    return {type, name, group, architecture, fileName};
}

QCborMap CatalogImage::toCbor() const
{
    QCborMap map{{u"type"_qs, toText(type)},
                 {u"name"_qs, name},
                 {u"architecture"_qs, architecture},
                 {u"fileName"_qs, fileName},
                 {u"description"_qs, description},
                 {u"enabled"_qs, enabled},
                 {u"userFilter"_qs, userFilter},
                 {u"unattendSize"_qs, unattendSize},
                 {u"path"_qs, path},
                 {u"size"_qs, size},
                 {u"created"_qs, created.toString(Qt::ISODate)},
                 {u"modified"_qs, modified.toString(Qt::ISODate)}};
    if (type == ImageType::Install)
        map[u"group"_qs] = group;
    return map;
}

CatalogImage CatalogImage::fromCbor(const QCborMap &map)
{
    CatalogImage image;
    image.type = imageTypeFromString(map.value(u"type"_qs).toString()).value_or(ImageType::Install);
    image.name = map.value(u"name"_qs).toString();
    image.group = map.value(u"group"_qs).toString();
    image.architecture = map.value(u"architecture"_qs).toString();
    image.fileName = map.value(u"fileName"_qs).toString();
    image.description = map.value(u"description"_qs).toString();
    image.enabled = map.value(u"enabled"_qs).toBool(true);
    image.userFilter = map.value(u"userFilter"_qs).toString();
    image.unattendSize = integerOf(map.value(u"unattendSize"_qs));
    image.path = map.value(u"path"_qs).toString();
    image.size = integerOf(map.value(u"size"_qs));
    image.created = QDateTime::fromString(map.value(u"created"_qs).toString(), Qt::ISODate);
    image.modified = QDateTime::fromString(map.value(u"modified"_qs).toString(), Qt::ISODate);
    return image;
}

bool ImageQuery::matches(const CatalogImage &image) const
{
    auto same = [](const QString &wanted, const QString &actual) {
        return wanted.isEmpty() || wanted.compare(actual, Qt::CaseInsensitive) == 0;
    };
    return image.type == type && same(name, image.name) && same(fileName, image.fileName)
        && same(architecture, image.architecture) && (type == ImageType::Boot || same(group, image.group));
}

QString ImageQuery::describe() const
{
    QString text = type == ImageType::Boot ? u"boot image"_qs : u"install image"_qs;
    if (!name.isEmpty())
        text += QStringLiteral(" '%1'").arg(name);
    if (type == ImageType::Install && !group.isEmpty())
        text += QStringLiteral(" in group '%1'").arg(group);
    if (!architecture.isEmpty())
        text += QStringLiteral(" for %1").arg(architecture);
    if (!fileName.isEmpty())
        text += QStringLiteral(" (file %1)").arg(fileName);
    return text;
}

QCborMap ImageQuery::toCbor() const
{
    QCborMap map{{u"type"_qs, toText(type)}};
    for (const auto &[key, value] : {std::pair{u"name"_qs, name}, std::pair{u"group"_qs, group},
                                     std::pair{u"architecture"_qs, architecture}, std::pair{u"fileName"_qs, fileName}})
        if (!value.isEmpty())
            map[key] = value;
    return map;
}

std::optional<ImageQuery> ImageQuery::fromCbor(const QCborMap &map, Error *error)
{
    const auto type = imageTypeFromString(map.value(u"type"_qs).toString());
    if (!type) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "an image's 'type' must be Boot or Install"))};
        return std::nullopt;
    }
    ImageQuery query;
    query.type = *type;
    query.name = map.value(u"name"_qs).toString();
    query.group = map.value(u"group"_qs).toString();
    query.fileName = map.value(u"fileName"_qs).toString();
    const QString architecture = map.value(u"architecture"_qs).toString();
    if (!architecture.isEmpty()) {
        const auto known = architectureFromString(architecture);
        if (!known) {
            *error = {QLatin1String(ErrorCode::InvalidArgument),
                      ServerText(QT_TRANSLATE_NOOP("ServerMessage", "unknown architecture '%1' (x86, x64, ia64, arm, arm64)")).arg(architecture)};
            return std::nullopt;
        }
        query.architecture = *known;
    }
    return query;
}

} // namespace deploycast
