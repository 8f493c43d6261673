// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "frame_codec.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace deploycast {

// One TCP connection that carries length-prefixed CBOR frames. It owns the
// socket. A malformed or oversized frame closes this connection only, with
// a "bye" that says why and reaches the peer before the close.
class FramedConnection : public QObject
{
    Q_OBJECT
public:
    explicit FramedConnection(QTcpSocket *socket, QObject *parent = nullptr,
                              qsizetype maxFrameSize = kDefaultMaxFrameSize);
    ~FramedConnection() override;

    // What the server allows a peer, in memory and in time.
    struct Limits {
        qsizetype maxFrameSize = kDefaultMaxFrameSize; // the largest frame the peer may send
        // A peer that sends no whole message for this long is closed
        // ("timeout"); bytes that never make a message do not count.
        int idleTimeoutMs = 0; // 0: none
        // A peer that sends more than this (with bursts up to burst) is read
        // no faster, and if it keeps it up for floodGraceMs it is closed
        // ("rate-limited"). Reading slower pushes back on it through TCP.
        double messagesPerSecond = 0; // 0: none
        int burst = 0;
        int floodGraceMs = 10'000;
        // While this much waits to be sent to the peer, its next messages are
        // not read: a peer cannot make the server queue replies faster than it
        // takes them.
        qint64 pauseReadingAtQueuedBytes = 4 * 1024 * 1024;
        // Output waiting and none of it taken for this long: the peer is not
        // reading, and is closed ("too-slow").
        int stallTimeoutMs = 0; // 0: none
    };
    void setLimits(const Limits &limits);

    void send(const QCborMap &message);
    // Sends a final "bye" with the reason, reads (and drops) what the peer
    // still sends until it has taken the bye, then closes. A peer that does
    // not take it within a few seconds is cut off.
    void closeWithError(const Error &reason);
    // Closes once everything queued is written.
    void close();

    // What waits to be sent: Qt's buffer and, on TLS, what is already
    // encrypted and waits for the kernel (QSslSocket::bytesToWrite() does not
    // count that part).
    qint64 queuedBytes() const;
    QHostAddress peerAddress() const;
    QString peerText() const; // "address:port", for logs
    QHostAddress localAddress() const;
    bool isOpen() const;
    // Closes a peer that has been idle, or has not read, for too long.
    void checkTimeouts();

    // What no peer may ever have waiting: the connection is closed first.
    static constexpr qint64 kMaxQueuedBytes = 128 * 1024 * 1024;

Q_SIGNALS:
    void messageReceived(const QCborMap &message);
    // Some of what was queued went on to the kernel.
    void bytesWritten();
    // Emitted once, whatever ended the connection.
    void closed(const QString &reason);

private:
    void onReadyRead();
    void onBytesWritten();
    bool takeMessageAllowance();
    void drop(const Error &reason, const QString &logText);
    void shutDownOnceFlushed();
    void finish(const QString &reason);

    QPointer<QTcpSocket> m_socket;
    FrameDecoder m_decoder;
    qsizetype m_maxFrameSize;
    bool m_finished = false;
    bool m_closing = false;      // a bye is on its way; nothing more is read or sent
    bool m_writeShutDown = false;
    bool m_readingPaused = false; // too much waits to be sent
    Limits m_limits;
    QTimer m_resumeTimer; // reading paused by the rate limit
    QElapsedTimer m_clock;
    qint64 m_lastReceivedMs = 0;     // on m_clock: the last whole message
    qint64 m_lastWriteProgressMs = 0; // on m_clock: when output last moved on, or started waiting
    double m_allowance = 0;
    qint64 m_allowanceAtMs = 0;
    qint64 m_throttledSinceMs = -1;
};

} // namespace deploycast
