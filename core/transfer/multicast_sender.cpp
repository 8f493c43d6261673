#include "multicast_sender.h"

namespace deploycast {
namespace {
constexpr int kTickMs = 2;
// Never let one tick hog the event loop, whatever the rate.
constexpr int kMaxDatagramsPerTick = 512;
// Unused budget is capped at this much time, so a stall is not followed by a burst.
constexpr double kMaxBurstSeconds = 0.01;
} // namespace

MulticastSender::MulticastSender(std::shared_ptr<const ContentFile> content, quint32 sessionToken,
                                 QObject *parent)
    : QObject(parent)
    , m_content(std::move(content))
    , m_sessionToken(sessionToken)
    , m_repairPending(m_content->blockCount())
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &MulticastSender::onTick);
}

bool MulticastSender::open(const QHostAddress &interfaceAddress, const QHostAddress &group, quint16 port,
                           QString *error)
{
    return m_socket.open(interfaceAddress, group, port, error);
}

void MulticastSender::start()
{
    if (isRunning())
        return;
    m_clock.start();
    m_lastTickNs = 0;
    m_budgetBytes = 0;
    m_timer.start();
}

void MulticastSender::stop()
{
    m_timer.stop();
}

void MulticastSender::requestRepair(const std::vector<BlockRange> &ranges)
{
    for (const BlockRange &range : ranges)
        for (std::uint64_t i = range.first; i <= range.last && i < m_content->blockCount(); ++i)
            if (m_repairPending.set(std::uint32_t(i)))
                m_repairQueue.push_back(std::uint32_t(i));
}

void MulticastSender::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double elapsed = double(now - m_lastTickNs) / 1e9;
    m_lastTickNs = now;
    if (m_rate > 0)
        m_budgetBytes = std::min(m_budgetBytes + elapsed * double(m_rate), double(m_rate) * kMaxBurstSeconds + kBlockPayloadSize);

    for (int sent = 0; sent < kMaxDatagramsPerTick; ++sent) {
        if (m_rate > 0 && m_budgetBytes < double(kBlockPayloadSize))
            return;
        std::uint32_t index;
        std::uint8_t flags = 0;
        if (!m_repairQueue.empty()) {
            index = m_repairQueue.front();
            flags = BlockFlag::Repair;
        } else {
            index = m_cursor;
        }
        if (!sendBlock(index, flags))
            return; // socket buffer full: retry next tick
        if (flags & BlockFlag::Repair) {
            m_repairQueue.pop_front();
            m_repairPending.clear(index);
            ++m_repairsSent;
        } else {
            m_cursor = (m_cursor + 1) % m_content->blockCount();
        }
        ++m_blocksSent;
        m_budgetBytes -= m_content->blockLength(index);
    }
}

bool MulticastSender::sendBlock(std::uint32_t index, std::uint8_t flags)
{
    BlockHeader header;
    header.session = m_sessionToken;
    header.index = index;
    header.count = m_content->blockCount();
    header.length = m_content->blockLength(index);
    header.flags = flags;
    const std::size_t size = writeBlockDatagram(m_datagram, header, m_content->block(index));
    return m_socket.send(m_datagram, size);
}

} // namespace deploycast
