// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace deploycast {

// What tells one version of a file from another without reading it: a file
// rewritten in place keeps its inode but not its modification time (to the
// nanosecond), one replaced by a rename keeps neither.
struct FileIdentity {
    qint64 size = -1;
    qint64 modifiedNs = 0;
    quint64 inode = 0;
    quint64 device = 0;
    friend bool operator==(const FileIdentity &, const FileIdentity &) = default;
    // The file at path now; size -1 if it cannot be looked at.
    static FileIdentity of(const QString &path);
    // The entry at path itself, not what a link leads to.
    static FileIdentity ofEntry(const QString &path);
    // The file open on this descriptor.
    static FileIdentity ofDescriptor(int fd);
};

// A read-only file cut into multicast blocks. Shared (via shared_ptr) by a
// session's sender and by any unicast fallback still reading it after the
// session is gone. It is read with pread, not mapped: an admin may truncate
// or rewrite an image under a running transmission, and a mapping would
// then kill the whole server with SIGBUS. A short read is an error instead,
// and checkUnchanged() notices a file changed in place.
class ContentFile
{
public:
    static std::shared_ptr<const ContentFile> open(const QString &path, Error *error);

    QString path() const { return m_path; }
    qint64 size() const { return m_size; }
    // The file as it was opened.
    const FileIdentity &identity() const { return m_identity; }
    std::uint32_t blockCount() const { return m_blockCount; }
    std::uint16_t blockLength(std::uint32_t index) const;

    // Exactly `length` bytes from `offset`, or false and why.
    bool read(qint64 offset, qint64 length, void *out, Error *error) const;
    // Whether the file at the path is still the one opened, as far as its
    // identity tells; if not, why.
    bool checkUnchanged(Error *error) const;

private:
    ContentFile() = default;

    QString m_path;
    mutable QFile m_file;
    qint64 m_size = 0;
    FileIdentity m_identity;
    std::uint32_t m_blockCount = 0;
};

// Reads blocks for one reader (a sender), a window of consecutive blocks at
// a time: a carousel asks for block after block, so one pread serves many.
class BlockReader
{
public:
    explicit BlockReader(std::shared_ptr<const ContentFile> content);
    // The block's bytes (blockLength(index) of them), valid until the next
    // call; null on a read error, with why.
    const unsigned char *block(std::uint32_t index, Error *error);

private:
    static constexpr std::uint32_t kWindowBlocks = 64;
    std::shared_ptr<const ContentFile> m_content;
    std::vector<unsigned char> m_window;
    std::uint32_t m_first = 0;
    std::uint32_t m_count = 0;
};

} // namespace deploycast
