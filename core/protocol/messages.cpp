#include "messages.h"

#include <QCborArray>

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
    // The template is used only with as many arguments as it has markers
    // filled; anything odd, and the English message is shown instead.
    const QCborArray args = error.value(u"args"_qs).toArray();
    if (error.value(u"text"_qs).isString() && args.size() <= 16) {
        decoded.text = error.value(u"text"_qs).toString();
        for (const QCborValue &arg : args)
            decoded.args.append(arg.toString());
    }
    return decoded;
}

} // namespace deploycast::proto
