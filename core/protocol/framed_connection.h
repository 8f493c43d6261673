#pragma once

#include "common/error.h"
#include "frame_codec.h"

#include <QCborMap>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

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

Q_SIGNALS:
    void messageReceived(const QCborMap &message);
    void bytesWritten();
    // Emitted once, whatever ended the connection.
    void closed(const QString &reason);

private:
    void onReadyRead();
    void finish(const QString &reason);

    QPointer<QTcpSocket> m_socket;
    FrameDecoder m_decoder;
    bool m_finished = false;
};

} // namespace deploycast
