// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "transfer/content_file.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace deploycast {

// A folder tree as one file, so that a namespace multicasts a folder with
// everything that multicasts a file (blocks, chunk digests, repairs,
// unicast fallback), and a receiver writes the tree back. The format
// (docs/protocol.md, "Folder bundles"):
//
//   "DCFOLDR1"                   8 bytes
//   manifest length              4 bytes, big-endian
//   manifest                     CBOR: {"entries": [{"path", "size", "mode"}, {"path", "folder": true, "mode"}, ...]}
//   each file's bytes            in the manifest's order
//
// Paths are relative, '/' between folders, a folder before what it holds.
// Only regular files and folders travel: links are left out (one could
// lead out of the image store on the server, or anywhere on a receiver).
namespace FolderBundle {

struct Entry {
    QString path; // relative, '/' between folders
    bool folder = false;
    qint64 size = 0; // files
    int mode = 0;    // permission bits only (0777)
    FileIdentity identity; // on the server: which version of the file was read
};

// What a bundle may hold: bounds what a receiver reads before it can check
// anything, and what the server walks.
constexpr int kMaxEntries = 1'000'000;
constexpr qint64 kMaxManifestBytes = 64 * 1024 * 1024;

// The tree under root, sorted; links and the store's own staging folder
// are left out (their paths go to skipped).
std::optional<QList<Entry>> scan(const QString &root, QStringList *skipped, Error *error);
// Tells this version of the tree from any other: paths and file identities.
QByteArray fingerprint(const QList<Entry> &entries);
// Writes the bundle of the scanned tree to bundlePath (through a temporary
// file beside it). Fails if a file changed since the scan. progress gets
// 0-100 and returns false to stop.
bool write(const QString &root, const QList<Entry> &entries, const QString &bundlePath,
           const std::function<bool(int)> &progress, Error *error);
// Writes the tree that a received (and verified) bundle holds to target,
// which must not exist: into a hidden folder beside it, renamed into place
// once whole. A bundle that is malformed or names a path outside the tree
// writes nothing.
bool unpack(const QString &bundlePath, const QString &target, Error *error);

} // namespace FolderBundle
} // namespace deploycast
