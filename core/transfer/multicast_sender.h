// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "block_bitmap.h"
#include "content_file.h"
#include "multicast_socket.h"
#include "protocol/block_datagram.h"
#include "repair_account.h"
#include "zero_chunks.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <vector>
#include <memory>

namespace deploycast {

// Multicasts one file as a carousel: block 0..N-1, then round again, for as
// long as it runs, so a late joiner takes the stream where it is and gets the
// start when it wraps (WDS's behaviour). Blocks that receivers NAK are queued
// once, however many asked, and go out before new carousel data; a block
// repaired a moment ago is not sent again for NAKs that crossed it.
//
// The rate adapts to its receivers: NAKs are the signal. It starts fast and
// doubles up (slow start) until the first loss, then adds a little every
// interval without loss and backs off by a quarter when more than half of
// the stream's receivers report heavy loss, never above the ceiling. Loss
// is measured per receiver, so one receiver that cannot keep up (or claims
// it cannot) does not pull everyone down: it is the slow-client policy's
// business, and otherwise gets its repairs within its budget and the rest
// from the carousel (RepairAccount).
//
// Chunks of zeros are not sent: the carousel steps over them (receivers
// zero them themselves, ZeroChunks), though they count as positions it
// went by, so a NAK's "what went by" stays a stretch of the image.
class MulticastSender : public QObject
{
    Q_OBJECT
public:
    MulticastSender(std::shared_ptr<const ContentFile> content, std::shared_ptr<const ZeroChunks> zeros,
                    quint32 sessionToken, QObject *parent = nullptr);

    bool open(const QHostAddress &interfaceAddress, const QHostAddress &group, quint16 port,
              QString *error);
    // The highest payload rate in bytes per second; 0 for no cap but the
    // receivers' (the adaptive rate then finds it).
    void setMaxRate(qint64 bytesPerSecond);
    qint64 rate() const { return qint64(m_rate); }
    // For a stream that clients were moved to: start at about the rate they
    // were getting and probe upwards gently, instead of a slow start from
    // the top. No effect once running.
    void startNear(double bytesPerSecond);

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // A receiver arrives on this stream (joins, or is moved here): its NAKs
    // are measured from now. Moved, it may ask once for all it lacks.
    void arrive(RepairAccount *account, bool moved);
    void forget(const RepairAccount *account);
    // How many receivers the stream has now, for the rate control's majority.
    void setReceiverCount(int count) { m_receiverCount = count; }

    // Queues blocks to re-send, for one receiver. ranges must be sorted and
    // merged (rangesFromCbor). A NAK for blocks that went by and were lost
    // is a congestion signal; a moved client's catch-up request (what it
    // lacks, asked once on arrival) is not, and must not slow the stream.
    // Returns how many of the blocks named went by since it arrived (the
    // rest it cannot have lost, and are ignored).
    enum class RepairKind { Loss, CatchUp };
    std::uint64_t requestRepair(RepairAccount *account, const std::vector<BlockRange> &ranges, RepairKind kind);

Q_SIGNALS:
    // The file could not be read (it shrank, or the disk failed): the sender
    // has stopped, and no datagram with bytes from the failed read went out.
    void contentFailed(const Error &error);

private:
    void onTick();
    void adaptRate(qint64 nowNs);
    void refill(RepairAccount *account) const;
    // The last `count` carousel positions sent, as at most two ranges.
    std::vector<BlockRange> lastSent(std::uint64_t count) const;
    // Whether the receiver's loss since its last NAK makes it congested.
    bool congestedBy(RepairAccount *account, const std::vector<BlockRange> &ranges);
    // The datagram's size, or 0 if the block cannot be read (error says why).
    std::size_t writeBlock(unsigned char *out, std::uint32_t index, std::uint8_t flags, Error *error);

    // The next carousel position to send from `cursor` (zero chunks skipped);
    // blockCount if there is none.
    std::uint32_t nextCarouselBlock(std::uint32_t cursor) const { return m_zeros->nextSent(cursor); }

    std::shared_ptr<const ContentFile> m_content;
    std::shared_ptr<const ZeroChunks> m_zeros;
    quint32 m_sessionToken;
    MulticastSendSocket m_socket;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTickNs = 0;
    double m_rate = 0;     // bytes per second, adapted
    double m_maxRate = 0;
    bool m_slowStart = true;
    int m_holdIntervals = 0;
    qint64 m_intervalStartNs = 0;
    quint64 m_sentInInterval = 0;
    std::uint64_t m_blocksSent = 0;    // carousel and repairs, since the sender was made
    std::uint64_t m_carouselSent = 0;  // carousel positions gone by, zero chunks stepped over included
    int m_receiverCount = 0;
    QHash<const RepairAccount *, qint64> m_congestedAtNs; // receivers that reported heavy loss lately
    double m_budgetBytes = 0;
    std::uint32_t m_cursor = 0;
    BlockBitmap m_repairPending;
    std::deque<std::uint32_t> m_repairQueue;
    std::vector<std::uint32_t> m_repairedAtMs; // per block: when it was last repaired (0: never)
    BlockReader m_carouselReader;
    BlockReader m_repairReader;
    // One batch for sendmmsg: the datagrams, and what each one is.
    static constexpr int kBatch = 64;
    std::vector<unsigned char> m_batch = std::vector<unsigned char>(kBatch * kMaxBlockDatagram);
    std::size_t m_batchSizes[kBatch] = {};
    bool m_batchIsRepair[kBatch] = {};
};

} // namespace deploycast
