// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QString>

#include <memory>

namespace deploycast {

// Where a receiver writes the image: a file (OutputFile) or a whole disk or
// partition (DiskOutput). The receiver writes blocks as they come, reads
// chunks back to check them, zeroes the chunks the server did not send,
// then flushes, optionally reads everything back, and commits.
class OutputTarget
{
public:
    virtual ~OutputTarget() = default;

    // Gets ready for an image of `size` bytes, or says why it cannot take it.
    virtual bool create(qint64 size, Error *error) = 0;
    virtual bool writeAt(qint64 offset, const void *data, qint64 length, Error *error) = 0;
    virtual bool readAt(qint64 offset, void *data, qint64 length, Error *error) const = 0;
    // Makes [offset, offset + length) read back as zeros, as cheaply as the
    // target allows: a hole in a file, a zero-out on a disk.
    virtual bool zeroRange(qint64 offset, qint64 length, Error *error) = 0;
    // Everything written is on stable storage, and later reads come from it,
    // not from the page cache (so --verify-after reads what the disk holds).
    virtual bool flush(Error *error) = 0;
    // Puts the verified image in place (a file is renamed to its name; a
    // disk's partition table is read again). After flush().
    virtual bool commit(Error *error) = 0;
    // Gives up: a file's temporary copy is removed; a disk keeps what was
    // written, which is not a usable disk.
    virtual void discard() = 0;

    virtual bool isDisk() const { return false; }
    // Where the bytes are while they are written (a namespace's folder
    // bundle is unpacked from there).
    virtual QString writingPath() const = 0;
    // What the admin should know after commit (a partition table the kernel
    // would not read again, say), or nothing.
    virtual QString commitNotice() const { return {}; }
};

// The target for --output PATH, checked before joining: a disk for a block
// device (opened exclusively, unused), else a file. Null, with why and
// whether it was a disk refused, for what cannot be written.
struct OpenedTarget {
    std::unique_ptr<OutputTarget> target;
    QString problem;
    bool diskRefused = false; // a disk in use or that cannot be opened; else not a file or a folder missing
    qint64 diskCapacity = 0;  // a disk's size in bytes
};
OpenedTarget openOutputTarget(const QString &path);

} // namespace deploycast
