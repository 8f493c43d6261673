#include "framed_connection.h"

#include "messages.h"

#include <QHostAddress>

namespace deploycast {

FramedConnection::FramedConnection(QTcpSocket *socket, QObject *parent, qsizetype maxFrameSize)
    : QObject(parent)
    , m_socket(socket)
    , m_decoder(maxFrameSize)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &FramedConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &FramedConnection::bytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { finish(QStringLiteral("peer closed the connection")); });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->error() != QAbstractSocket::RemoteHostClosedError)
            finish(m_socket->errorString());
    });
}

FramedConnection::~FramedConnection()
{
    // The socket is our child; make sure its signals no longer reach us.
    if (m_socket)
        m_socket->disconnect(this);
}

void FramedConnection::send(const QCborMap &message)
{
    if (isOpen())
        m_socket->write(encodeFrame(message));
}

void FramedConnection::closeWithError(const Error &reason)
{
    send(proto::bye(reason));
    if (m_socket)
        m_socket->disconnectFromHost(); // flushes pending data first
}

void FramedConnection::close()
{
    if (m_socket)
        m_socket->disconnectFromHost();
}

qint64 FramedConnection::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

QHostAddress FramedConnection::peerAddress() const
{
    return m_socket ? m_socket->peerAddress() : QHostAddress();
}

QString FramedConnection::peerText() const
{
    return m_socket ? QStringLiteral("%1:%2").arg(m_socket->peerAddress().toString()).arg(m_socket->peerPort()) : QString();
}

QHostAddress FramedConnection::localAddress() const
{
    return m_socket ? m_socket->localAddress() : QHostAddress();
}

bool FramedConnection::isOpen() const
{
    return !m_finished && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void FramedConnection::onReadyRead()
{
    m_decoder.append(m_socket->readAll());
    while (!m_finished) {
        std::optional<QCborMap> message = m_decoder.next();
        if (!message)
            break;
        Q_EMIT messageReceived(*message);
    }
    if (m_decoder.hasError() && !m_finished) {
        const QString reason = QStringLiteral("protocol error: %1").arg(m_decoder.errorString());
        // Tell the peer why before hanging up; nothing more is read from it.
        closeWithError(Error{QLatin1String(ErrorCode::MalformedFrame), reason});
        finish(reason);
    }
}

void FramedConnection::finish(const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT closed(reason);
}

} // namespace deploycast
