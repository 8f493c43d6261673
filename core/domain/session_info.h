// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QDateTime>
#include <QString>

#include "catalog_image.h"

#include <optional>

namespace deploycast {

// A transmission (an image) and a namespace (other content) are both
// "sessions": one file multicast to a set of clients. WDS keeps them apart in
// its tools, and so do we, but the engine treats them alike.
enum class SessionKind { Transmission, Namespace };
enum class CastType { AutoCast, ScheduledCast };
// Deactivated is WDS's "delete pending": current clients finish, no new ones.
enum class SessionState { Waiting, Active, Deactivated, Finished };
// Whether the server can serve a session now, whatever its state: its image
// is being hashed, is not there (a late mount), or its multicast interface
// is not up yet. Clients that ask meanwhile are told to wait ("not-ready").
enum class SessionCondition { Ready, Preparing, ImageMissing, WaitingForInterface };

QString toText(SessionKind kind);
QString toText(CastType type);
QString toText(SessionState state);
QString toText(SessionCondition condition); // "" for Ready, else "preparing", "image-missing", "waiting-for-interface"
std::optional<SessionKind> sessionKindFromString(const QString &text);
std::optional<CastType> castTypeFromString(const QString &text); // case-insensitive
std::optional<SessionState> sessionStateFromString(const QString &text);
std::optional<SessionCondition> sessionConditionFromString(const QString &text);

struct SessionInfo {
    quint32 id = 0;
    SessionKind kind = SessionKind::Transmission;
    QString name;          // unique per kind: the friendly name of a transmission, the namespace name
    QString friendlyName;  // namespaces only: WDS's separate display name
    QString description;
    QString contentPath;   // relative to the image store
    QString contentProvider; // namespaces only; "file" is the one we ship
    // A transmission of a catalog image: which one (WDS names transmissions
    // by their image). Empty for one made from a store path.
    std::optional<ImageQuery> catalogImage;
    CastType type = CastType::AutoCast;
    QDateTime startTime;   // ScheduledCast: start at this time (invalid: no time trigger)
    int minClients = 0;    // ScheduledCast: start once this many have joined (0: no trigger)
    SessionState state = SessionState::Waiting;
    QString group;         // multicast group address
    quint16 port = 0;
    qint64 size = 0;
    QByteArray sha256;
    QDateTime contentModified; // lets a restart reuse the stored hash
    QDateTime created;
    int clientCount = 0;   // runtime only: multicast clients now
    QString problem;       // runtime only: why it stopped, e.g. its file changed on the server
    SessionCondition condition = SessionCondition::Ready; // runtime only
    int preparedPercent = 0;  // runtime only: while Preparing, how much is hashed
    QString conditionReason;  // runtime only: why it is not ready
    // Receivers must give this to join (/RequireJoinToken:Yes); empty: anyone
    // may. A secret: toCbor() says only whether there is one, and admins get
    // it from withJoinToken().
    QString joinToken;

    QCborMap withJoinToken() const;

    QCborMap toCbor() const;
    static SessionInfo fromCbor(const QCborMap &map);
};

} // namespace deploycast
