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
