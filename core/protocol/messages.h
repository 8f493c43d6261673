// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QCborMap>
#include <QString>

// Message envelopes shared by the management and receiver protocols
// (docs/protocol.md). Every frame is a CBOR map with a "type" key.
namespace deploycast::proto {

// 2: TLS, tokens in the hello, the granted role in the welcome.
inline constexpr int kVersion = 2;
inline constexpr quint16 kDefaultPort = 7405;

namespace Type {
inline constexpr auto Hello = "hello";
inline constexpr auto Welcome = "welcome";
inline constexpr auto Request = "request";
inline constexpr auto Reply = "reply";
inline constexpr auto Notify = "notify";
inline constexpr auto Bye = "bye";
}

namespace Role {
inline constexpr auto Admin = "admin";
inline constexpr auto Viewer = "viewer";
inline constexpr auto Receiver = "receiver";
}

// token: the management token (admin and viewer roles); receivers send none
// unless their transmission asks for a join token, which goes with the join.
QCborMap hello(const QString &role, const QString &software, const QString &token = {});
// role: what the server granted (a viewer token gets "viewer" whatever was asked).
QCborMap welcome(const QString &serverName, const QString &role);
QCborMap request(qint64 id, const QString &method, const QCborMap &params);
QCborMap reply(qint64 id, const QCborMap &result);
QCborMap errorReply(qint64 id, const Error &error);
QCborMap notify(const QString &event, const QCborMap &params);
// Sent just before the server closes a connection, so the peer can show why.
QCborMap bye(const Error &reason);

QString typeOf(const QCborMap &message);
Error errorFrom(const QCborMap &message); // the "error" member of a reply or bye
QCborMap errorToCbor(const Error &error);

} // namespace deploycast::proto
