#pragma once

#include <QString>

namespace deploycast {

// Stable error codes shared by every protocol and by the command line's JSON
// output. The strings are part of the documented protocol (docs/protocol.md):
// never rename one, only add new ones.
namespace ErrorCode {
inline constexpr auto BadRequest = "bad-request";
inline constexpr auto UnknownMethod = "unknown-method";
inline constexpr auto NotFound = "not-found";
inline constexpr auto AlreadyExists = "already-exists";
inline constexpr auto InvalidArgument = "invalid-argument";
inline constexpr auto PathOutsideStore = "path-outside-store";
inline constexpr auto PermissionDenied = "permission-denied";
inline constexpr auto NotAllowed = "not-allowed";
inline constexpr auto NotReady = "not-ready"; // ask again shortly: its image is being hashed, missing, or its interface is down
inline constexpr auto StorageError = "storage-error";
inline constexpr auto VersionMismatch = "version-mismatch";
inline constexpr auto HandshakeRequired = "handshake-required";
inline constexpr auto MalformedFrame = "malformed-frame";
inline constexpr auto Timeout = "timeout";
inline constexpr auto TooSlow = "too-slow";
inline constexpr auto AuthenticationFailed = "auth-failed";
inline constexpr auto RateLimited = "rate-limited";
}

// An error with a stable machine-readable code and a message for humans.
struct Error {
    QString code;
    QString message;

    bool isNull() const { return code.isEmpty(); }
};

// A file could not be read or written: a full disk, a missing folder.
inline Error storageError(const QString &message)
{
    return {QLatin1String(ErrorCode::StorageError), message};
}

} // namespace deploycast
