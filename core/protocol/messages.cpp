#include "messages.h"

namespace deploycast::proto {

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
    return QCborMap{{u"code"_qs, error.code}, {u"message"_qs, error.message}};
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
    return Error{error.value(u"code"_qs).toString(), error.value(u"message"_qs).toString()};
}

} // namespace deploycast::proto
