#pragma once

#include "block_bitmap.h"
#include "content_file.h"
#include "multicast_socket.h"
#include "protocol/block_datagram.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>

namespace deploycast {

// Multicasts one file as a carousel: block 0..N-1, then round again, for as
// long as it runs, so a late joiner takes the stream where it is and gets the
// start when it wraps (WDS's behaviour). Blocks that receivers NAK are queued
// once, however many asked, and go out before new carousel data.
class MulticastSender : public QObject
{
    Q_OBJECT
public:
    MulticastSender(std::shared_ptr<const ContentFile> content, quint32 sessionToken,
                    QObject *parent = nullptr);

    bool open(const QHostAddress &interfaceAddress, const QHostAddress &group, quint16 port,
              QString *error);
    // Bytes per second of payload; 0 sends as fast as the socket takes it.
    void setRate(qint64 bytesPerSecond) { m_rate = bytesPerSecond; }

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    void requestRepair(const std::vector<BlockRange> &ranges);

    quint64 blocksSent() const { return m_blocksSent; }
    quint64 repairsSent() const { return m_repairsSent; }

private:
    void onTick();
    bool sendBlock(std::uint32_t index, std::uint8_t flags);

    std::shared_ptr<const ContentFile> m_content;
    quint32 m_sessionToken;
    MulticastSendSocket m_socket;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTickNs = 0;
    qint64 m_rate = 0;
    double m_budgetBytes = 0;
    std::uint32_t m_cursor = 0;
    BlockBitmap m_repairPending;
    std::deque<std::uint32_t> m_repairQueue;
    quint64 m_blocksSent = 0;
    quint64 m_repairsSent = 0;
    unsigned char m_datagram[kMaxBlockDatagram];
};

} // namespace deploycast
