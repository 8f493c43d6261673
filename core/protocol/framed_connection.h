#pragma once

#include "common/error.h"
#include "frame_codec.h"

#include <QCborMap>
#include <QObject>
#include <QPointer>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>

namespace deploycast {

// One TCP connection that carries length-prefixed CBOR frames. It owns the
// socket. A malformed or oversized frame closes this connection only.
class FramedConnection : public QObject
{
    Q_OBJECT
public:
    explicit FramedConnection(QTcpSocket *socket, QObject *parent = nullptr,
                              qsizetype maxFrameSize = kDefaultMaxFrameSize);
    ~FramedConnection() override;

    // What the server allows a peer: a peer that sends nothing for
    // idleTimeoutMs is closed ("timeout"); one that sends more than
    // messagesPerSecond (with bursts up to burst) is read no faster than
    // that, and if it keeps it up for floodGraceMs it is closed
    // ("rate-limited"). Reading slower pushes back on it through TCP.
    struct Limits {
        int idleTimeoutMs = 0; // 0: none
        double messagesPerSecond = 0; // 0: none
        int burst = 0;
        int floodGraceMs = 10'000;
    };
    void setLimits(const Limits &limits);

    void send(const QCborMap &message);
    // Sends a final "bye" with the reason, then closes once it is written.
    void closeWithError(const Error &reason);
    // Closes once everything queued is written.
    void close();

    qint64 bytesToWrite() const;
    QHostAddress peerAddress() const;
    QString peerText() const; // "address:port", for logs
    QHostAddress localAddress() const;
    bool isOpen() const;
    // Closes with a timeout error if nothing came for the idle timeout.
    void closeIfIdle();

Q_SIGNALS:
    void messageReceived(const QCborMap &message);
    void bytesWritten();
    // Emitted once, whatever ended the connection.
    void closed(const QString &reason);

private:
    void onReadyRead();
    bool takeMessageAllowance();
    void finish(const QString &reason);

    QPointer<QTcpSocket> m_socket;
    FrameDecoder m_decoder;
    qsizetype m_maxFrameSize;
    bool m_finished = false;
    Limits m_limits;
    QTimer m_resumeTimer; // reading paused by the rate limit
    QElapsedTimer m_clock;
    qint64 m_lastReceivedMs = 0; // on m_clock
    double m_allowance = 0;
    qint64 m_allowanceAtMs = 0;
    qint64 m_throttledSinceMs = -1;
};

} // namespace deploycast
