#include "framed_connection.h"

#include "common/log.h"
#include "messages.h"

#include <QHostAddress>
#include <QSet>

namespace deploycast {
namespace {
constexpr int kCloseGraceMs = 5000;
constexpr int kIdleSweepMs = 1000;
} // namespace

// One timer for every connection with an idle timeout, looking once a second
// at how long each has been quiet. A timer per connection, restarted as
// messages came, cost the server more than the messages did with 10,000
// receivers: Qt keeps timers in a sorted list, so each restart walked it.
class IdleSweep : public QObject
{
public:
    static IdleSweep &instance()
    {
        static IdleSweep sweep;
        return sweep;
    }
    void watch(FramedConnection *connection)
    {
        m_connections.insert(connection);
        if (!m_timer.isActive())
            m_timer.start();
    }
    void forget(FramedConnection *connection) { m_connections.remove(connection); }

private:
    IdleSweep()
    {
        m_timer.setInterval(kIdleSweepMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const QSet<FramedConnection *> connections = m_connections; // closing one may forget it
            for (FramedConnection *connection : connections)
                if (m_connections.contains(connection))
                    connection->closeIfIdle();
            if (m_connections.isEmpty())
                m_timer.stop();
        });
    }
    QSet<FramedConnection *> m_connections;
    QTimer m_timer;
};

FramedConnection::FramedConnection(QTcpSocket *socket, QObject *parent, qsizetype maxFrameSize)
    : QObject(parent)
    , m_socket(socket)
    , m_decoder(maxFrameSize)
    , m_maxFrameSize(maxFrameSize)
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

void FramedConnection::setLimits(const Limits &limits)
{
    m_limits = limits;
    m_clock.start();
    m_allowance = limits.burst;
    if (limits.idleTimeoutMs > 0)
        IdleSweep::instance().watch(this);
    m_resumeTimer.setSingleShot(true);
    connect(&m_resumeTimer, &QTimer::timeout, this, &FramedConnection::onReadyRead, Qt::UniqueConnection);
    // Qt then stops taking bytes from the kernel when we stop reading.
    m_socket->setReadBufferSize(2 * m_maxFrameSize);
}

bool FramedConnection::takeMessageAllowance()
{
    if (m_limits.messagesPerSecond <= 0)
        return true;
    const qint64 now = m_clock.elapsed();
    // Throttled from the first time the allowance ran out until the peer's
    // backlog is gone (onReadyRead); a peer that keeps one that long floods.
    if (m_throttledSinceMs >= 0 && now - m_throttledSinceMs > m_limits.floodGraceMs) {
        const Error reason{QLatin1String(ErrorCode::RateLimited),
                           QStringLiteral("more than %1 messages a second for %2 s").arg(m_limits.messagesPerSecond)
                               .arg(m_limits.floodGraceMs / 1000)};
        qCInfo(lcMgmt).noquote() << peerText() << "dropped:" << reason.message;
        closeWithError(reason);
        finish(u"rate limited"_qs);
        return false;
    }
    m_allowance = std::min<double>(m_limits.burst, m_allowance + double(now - m_allowanceAtMs) * m_limits.messagesPerSecond / 1000.0);
    m_allowanceAtMs = now;
    if (m_allowance >= 1) {
        m_allowance -= 1;
        return true;
    }
    if (m_throttledSinceMs < 0)
        m_throttledSinceMs = now;
    m_resumeTimer.start(int(1000.0 / m_limits.messagesPerSecond) + 1);
    return false;
}

FramedConnection::~FramedConnection()
{
    IdleSweep::instance().forget(this);
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
    if (!m_socket)
        return;
    m_socket->disconnectFromHost(); // flushes pending data first...
    // ...but a peer that does not read (or never finished its TLS handshake)
    // would hold the socket for ever.
    QTimer::singleShot(kCloseGraceMs, m_socket.data(), [socket = m_socket] {
        if (socket && socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort();
    });
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
    if (!m_socket || m_finished || m_resumeTimer.isActive())
        return;
    if (m_limits.idleTimeoutMs > 0 && m_socket->bytesAvailable() > 0)
        m_lastReceivedMs = m_clock.elapsed();
    // Under the rate limit, only take from the socket what the decoder has
    // room for; the rest stays in the kernel and pushes back on the peer.
    m_decoder.append(m_socket->read(std::max<qint64>(0, 2 * m_maxFrameSize - m_decoder.bufferedBytes())));
    while (!m_finished) {
        if (!takeMessageAllowance())
            break;
        std::optional<QCborMap> message = m_decoder.next();
        if (!message) {
            m_allowance += 1; // nothing came: give the allowance back
            if (m_socket && m_socket->bytesAvailable() == 0)
                m_throttledSinceMs = -1; // caught up with the peer
            break;
        }
        Q_EMIT messageReceived(*message);
    }
    if (m_decoder.hasError() && !m_finished) {
        const QString reason = QStringLiteral("protocol error: %1").arg(m_decoder.errorString());
        // Tell the peer why before hanging up; nothing more is read from it.
        closeWithError(Error{QLatin1String(ErrorCode::MalformedFrame), reason});
        finish(reason);
    }
}

void FramedConnection::closeIfIdle()
{
    if (m_finished || m_clock.elapsed() - m_lastReceivedMs < m_limits.idleTimeoutMs)
        return;
    closeWithError({QLatin1String(ErrorCode::Timeout),
                    QStringLiteral("nothing received for %1 s").arg(m_limits.idleTimeoutMs / 1000)});
    finish(u"idle timeout"_qs);
}

void FramedConnection::finish(const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    IdleSweep::instance().forget(this);
    Q_EMIT closed(reason);
}

} // namespace deploycast
