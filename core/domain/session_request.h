// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "catalog_image.h"
#include "session_info.h"

#include <QCborMap>
#include <QDateTime>
#include <QString>

#include <optional>

namespace deploycast {

// What a new transmission or namespace is made from: the createSession
// request, built by the CLI and the console and read by the server.
struct SessionRequest {
    SessionKind kind = SessionKind::Transmission;
    QString name;
    QString friendlyName;    // namespaces only
    QString description;
    QString contentPath;
    QString contentProvider; // namespaces only
    CastType type = CastType::AutoCast;
    QDateTime startTime;     // ScheduledCast only; invalid for none
    int minClients = 0;      // ScheduledCast only
    bool requireJoinToken = false;
    // A transmission of a catalog image, named as WDSUTIL names it; then
    // contentPath is left empty.
    std::optional<ImageQuery> image;

    QCborMap toCbor() const;
    // Checks the fields' types and shapes; what they name is the registry's to check.
    static std::optional<SessionRequest> fromCbor(const QCborMap &params, Error *error);
};

} // namespace deploycast
