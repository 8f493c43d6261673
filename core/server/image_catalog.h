// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "domain/catalog_image.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace deploycast {

class ImageStore;

// The server's image catalog, as WDS keeps one: image groups, and the
// install and boot images in the image store, kept in
// <state-dir>/catalog.json and replaced atomically on every change, so a
// failed write changes nothing.
class ImageCatalog
{
public:
    ImageCatalog(const QString &stateDirectory, const ImageStore *store);

    QString filePath() const;
    // A missing file is an empty catalog; a damaged one stops the start.
    bool load(Error *error);
    // Files in the store that the catalog does not know yet join it: those
    // under Install/<group>/ and Boot/<architecture>/ as such, the rest (the
    // store as it was before the catalog) as install images of the group
    // "Default". Returns how many joined.
    int adoptStoreFiles(Error *error);

    // Counts changes, so that consoles can be told when there are some.
    quint64 revision() const { return m_revision; }

    const QStringList &groups() const { return m_groups; }
    bool hasGroup(const QString &name) const;
    bool addGroup(const QString &name, Error *error);
    bool removeGroup(const QString &name, Error *error); // only an empty one
    // /Set-ImageGroup /Name: the group and its images' folder
    // (Install/<name>/) take the new name, all or nothing. The caller makes
    // sure no session serves a file that moves.
    bool renameGroup(const QString &name, const QString &newName, Error *error);
    // WDS's /Security (SDDL) of a group: kept and shown, not enforced.
    QString groupSecurity(const QString &name) const { return m_groupSecurity.value(name); }
    bool setGroupSecurity(const QString &name, const QString &sddl, Error *error);
    // WDS's rule for /Add-Image without /ImageGroup: the one group there is,
    // a new "ImageGroup1" if there is none; with several, the admin must say.
    // A group named that does not exist is made (by the caller, once the
    // image is there: nothing changes on the way).
    std::optional<QString> groupForNewImage(const QString &given, Error *error) const;

    const QList<CatalogImage> &images() const { return m_images; }
    QList<CatalogImage> matching(const ImageQuery &query) const;
    // Exactly one image, or an error that says none or which to tell apart.
    std::optional<CatalogImage> find(const ImageQuery &query, Error *error) const;
    std::optional<CatalogImage> atPath(const QString &path) const;
    bool addImage(const CatalogImage &image, Error *error);  // its path must be new
    // Replaces the image at its path; with unattend, also the unattend file
    // kept with it in <state-dir>/unattend/ (empty: none). All or nothing.
    bool updateImage(CatalogImage image, const std::optional<QByteArray> &unattend, Error *error);
    bool removeImage(const QString &path, Error *error);
    static constexpr qsizetype kMaxUnattendBytes = 512 * 1024;

    // Names of groups, images and files: shown everywhere and used in paths.
    static bool checkName(const QString &what, const QString &name, Error *error);
    // Text kept as given and shown (a user filter, a security descriptor).
    static bool checkDescriptor(const QString &text, Error *error);

private:
    bool save(Error *error);
    QString unattendPath(const CatalogImage &image) const;
    template<typename Change>
    bool changeAndSave(Change change, Error *error);

    QString m_directory;
    const ImageStore *m_store;
    QStringList m_groups;
    QList<CatalogImage> m_images;
    QMap<QString, QString> m_groupSecurity; // by group name
    quint64 m_revision = 0;
};

} // namespace deploycast
