// SPDX-License-Identifier: GPL-3.0-or-later
#include "messages.h"

#include <QCborArray>

namespace deploycast::proto {
namespace {

// Bounds on an error's template (ServerText) that a client accepts.
constexpr qsizetype kMaxTemplateCharacters = 2048;
constexpr qsizetype kMaxTemplateArguments = 16;
constexpr qsizetype kMaxArgumentCharacters = 8192;

} // namespace

QCborMap hello(const QString &role, const QString &software, const QString &token)
{
    QCborMap message{{u"type"_qs, QLatin1String(Type::Hello)},
                     {u"version"_qs, kVersion},
                     {u"role"_qs, role},
                     {u"software"_qs, software}};
    if (!token.isEmpty())
        message[u"token"_qs] = token;
    return message;
}

QCborMap welcome(const QString &serverName, const QString &role)
{
    return QCborMap{{u"type"_qs, QLatin1String(Type::Welcome)},
                    {u"version"_qs, kVersion},
                    {u"server"_qs, serverName},
                    {u"role"_qs, role}};
}

QCborMap request(qint64 id, const QString &method, const QCborMap &params)
{
    return QCborMap{{u"type"_qs, QLatin1String(Type::Request)},
                    {u"id"_qs, id},
                    {u"method"_qs, method},
                    {u"params"_qs, params}};
}

QCborMap reply(qint64 id, const QCborMap &result)
{
    return QCborMap{{u"type"_qs, QLatin1String(Type::Reply)}, {u"id"_qs, id}, {u"result"_qs, result}};
}

QCborMap errorToCbor(const Error &error)
{
    QCborMap map{{u"code"_qs, error.code}, {u"message"_qs, error.message}};
    if (!error.text.isEmpty()) { // for clients that show it in their admin's language
        map[u"text"_qs] = error.text;
        map[u"args"_qs] = QCborArray::fromStringList(error.args);
    }
    return map;
}

QCborMap errorReply(qint64 id, const Error &error)
{
    return QCborMap{{u"type"_qs, QLatin1String(Type::Reply)}, {u"id"_qs, id}, {u"error"_qs, errorToCbor(error)}};
}

QCborMap notify(const QString &event, const QCborMap &params)
{
    return QCborMap{{u"type"_qs, QLatin1String(Type::Notify)}, {u"event"_qs, event}, {u"params"_qs, params}};
}

QCborMap bye(const Error &reason)
{
    return QCborMap{{u"type"_qs, QLatin1String(Type::Bye)}, {u"error"_qs, errorToCbor(reason)}};
}

QString typeOf(const QCborMap &message)
{
    return message.value(u"type"_qs).toString();
}

Error errorFrom(const QCborMap &message)
{
    const QCborMap error = message.value(u"error"_qs).toMap();
    Error decoded{error.value(u"code"_qs).toString(), error.value(u"message"_qs).toString()};
    // The template is kept only if it is small and makes the very message
    // sent: a hostile server cannot make a client expand it without bound,
    // nor say one thing in English and another once translated.
    const QCborArray args = error.value(u"args"_qs).toArray();
    const QString text = error.value(u"text"_qs).toString();
    QStringList filling;
    qsizetype argumentCharacters = 0;
    for (const QCborValue &arg : args) {
        filling.append(arg.toString());
        argumentCharacters += filling.last().size();
    }
    if (!text.isEmpty() && text.size() <= kMaxTemplateCharacters && args.size() <= kMaxTemplateArguments
        && argumentCharacters <= kMaxArgumentCharacters && fillMarkers(text, filling) == decoded.message) {
        decoded.text = text;
        decoded.args = filling;
    }
    return decoded;
}

} // namespace deploycast::proto
