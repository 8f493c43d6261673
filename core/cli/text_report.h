// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/catalog_image.h"
#include "domain/client_info.h"
#include "domain/history_entry.h"
#include "domain/session_info.h"

#include <QCborMap>
#include <QDateTime>
#include <QList>
#include <QString>

namespace deploycast::cli {

// The command line's human-readable output (/Format:Table). JSON output is
// the protocol's own maps, so only the table form lives here.
QString sessionReport(const SessionInfo &session);
// "Win11 (install image, group Lab, file win11.img)".
QString imageName(const ImageQuery &image);
// /Get-Image: a catalog image as the protocol shows it (with its transmission's name, if any).
QString imageReport(const QCborMap &image, bool detailed);
QString clientTable(const QList<ClientInfo> &clients, const QDateTime &now, bool withSession);
QString serverConfigReport(const QCborMap &config);
// /Get-TransportServer /Show:Config: the transport settings, profile and policy.
QString transportConfigReport(const QCborMap &serverConfig);
// The rows of a transport map (groups, ports, profile), as setTransport returns it.
QString transportSettingsText(const QCborMap &transport);
// "AutoDisconnect below 8000 KB/s, with fallback", from the protocol's policy map.
QString policyText(const QCborMap &policy);
// One history entry on a line: local time, event, subject, method, reason.
QString historyLine(const HistoryEntry &entry);

} // namespace deploycast::cli
