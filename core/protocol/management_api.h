// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/session_info.h"

#include <QCborMap>
#include <QList>
#include <QString>

#include <optional>

// The management protocol's methods and the requests that more than one
// program builds, defined once for the server, the CLI and the console
// (docs/protocol.md lists their parameters and results).
namespace deploycast::api {

// An image's bytes travel in pieces of at most this size (uploads, exports):
// well inside the 1 MiB frame cap.
inline constexpr qint64 kImagePieceBytes = 768 * 1024;
// getHistory's most entries per reply, the most a "history" push carries,
// and how many a snapshot carries. An entry is usually a few hundred bytes,
// but one with the longest names the server takes is about 13 KiB, so
// pushes and replies are also cut at kHistoryBytesPerFrame (consoles and
// the CLI take frames up to 64 MiB from their server).
inline constexpr int kMaxHistoryPerReply = 1000;
inline constexpr int kHistoryInSnapshot = 500;
inline constexpr qint64 kHistoryBytesPerFrame = 1024 * 1024;
// Pieces a client keeps in flight: enough to keep a LAN busy while the other
// side writes, few enough that what waits for a peer stays far below the
// server's 4 MiB bound.
inline constexpr int kImagePiecesInFlight = 4;

enum class Method {
    Ping,
    GetServer,
    Subscribe,
    ListSessions,
    GetSession,
    ListFallbackClients,
    CreateSession,
    StartSession,
    RemoveSession,
    DisconnectClients,
    SetPolicy,
    GetAuditLog,
    SetTransport,
    ControlTransport,
    ListImageGroups,
    AddImageGroup,
    RemoveImageGroup,
    SetImageGroup,
    ListImages,
    SetImage,
    RemoveImage,
    BeginImageUpload,
    UploadImageData,
    CopyImageData,
    FinishImageUpload,
    ReadImageData,
    GetHistory,
};

// Every method, for tables and tests.
const QList<Method> &allMethods();
QString methodName(Method method);
std::optional<Method> methodFromName(const QString &name);
// Changes the server: admins only, and audited before it is made.
bool modifiesServer(Method method);
// Only admins may call it (the changing methods, and the audit log, which
// names peers and tokens).
bool adminOnly(Method method);

// startSession, removeSession and getSession name a session by kind and name.
QCborMap sessionRef(SessionKind kind, const QString &name);
// Or, for a transmission, by its catalog image (WDSUTIL's /Image /ImageType …).
QCborMap sessionRef(const ImageQuery &image);
QCborMap disconnectRequest(const QList<quint32> &ids, bool force);

} // namespace deploycast::api
