// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QCborMap>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace deploycast {

// WDS's two kinds of image: install images (what goes on the disk) live in
// image groups; boot images (what a machine boots to fetch them) are kept
// per architecture.
enum class ImageType { Boot, Install };

QString toText(ImageType type); // "Boot", "Install"
std::optional<ImageType> imageTypeFromString(const QString &text); // case-insensitive
// x86, x64, ia64, arm, arm64: WDSUTIL's /Architecture values; x64 when not given.
const QStringList &architectures();
std::optional<QString> architectureFromString(const QString &text); // canonical spelling

// One image in the server's catalog. Its file is in the image store, at
// Install/<group>/<fileName> or Boot/<architecture>/<fileName>, or, for a
// file that was in the store before the catalog, where it was.
struct CatalogImage {
    ImageType type = ImageType::Install;
    QString name;         // unique with its group or architecture and file name
    QString group;        // install images
    QString architecture; // x64 unless given
    QString fileName;
    QString description;
    bool enabled = true;  // a disabled image takes no new transmission
    QString userFilter;   // WDS's /UserFilter (SDDL): kept and shown, not enforced
    qint64 unattendSize = 0; // an unattend file kept with it (<state-dir>/unattend/), 0 for none
    QString path;         // in the image store
    qint64 size = 0;
    QDateTime created;
    QDateTime modified;

    // "Install/Lab/win11.img" or "Boot/x64/boot.img": where an added image goes.
    // The query that names this image and no other.
    struct ImageQuery query() const;
    static QString storePath(ImageType type, const QString &groupOrArchitecture, const QString &fileName);
    QCborMap toCbor() const;
    static CatalogImage fromCbor(const QCborMap &map);
};

// How a command names an image, as WDSUTIL does: /Image (its name) with
// /ImageType, and /ImageGroup (install) or /Architecture (boot), and
// /Filename when names repeat. Empty fields match anything.
struct ImageQuery {
    ImageType type = ImageType::Install;
    QString name;
    QString group;
    QString architecture;
    QString fileName;

    bool matches(const CatalogImage &image) const;
    QString describe() const; // "install image 'Win11' in group 'Lab'", for messages
    QCborMap toCbor() const;
    static std::optional<ImageQuery> fromCbor(const QCborMap &map, Error *error);
};

} // namespace deploycast
