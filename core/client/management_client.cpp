#include "management_client.h"

#include "protocol/framed_connection.h"
#include "protocol/messages.h"

#include <QTcpSocket>

namespace deploycast {

ManagementClient::ManagementClient(QObject *parent)
    : QObject(parent)
{
}

void ManagementClient::connectToServer(const QString &host, quint16 port, const QString &role)
{
    m_target = QStringLiteral("%1:%2").arg(host).arg(port);
    auto *socket = new QTcpSocket;
    m_connection = new FramedConnection(socket, this);
    connect(socket, &QTcpSocket::connected, this, [this, role] {
        m_connection->send(proto::hello(role, u"deploycast/" DEPLOYCAST_VERSION ""_qs));
    });
    connect(m_connection, &FramedConnection::messageReceived, this, &ManagementClient::onMessage);
    connect(m_connection, &FramedConnection::closed, this, [this](const QString &reason) {
        const char *code = m_welcomed ? ClientErrorCode::ConnectionLost : ClientErrorCode::Unreachable;
        const QString text = m_welcomed ? tr("lost the connection to %1: %2").arg(m_target, reason)
                                        : tr("cannot reach server %1: %2").arg(m_target, reason);
        fail({QLatin1String(code), text});
    });
    socket->connectToHost(host, port);
}

void ManagementClient::request(const QString &method, const QCborMap &params, ReplyHandler handler)
{
    const qint64 id = m_nextId++;
    m_pending.insert(id, std::move(handler));
    m_connection->send(proto::request(id, method, params));
}

void ManagementClient::onMessage(const QCborMap &message)
{
    const QString type = proto::typeOf(message);
    if (type == QLatin1String(proto::Type::Welcome)) {
        m_welcomed = true;
        m_serverName = message.value(u"server"_qs).toString();
        Q_EMIT ready();
    } else if (type == QLatin1String(proto::Type::Reply)) {
        const ReplyHandler handler = m_pending.take(message.value(u"id"_qs).toInteger());
        if (handler)
            handler(message.value(u"result"_qs).toMap(), proto::errorFrom(message));
    } else if (type == QLatin1String(proto::Type::Notify)) {
        Q_EMIT notified(message.value(u"event"_qs).toString(), message.value(u"params"_qs).toMap());
    } else if (type == QLatin1String(proto::Type::Bye)) {
        fail(proto::errorFrom(message));
    }
}

void ManagementClient::fail(const Error &error)
{
    if (m_failed)
        return;
    m_failed = true;
    const auto pending = std::exchange(m_pending, {});
    for (const ReplyHandler &handler : pending)
        handler({}, error);
    Q_EMIT failed(error);
}

} // namespace deploycast
