// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server_text.h"

#include <QString>
#include <QStringList>

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
inline constexpr auto DiskTooSmall = "disk-too-small"; // a receiver's disk cannot hold the image
}

// An error with a stable machine-readable code and a message for humans:
// in English, and, for the server's messages, the template and arguments
// that clients translate it from (ServerText, localizedMessage()).
struct Error {
    QString code;
    QString message;
    QString text;      // the English template, empty if there is none
    QStringList args;  // what fills its markers

    Error() = default;
    Error(const QString &code, const QString &message)
        : code(code)
        , message(message)
    {
    }
    Error(const QString &code, const ServerText &message)
        : code(code)
        , message(message.english())
        , text(message.text())
        , args(message.arguments())
    {
    }

    bool isNull() const { return code.isEmpty(); }
};

// The message in the language of this process: the template translated
// (context "ServerMessage") and filled, or the English message.
QString localizedMessage(const Error &error);

// A file could not be read or written: a full disk, a missing folder.
inline Error storageError(const ServerText &message)
{
    return {QLatin1String(ErrorCode::StorageError), message};
}

} // namespace deploycast
