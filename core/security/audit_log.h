// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QCborArray>
#include <QCborMap>
#include <QString>

namespace deploycast {

// One management action, as the audit log keeps it.
struct AuditEntry {
    QString peer;    // address:port of the console or command line
    QString tokenId; // which token it used; empty if it had none that worked
    QString command; // the request's method, or "hello" for a refused handshake
    QString targets; // what it acted on: IDs, names, a policy (summarised)
    QString result;  // "ok", or the error code and message
};

// The state directory's audit.log (mode 0600): one JSON object per line,
// appended and flushed per line, so a crash loses at most the line being
// written. Every request that changes something, or is refused for want of
// rights or a valid token, is recorded, with the time.
//
// It fails closed: a change is recorded before it is made, and a change
// whose record cannot be written is not made. Its outcome follows on the
// next line, and reading the log puts the two together.
//
// It is rotated by size: audit.log becomes audit.log.1, and so on, and the
// oldest beyond `keep` goes, so a flood of failed logins costs a bounded
// amount of disk.
class AuditLog
{
public:
    struct Rotation {
        qint64 maxBytes = 16 * 1024 * 1024;
        int keep = 8;
    };
    AuditLog(const QString &stateDirectory, const Rotation &rotation);

    // Something that changed nothing (a refused request, a failed hello).
    void record(const AuditEntry &entry);
    // A change about to be made: false, and why, if it cannot be recorded;
    // the change must then not be made.
    bool recordRequest(const AuditEntry &entry, Error *error);
    // What came of the request recorded last.
    void recordOutcome(const QString &result);

    // The last `count` entries (at most kMaxRead), oldest first, as CBOR
    // maps, each request with its outcome, across the rotated files.
    QCborArray last(int count) const;
    static constexpr int kMaxRead = 10'000;

private:
    bool append(const QCborMap &line, bool mayRotate, Error *error);
    void rotate();
    QString fileName(int generation) const;

    QString m_path;
    Rotation m_rotation;
};

} // namespace deploycast
