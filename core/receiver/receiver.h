// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chunk_verifier.h"
#include "frame_assembler.h"
#include "domain/client_info.h"
#include "domain/session_info.h"
#include "host_metrics.h"
#include "output_target.h"
#include "receiver_link.h"
#include "protocol/block_datagram.h"
#include "transfer/block_bitmap.h"
#include "transfer/multicast_socket.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <memory>
#include <vector>

namespace deploycast {

// deploycast-receive's exit codes (docs/cli.md).
namespace ReceiveExit {
inline constexpr int Success = 0;       // complete and verified, by multicast or fallback
inline constexpr int Failure = 1;       // anything else: unreachable server, disk, hash...
inline constexpr int Usage = 2;
inline constexpr int Aborted = 3;       // disconnected with Force
inline constexpr int Disconnected = 4;  // disconnected without Force under --no-fallback
inline constexpr int DiskRefused = 5;   // the disk is in use, too small or cannot be opened: nothing was written
}

struct ReceiverOptions {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 7405;
    SessionKind kind = SessionKind::Transmission;
    QString sessionName;
    std::optional<ImageQuery> image; // --image: join by catalog image instead of sessionName
    QString output;
    qint64 diskCapacity = 0; // the target disk's size; 0 for a file
    bool verifyAfter = false; // read the whole target back once written (--verify-after)
    QString machineName;
    bool fallback = true;
    QHostAddress interfaceAddress; // null: the address that reaches the server
    bool quiet = false;
    // "SHA256:AA:BB:…": refuse a server that presents another certificate.
    QString serverFingerprint;
    QString joinToken; // for a transmission created with /RequireJoinToken:Yes
    // Fault injection for tests and demos: drop this share of multicast
    // datagrams on arrival, as a lossy link would ($DEPLOYCAST_SIMULATE_LOSS).
    int simulatedLossPercent = 0;
};

// One client of a transmission or namespace: joins over TCP, receives the
// multicast blocks, asks for what it missed, reports progress every second,
// finishes by unicast if told to, and verifies the whole file.
class Receiver : public QObject
{
    Q_OBJECT
public:
    // `output` is where the image goes (openOutputTarget), checked already.
    Receiver(const ReceiverOptions &options, std::unique_ptr<OutputTarget> output, QObject *parent = nullptr);
    ~Receiver() override;

    void start();
    // Part of the image went to a disk and the transfer did not finish.
    bool diskHalfWritten() const { return m_diskWritten; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void connectToServer();
    void onConnectionLost(const QString &reason);
    void onConnected();
    void join();
    void onJoined(const JoinReply &reply);
    void onNotReady(const QString &message);
    void onDigests(const DigestBatch &batch);
    void forgetBadChunks(const std::vector<std::uint32_t> &chunks);
    void receiveAgain(std::uint32_t chunk, const BlockRange &blocks);
    void storeCompressed(std::uint32_t first, const unsigned char *data, std::size_t length);
    void unpackFrame(std::uint32_t frame);
    void acceptZeroChunks(std::uint32_t first, std::uint32_t count);
    bool zeroPendingChunks(Error *error);
    bool readBack(QByteArray *sha256, Error *error);
    bool finishOutput(Error *error);
    bool readChunk(std::uint32_t chunk, QByteArray *bytes);
    void onKick(const QString &reason, const QString &message);
    void onMove(const QHostAddress &group, quint16 port, const QString &message);
    bool listenOn(const QHostAddress &group, quint16 port);
    void onUnicastData(qint64 first, const QByteArray &payload);
    void onDatagramsReady();
    bool validBlockLength(std::uint32_t index, std::size_t length) const;
    void appendToRun(std::uint32_t index, const unsigned char *data, std::size_t length);
    void flushRun();
    void storeRun(std::uint32_t first, const unsigned char *data, std::size_t length);
    void trackCarousel(std::uint32_t index);
    void sendNak();
    void sendStatus();
    void startFallback();
    void fetchMissing();
    void checkComplete();
    void finish(int exitCode, const QString &message);
    qint64 bytesHeld() const;
    QString sizeText() const; // the image's size, for messages
    void report(const QString &line) const;

    ReceiverOptions m_options;
    ReceiverLink m_link;
    std::unique_ptr<HostMetrics> m_metrics;
    std::unique_ptr<OutputTarget> m_output;
    bool m_diskWritten = false; // a disk was written to: after a failure it is not usable
    // Chunks of zeros the server does not send (ZeroChunks): held at once,
    // zeroed on the target at the end, when the network is done with.
    BlockBitmap m_zeroChunks;
    std::uint32_t m_zeroChunkCount = 0;
    MulticastReceiveSocket m_multicast;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer m_statusTimer;
    QTimer m_nakTimer;
    QElapsedTimer m_rateClock;
    qint64 m_firstDataMs = -1; // on m_rateClock: when the first block arrived

    quint32 m_clientId = 0;
    quint32 m_token = 0;
    qint64 m_size = 0;      // on the wire: the compressed file's size for a compressed image
    qint64 m_imageSize = 0; // what lands on the target
    bool m_compressed = false;
    FrameAssembler m_frames; // a compressed image's
    QByteArray m_expectedSha256;
    bool m_folder = false; // the content is a folder bundle (JoinReply::folder)
    QByteArray m_announcedSha256; // at the first join: a server that comes back must still announce it
    QElapsedTimer m_reconnectClock; // valid while the server is lost and we try to get it back
    static constexpr int kReconnectSeconds = 30;
    BlockBitmap m_received;
    ClientState m_state = ClientState::Waiting;
    TransferMethod m_method = TransferMethod::Multicast;
    bool m_fetchPending = false; // fallen back, and the fetch waits for all the digests

    // Carousel tracking for NAKs: the first block we saw and how far the
    // sender has moved since, so only blocks that went by are asked for.
    bool m_seenAny = false;
    std::uint32_t m_firstSeen = 0;
    std::uint32_t m_lastSeen = 0;
    quint64 m_advanced = 0;

    quint64 m_repairedBlocks = 0; // blocks that came as NAK repairs
    // Each chunk is checked as it completes, and the image's SHA-256 is
    // computed over the checked chunks in order: at the end only the digest
    // is left to take.
    ChunkVerifier m_verifier;
    QString m_notReadyMessage; // the last one shown
    qint64 m_lastReportedBytes = 0;
    qint64 m_lastReportMs = 0;
    int m_reportsSinceLine = 0;
    bool m_done = false;
    bool m_exitSignalled = false;
    // Datagrams come in batches (recvmmsg); consecutive new blocks among them
    // are gathered into one run and written with one pwrite.
    static constexpr int kBatch = 64;
    static constexpr std::size_t kDatagramStride = kMaxBlockDatagram + 64;
    std::vector<unsigned char> m_batch = std::vector<unsigned char>(kBatch * kDatagramStride);
    std::size_t m_batchSizes[kBatch] = {};
    QByteArray m_run;
    std::uint32_t m_runFirst = 0;
    std::uint32_t m_runBlocks = 0;
};

} // namespace deploycast
