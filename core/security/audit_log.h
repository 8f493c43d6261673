#pragma once

#include <QCborArray>
#include <QCborMap>
#include <QString>

namespace deploycast {

// One management action, as the audit log keeps it.
struct AuditEntry {
    QString peer;    // address:port of the console or command line
    QString tokenId; // which token it used; empty if it had none that worked
    QString command; // the request's method, or "hello" for a refused handshake
    QString targets; // what it acted on: IDs, names, a policy
    QString result;  // "ok", or the error code and message
};

// The state directory's audit.log (mode 0600): one JSON object per line,
// appended and flushed per action, so a crash loses at most the line being
// written. Every request that changes something, or is refused for want of
// rights or a valid token, is recorded, with the time.
class AuditLog
{
public:
    explicit AuditLog(const QString &stateDirectory);

    void record(const AuditEntry &entry);
    // The last `count` entries (all if 0), oldest first, as CBOR maps.
    QCborArray last(int count) const;

private:
    QString m_path;
};

} // namespace deploycast
