// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/frame_codec.h"

#include <QCborMap>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslSocket>

#include <functional>
#include <memory>
#include <optional>

// Whether the server has closed (or reset) the socket's connection, asked of
// the kernel: Qt notices a close only when it reads, and a peer that does not
// read would never know. A socket still connecting is not closed.
bool closedByServer(const QAbstractSocket *socket);

// A peer that speaks the wire protocol by hand, for tests that play a hostile
// or broken client: it sends whatever bytes and frames it is told to, reads
// only while allowed to, and keeps every frame it read. TLS as the real tools
// use it, with no certificate check.
class RawPeer : public QObject
{
    Q_OBJECT
public:
    // Connects at once; a source address binds it there (127.0.0.x).
    explicit RawPeer(quint16 port, const QHostAddress &source = {});
    ~RawPeer() override;

    bool waitEncrypted(int timeoutMs = 15000);
    QSslSocket *socket() const { return m_socket.get(); }

    void send(const QCborMap &message);
    void sendRaw(const QByteArray &bytes);
    void hello(const QString &role, const QString &token = {});
    // hello as a receiver, then join; the join reply's result, or nothing.
    std::optional<QCborMap> join(const QString &transmission, const QString &machine, bool fallback = true);
    // From now on nothing more is taken from the kernel: what the server
    // sends piles up on its side.
    void stopReading();

    // Waits until a frame read matches (or the time is up); it stays in frames().
    std::optional<QCborMap> waitForFrame(const std::function<bool(const QCborMap &)> &matches, int timeoutMs = 15000);
    const QList<QCborMap> &frames() const { return m_frames; }
    bool closedByServer() const { return ::closedByServer(m_socket.get()); }
    // "127.0.0.1:port" as the server's log names this peer.
    QString localText() const;

private:
    void onReadyRead();

    std::unique_ptr<QSslSocket> m_socket;
    deploycast::FrameDecoder m_decoder{deploycast::kMaxFrameFromServer};
    QList<QCborMap> m_frames;
    bool m_reading = true;
};
