// SPDX-License-Identifier: GPL-3.0-or-later
#include "framed_connection.h"

#include "common/log.h"
#include "common/log_throttle.h"
#include "messages.h"

#include <QHostAddress>
#include <QSet>
#include <QSslSocket>

#include <memory>

#include <sys/socket.h>

namespace deploycast {
namespace {
constexpr int kCloseGraceMs = 5000;
constexpr int kTimeoutSweepMs = 1000;
} // namespace

// One timer for every connection with a timeout, looking once a second at
// how long each has been quiet or stuck. A timer per connection, restarted
// as messages came, cost the server more than the messages did with 10,000
// receivers: Qt keeps timers in a sorted list, so each restart walked it.
class TimeoutSweep : public QObject
{
public:
    static TimeoutSweep &instance()
    {
        static TimeoutSweep sweep;
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
    TimeoutSweep()
    {
        m_timer.setInterval(kTimeoutSweepMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const QSet<FramedConnection *> connections = m_connections; // closing one may forget it
            for (FramedConnection *connection : connections)
                if (m_connections.contains(connection))
                    connection->checkTimeouts();
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
    m_clock.start();
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Qt stops taking bytes from the kernel when its buffer is this full, so
    // what a peer sends beyond a frame or two waits on its side.
    m_socket->setReadBufferSize(2 * maxFrameSize);
    connect(m_socket, &QTcpSocket::readyRead, this, &FramedConnection::onReadyRead);
    // On TLS, only encryptedBytesWritten says bytes reached the kernel:
    // QSslSocket's bytesWritten comes while they may still sit in OpenSSL.
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        connect(tls, &QSslSocket::encryptedBytesWritten, this, &FramedConnection::onBytesWritten);
    else
        connect(m_socket, &QTcpSocket::bytesWritten, this, &FramedConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { finish(QStringLiteral("peer closed the connection")); });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->error() != QAbstractSocket::RemoteHostClosedError)
            finish(m_socket->errorString());
    });
    m_resumeTimer.setSingleShot(true);
    connect(&m_resumeTimer, &QTimer::timeout, this, &FramedConnection::onReadyRead);
}

void FramedConnection::setLimits(const Limits &limits)
{
    m_limits = limits;
    m_maxFrameSize = limits.maxFrameSize;
    m_decoder.setMaxFrameSize(limits.maxFrameSize);
    m_socket->setReadBufferSize(2 * limits.maxFrameSize);
    m_allowance = limits.burst;
    m_allowanceAtMs = m_lastReceivedMs = m_lastWriteProgressMs = m_clock.elapsed();
    if (limits.idleTimeoutMs > 0 || limits.stallTimeoutMs > 0)
        TimeoutSweep::instance().watch(this);
}

bool FramedConnection::takeMessageAllowance()
{
    if (m_limits.messagesPerSecond <= 0)
        return true;
    const qint64 now = m_clock.elapsed();
    // Throttled from the first time the allowance ran out until the peer's
    // backlog is gone (onReadyRead); a peer that keeps one that long floods.
    if (m_throttledSinceMs >= 0 && now - m_throttledSinceMs > m_limits.floodGraceMs) {
        drop({QLatin1String(ErrorCode::RateLimited),
              ServerText(QT_TRANSLATE_NOOP("ServerMessage", "more than %1 messages a second for %2 s")).arg(m_limits.messagesPerSecond)
                  .arg(m_limits.floodGraceMs / 1000)},
             u"rate limited"_qs);
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

// A socket whose connection object went while a "bye" was still on its way
// out (its owner deletes it as soon as it is closed): kept until the bye is
// flushed and the peer has closed, or the grace period is over. Until then
// it drops what the peer sends, so its close never turns into a reset that
// overtakes the bye.
static void lingerUntilClosed(QTcpSocket *socket, bool writeShutDown)
{
    socket->setParent(nullptr);
    auto *tls = qobject_cast<QSslSocket *>(socket);
    auto flushed = [socket, tls] { return socket->bytesToWrite() + (tls ? tls->encryptedBytesToWrite() : 0) == 0; };
    auto shutDown = std::make_shared<bool>(writeShutDown);
    auto shutDownIfFlushed = [socket, flushed, shutDown] {
        if (!*shutDown && flushed() && socket->state() == QAbstractSocket::ConnectedState) {
            *shutDown = true;
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
        }
    };
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
    if (tls)
        QObject::connect(tls, &QSslSocket::encryptedBytesWritten, socket, shutDownIfFlushed);
    else
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, shutDownIfFlushed);
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QObject::connect(socket, &QTcpSocket::errorOccurred, socket, &QObject::deleteLater);
    QTimer::singleShot(kCloseGraceMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    shutDownIfFlushed();
}

FramedConnection::~FramedConnection()
{
    TimeoutSweep::instance().forget(this);
    if (!m_socket)
        return;
    // The socket is our child; make sure its signals no longer reach us.
    m_socket->disconnect(this);
    if (m_closing && m_socket->state() == QAbstractSocket::ConnectedState)
        lingerUntilClosed(m_socket, m_writeShutDown);
}

void FramedConnection::send(const QCborMap &message)
{
    if (!isOpen() || m_closing)
        return;
    if (queuedBytes() > kMaxQueuedBytes) {
        drop({QLatin1String(ErrorCode::TooSlow), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "more than 128 MiB waited to be sent"))}, u"too slow"_qs);
        return;
    }
    if (queuedBytes() == 0)
        m_lastWriteProgressMs = m_clock.elapsed(); // output starts waiting now
    m_socket->write(encodeFrame(message));
}

void FramedConnection::closeWithError(const Error &reason)
{
    if (!m_socket || m_closing)
        return;
    auto *tls = qobject_cast<QSslSocket *>(m_socket.data());
    if (tls && !tls->isEncrypted()) {
        m_socket->abort(); // no TLS yet: nothing can be said
        return;
    }
    // Written past the queue's cap: a peer dropped for not reading still gets
    // its reason, should it read again.
    if (isOpen())
        m_socket->write(encodeFrame(proto::bye(reason)));
    m_closing = true;
    m_resumeTimer.stop();
    // A peer that neither takes the bye nor closes would hold the socket for ever.
    QTimer::singleShot(kCloseGraceMs, m_socket.data(), [socket = m_socket] {
        if (socket && socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort();
    });
    shutDownOnceFlushed();
}

void FramedConnection::shutDownOnceFlushed()
{
    if (!m_closing || m_writeShutDown || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState
        || queuedBytes() > 0)
        return;
    // Half-close: the peer reads the bye and then the end of the stream.
    // Closing outright while its later bytes sit unread here would make the
    // kernel answer with a reset, which can overtake the bye; so the socket
    // stays open for reading (onReadyRead drops what comes) until the peer
    // closes its side.
    m_writeShutDown = true;
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

void FramedConnection::close()
{
    if (m_socket)
        m_socket->disconnectFromHost();
}

qint64 FramedConnection::queuedBytes() const
{
    if (!m_socket)
        return 0;
    const auto *tls = qobject_cast<const QSslSocket *>(m_socket.data());
    return m_socket->bytesToWrite() + (tls ? tls->encryptedBytesToWrite() : 0);
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

void FramedConnection::onBytesWritten()
{
    m_lastWriteProgressMs = m_clock.elapsed();
    if (m_closing) {
        shutDownOnceFlushed();
        return;
    }
    if (m_readingPaused && queuedBytes() < m_limits.pauseReadingAtQueuedBytes / 2) {
        m_readingPaused = false;
        QTimer::singleShot(0, this, &FramedConnection::onReadyRead); // not from inside the socket's signal
    }
    Q_EMIT bytesWritten();
}

void FramedConnection::onReadyRead()
{
    if (!m_socket || m_finished)
        return;
    if (m_closing) {
        m_socket->readAll(); // dropped: the peer's last words no longer matter
        return;
    }
    if (m_readingPaused || m_resumeTimer.isActive())
        return;
    // Only take from the socket what the decoder has room for; the rest
    // stays in the kernel and pushes back on the peer. (And no more than is
    // there: QIODevice::read(n) allocates n bytes first, and n is up to
    // 128 MiB on a console's connection.)
    const qint64 room = std::max<qint64>(0, 2 * m_maxFrameSize - m_decoder.bufferedBytes());
    m_decoder.append(m_socket->read(std::min(room, m_socket->bytesAvailable())));
    while (!m_finished && !m_closing) {
        if (queuedBytes() >= m_limits.pauseReadingAtQueuedBytes) {
            m_readingPaused = true; // onBytesWritten resumes
            break;
        }
        if (!takeMessageAllowance())
            break;
        std::optional<QCborMap> message = m_decoder.next();
        if (!message) {
            m_allowance += 1; // nothing came: give the allowance back
            if (m_socket && m_socket->bytesAvailable() == 0)
                m_throttledSinceMs = -1; // caught up with the peer
            break;
        }
        m_lastReceivedMs = m_clock.elapsed();
        Q_EMIT messageReceived(*message);
    }
    if (m_decoder.hasError() && !m_finished && !m_closing)
        drop({QLatin1String(ErrorCode::MalformedFrame), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "protocol error: %1")).arg(m_decoder.errorString())},
             QStringLiteral("protocol error: %1").arg(m_decoder.errorString()));
}

void FramedConnection::checkTimeouts()
{
    if (m_finished || m_closing)
        return;
    const qint64 now = m_clock.elapsed();
    const qint64 queued = queuedBytes();
    if (m_limits.stallTimeoutMs > 0 && queued > 0 && now - m_lastWriteProgressMs > m_limits.stallTimeoutMs) {
        drop({QLatin1String(ErrorCode::TooSlow), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "not reading: %1 bytes waited %2 s for it"))
                                                      .arg(queued).arg(m_limits.stallTimeoutMs / 1000)},
             u"too slow"_qs);
        return;
    }
    // A peer held back because it does not read is the stall timeout's.
    if (m_limits.idleTimeoutMs > 0 && !m_readingPaused && now - m_lastReceivedMs >= m_limits.idleTimeoutMs)
        drop({QLatin1String(ErrorCode::Timeout), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "nothing received for %1 s")).arg(m_limits.idleTimeoutMs / 1000)},
             u"idle timeout"_qs);
}

void FramedConnection::drop(const Error &reason, const QString &logText)
{
    static LogThrottle throttle(20, 10'000); // one line per dropped peer, until it is a flood
    int heldBack = 0;
    if (throttle.allow(&heldBack))
        qCInfo(lcMgmt).noquote() << peerText() << "dropped:" << reason.message;
    if (heldBack > 0)
        qCInfo(lcMgmt).noquote() << heldBack << "more peers were dropped in the 10 s before";
    closeWithError(reason);
    finish(logText);
}

void FramedConnection::finish(const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    TimeoutSweep::instance().forget(this);
    Q_EMIT closed(reason);
}

} // namespace deploycast
