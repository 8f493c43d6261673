// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/catalog_image.h"
#include "domain/client_info.h"
#include "domain/session_info.h"
#include "transfer/block_bitmap.h"

#include <QHostAddress>
#include <QObject>

#include <optional>
#include <vector>

namespace deploycast {

class FramedConnection;

// What a receiver asks to join.
struct JoinRequest {
    SessionKind kind = SessionKind::Transmission;
    QString sessionName;
    QString machineName;
    QString macAddress;
    bool fallback = true;
    QString joinToken;
    // Join by catalog image instead of by name: the image's transmission if
    // it has one, else the image by unicast (as a WDS client gets it).
    std::optional<ImageQuery> image = std::nullopt;
    // Writing to a disk of this many bytes: the server refuses a larger
    // image at the join, before the client counts as joined. 0 for a file.
    qint64 diskCapacity = 0;
};

// The server's answer to a join, checked for consistency.
struct JoinReply {
    quint32 clientId = 0;
    quint32 token = 0; // tags this session's multicast datagrams
    QString session;
    qint64 size = 0;
    qint64 blockCount = 0;
    QByteArray sha256;
    QHostAddress group;
    quint16 port = 0;
    // Chunk digests follow the reply ("digests"); 0 from a server that sends none.
    quint32 chunkCount = 0;
    // The image comes by unicast (it has no multicast transmission): no
    // group or port; the receiver fetches every block.
    bool unicast = false;
    // A namespace's folder: the bytes are a folder bundle, written out as
    // the tree once verified.
    bool folder = false;
    // A compressed image (seekable zstd): size and blockCount are the
    // compressed file's, as it goes on the wire; imageSize is what lands.
    bool compressed = false;
    qint64 imageSize = 0;

    static std::optional<JoinReply> fromCbor(const QCborMap &result);
};

// One "digests" notification: chunk digests from `first` on.
struct DigestBatch {
    quint32 first = 0;
    QByteArray sha256; // kDigestSize bytes per chunk
    QByteArray frames; // a compressed image's: each chunk's frame size, 4 bytes big-endian

    static std::optional<DigestBatch> fromCbor(const QCborMap &params);
};

// What a receiver reports every second.
struct StatusReport {
    qint64 bytes = 0;
    qint64 rate = 0; // bytes per second since the last report
    double cpu = 0;  // percent of the host
    double memory = 0;
    double network = 0;
    ClientState state = ClientState::Waiting;
};

// The receiver's control connection to deploycastd (docs/protocol.md): TLS,
// the optional certificate check, hello and join, reports, NAKs, fallback
// fetches, and the server's kicks, moves and unicast data. It knows nothing
// of blocks on disk, so deploycast-receive and deploycast-loadgen share it.
class ReceiverLink : public QObject
{
    Q_OBJECT
public:
    explicit ReceiverLink(QObject *parent = nullptr);

    // Connects (again, if it was connected): connected() follows, or lost().
    // With a fingerprint ("SHA256:AA:…"), another certificate is refused.
    // A source address binds the connection to it (load tests give each
    // simulated client its own loopback address).
    void open(const QString &host, quint16 port, const QString &expectedFingerprint = {},
              const QHostAddress &sourceAddress = {});
    void join(const JoinRequest &request);
    void sendStatus(const StatusReport &status);
    void sendNak(const std::vector<BlockRange> &ranges, bool catchUp = false);
    void sendFetch(const std::vector<BlockRange> &ranges);
    void sendComplete(const QByteArray &sha256);
    // Closes once what is queued is written; lost() follows.
    void close();

    bool isOpen() const;
    QHostAddress localAddress() const;

Q_SIGNALS:
    void connected(); // encrypted and the certificate accepted: join next
    void joined(const JoinReply &reply);
    // The session cannot take clients yet (its image is being hashed or is
    // missing, or its interface is down): join again in a moment.
    void notReady(const QString &message);
    void digestsReceived(const DigestBatch &batch);
    // The server refused or ended the session (an error reply, a "bye", an
    // inconsistent message, a certificate that is not the expected one).
    void failed(const QString &message);
    // The server refused the join: the image does not fit on the disk.
    void diskTooSmall(const QString &message);
    void kicked(const QString &reason, const QString &message);
    void moveRequested(const QHostAddress &group, quint16 port, const QString &message);
    void unicastData(qint64 first, const QByteArray &payload);
    void lost(const QString &reason); // the connection ended, for whatever reason

private:
    void onMessage(const QCborMap &message);
    void onNotify(const QString &event, const QCborMap &params);

    FramedConnection *m_connection = nullptr;
};

} // namespace deploycast
