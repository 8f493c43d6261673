// SPDX-License-Identifier: GPL-3.0-or-later
#include "multicast_sender.h"

#include "common/log.h"
#include "protocol/range_codec.h"

namespace deploycast {
namespace {
constexpr int kTickMs = 2;
// Never let one tick hog the event loop, whatever the rate.
constexpr int kMaxDatagramsPerTick = 512;
// Unused budget is capped at this much time, so a stall is not followed by a burst.
constexpr double kMaxBurstSeconds = 0.01;

// Rate control (see the class comment).
constexpr double kUncappedRate = 1e9;      // 1 GB/s: beyond any link we serve
constexpr double kStartRate = 100e6;      // most of a gigabit link
constexpr double kMinRate = 1e6;
constexpr qint64 kIntervalNs = 100'000'000; // 100 ms
// Random loss on a bad link (a few percent) is repaired, not a reason to slow
// down; overrunning a receiver loses far more than this.
constexpr double kLossShare = 0.08;         // a receiver's NAKed share of what went by that counts as congestion
// A receiver's loss is judged over at least this many blocks that went by.
constexpr std::uint64_t kMinLossSample = 64;
// Reports of heavy loss count for this long (a receiver NAKs every 200 ms).
constexpr qint64 kCongestionWindowNs = 300'000'000;
constexpr double kBackOff = 0.75;
constexpr double kSlowStartGrowth = 2.0;
constexpr double kAdditiveStep = 4e6;       // bytes per second per loss-free interval
// NAKs report a loss about 200 ms after it happened (the receivers' NAK
// interval), so the intervals right after a back-off still carry loss from
// before it. Ignore them: react once per round trip of NAKs.
constexpr int kHoldIntervals = 3;
// A NAK for a block repaired this recently crossed the repair on the wire.
constexpr std::uint32_t kRepairQuietMs = 300;

// Each receiver's repair budget (RepairAccount): a tenth of what the stream
// sends, after a start of 512 blocks (700 KB), and never more saved up than
// that plus a tenth of the image. Random loss of a few percent stays well
// inside it; a receiver that claims more gets the rest from the carousel.
// It protects the others, so a receiver alone on its stream has none: all
// the stream is for it (at the end of a transfer, or a slow stream of one).
constexpr double kRepairShare = 0.10;
constexpr double kInitialRepairTokens = 512;
// However a NAK is made, no more blocks than this are looked at for it.
constexpr std::uint64_t kMaxBlocksLookedAtPerNak = 65'536;
// Repairs take at most about half a shared stream, so fresh data keeps moving
// whatever is asked for: at most this many more repairs than carousel blocks a tick.
constexpr int kRepairLead = 16;
} // namespace

MulticastSender::MulticastSender(std::shared_ptr<const ContentFile> content, std::shared_ptr<const ZeroChunks> zeros,
                                 quint32 sessionToken, QObject *parent)
    : QObject(parent)
    , m_content(std::move(content))
    , m_zeros(zeros ? std::move(zeros) : std::make_shared<const ZeroChunks>())
    , m_sessionToken(sessionToken)
    , m_repairPending(m_content->blockCount())
    , m_repairedAtMs(m_content->blockCount(), 0)
    , m_carouselReader(m_content)
    , m_repairReader(m_content)
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

void MulticastSender::setMaxRate(qint64 bytesPerSecond)
{
    m_maxRate = bytesPerSecond > 0 ? double(bytesPerSecond) : kUncappedRate;
    m_rate = std::min(kStartRate, m_maxRate);
    m_slowStart = true;
}

void MulticastSender::startNear(double bytesPerSecond)
{
    if (isRunning())
        return;
    m_rate = std::clamp(bytesPerSecond, kMinRate, m_maxRate);
    m_slowStart = false;
}

void MulticastSender::start()
{
    if (isRunning())
        return;
    if (!m_clock.isValid())
        m_clock.start();
    m_lastTickNs = m_clock.nsecsElapsed();
    m_intervalStartNs = m_lastTickNs;
    m_sentInInterval = 0;
    m_budgetBytes = 0;
    m_timer.start();
}

void MulticastSender::stop()
{
    m_timer.stop();
}

void MulticastSender::arrive(RepairAccount *account, bool moved)
{
    account->sentAtRefill = m_blocksSent;
    account->carouselAtArrival = account->carouselAtLastNak = m_carouselSent;
    account->tokens = kInitialRepairTokens;
    account->catchUpAllowed = moved;
}

void MulticastSender::forget(const RepairAccount *account)
{
    m_congestedAtNs.remove(account);
}

void MulticastSender::refill(RepairAccount *account) const
{
    const double most = kInitialRepairTokens + kRepairShare * double(m_content->blockCount());
    account->tokens = std::min(most, account->tokens + kRepairShare * double(m_blocksSent - account->sentAtRefill));
    account->sentAtRefill = m_blocksSent;
}

std::vector<BlockRange> MulticastSender::lastSent(std::uint64_t count) const
{
    const std::uint64_t blocks = m_content->blockCount();
    count = std::min(count, blocks);
    if (count == 0)
        return {};
    const std::uint64_t start = (m_cursor + blocks - count) % blocks;
    if (start + count <= blocks)
        return {{std::uint32_t(start), std::uint32_t(start + count - 1)}};
    return {{0, std::uint32_t(start + count - blocks - 1)}, {std::uint32_t(start), std::uint32_t(blocks - 1)}};
}

bool MulticastSender::congestedBy(RepairAccount *account, const std::vector<BlockRange> &ranges)
{
    // The carousel blocks sent since the receiver's last NAK; its loss is
    // the share of those it names. Zero chunks went by unsent: not counted.
    const std::uint64_t swept = std::min<std::uint64_t>(m_carouselSent - account->carouselAtLastNak, m_content->blockCount());
    account->carouselAtLastNak = m_carouselSent;
    const std::vector<BlockRange> wentBy = lastSent(swept);
    const std::uint64_t sent = swept - m_zeros->zeroBlocksIn(wentBy);
    return sent >= kMinLossSample && double(blocksIn(intersection(ranges, wentBy))) > kLossShare * double(sent);
}

std::uint64_t MulticastSender::requestRepair(RepairAccount *account, const std::vector<BlockRange> &asked, RepairKind kind)
{
    if (kind == RepairKind::CatchUp && !std::exchange(account->catchUpAllowed, false))
        kind = RepairKind::Loss; // only the first request after a move catches up
    const bool loss = kind == RepairKind::Loss;
    const bool budgeted = loss && m_receiverCount > 1;
    // What went by since it arrived is all it can have lost; a moved
    // client's catch-up asks for what it lacks from the stream before.
    const std::vector<BlockRange> ranges = loss ? intersection(asked, lastSent(m_carouselSent - account->carouselAtArrival))
                                                : asked;
    if (loss) {
        refill(account);
        if (congestedBy(account, ranges))
            m_congestedAtNs.insert(account, m_clock.isValid() ? m_clock.nsecsElapsed() : 0);
    }
    const auto nowMs = std::uint32_t(m_clock.isValid() ? m_clock.elapsed() : 0) + 1; // 0 means never
    const std::uint64_t lookLimit = loss ? kMaxBlocksLookedAtPerNak : m_content->blockCount();
    std::uint64_t looked = 0;
    for (const BlockRange &range : ranges) {
        for (std::uint64_t i = range.first; i <= range.last; ++i) {
            // Past its budget, the rest comes round with the carousel.
            if (++looked > lookLimit || (budgeted && account->tokens < 1))
                return blocksIn(ranges);
            const auto block = std::uint32_t(i);
            if (m_repairedAtMs[block] != 0 && nowMs - m_repairedAtMs[block] < kRepairQuietMs)
                continue; // just repaired: this NAK crossed it
            if (m_repairPending.set(block)) {
                m_repairQueue.push_back(block);
                if (budgeted)
                    account->tokens -= 1;
            }
        }
    }
    return blocksIn(ranges);
}

void MulticastSender::adaptRate(qint64 nowNs)
{
    if (nowNs - m_intervalStartNs < kIntervalNs)
        return;
    m_congestedAtNs.removeIf([nowNs](const auto &entry) { return nowNs - entry.value() > kCongestionWindowNs; });
    // More than half of the receivers lose heavily: the stream is too fast
    // for them. Fewer: those few are the slow-client policy's business.
    const bool lossy = m_congestedAtNs.size() * 2 > std::max(1, m_receiverCount);
    // What actually went out: the socket or the tick cap can hold the sender
    // below its rate, and a rate far above what it achieves would make a
    // back-off from it meaningless.
    const double achieved = double(m_sentInInterval) * double(kBlockPayloadSize) * 1e9 / double(nowNs - m_intervalStartNs);
    if (m_holdIntervals > 0) {
        --m_holdIntervals;
    } else if (lossy) {
        m_rate = std::max(kMinRate, std::min(m_rate, achieved) * kBackOff);
        m_slowStart = false;
        m_holdIntervals = kHoldIntervals;
        m_congestedAtNs.clear(); // those reports are answered
    } else if (m_sentInInterval > 0) {
        const double grown = m_slowStart ? m_rate * kSlowStartGrowth : m_rate + kAdditiveStep;
        m_rate = std::min({m_maxRate, grown, std::max(m_rate, achieved * kSlowStartGrowth)});
    }
    qCDebug(lcTransfer, "rate %.1f MB/s; last %d ms: %llu blocks sent; %d of %d receivers losing heavily%s",
            m_rate / 1e6, int((nowNs - m_intervalStartNs) / 1'000'000), m_sentInInterval, int(m_congestedAtNs.size()),
            m_receiverCount, m_holdIntervals > 0 ? " (holding)" : "");
    m_intervalStartNs = nowNs;
    m_sentInInterval = 0;
}

void MulticastSender::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double elapsed = double(now - m_lastTickNs) / 1e9;
    m_lastTickNs = now;
    adaptRate(now);
    m_budgetBytes = std::min(m_budgetBytes + elapsed * m_rate, m_rate * kMaxBurstSeconds + kBlockPayloadSize);

    int repairsThisTick = 0;
    int carouselThisTick = 0;
    for (int sentThisTick = 0; sentThisTick < kMaxDatagramsPerTick;) {
        // Plan a batch within the budget: queued repairs first, then the
        // carousel. Nothing is committed until the kernel has taken it.
        int planned = 0;
        double budget = m_budgetBytes;
        std::uint32_t cursor = m_cursor;
        std::size_t repairs = 0;
        while (planned < kBatch && sentThisTick + planned < kMaxDatagramsPerTick && budget >= double(kBlockPayloadSize)) {
            const int carouselSoFar = carouselThisTick + planned - int(repairs);
            const bool repair = repairs < m_repairQueue.size()
                                && (m_receiverCount <= 1 || repairsThisTick + int(repairs) < carouselSoFar + kRepairLead);
            const std::uint32_t index = repair ? m_repairQueue[repairs++] : nextCarouselBlock(cursor);
            if (index >= m_content->blockCount())
                break; // all zeros, and no repair asked: nothing to send
            if (!repair)
                cursor = (index + 1) % m_content->blockCount();
            m_batchIsRepair[planned] = repair;
            Error error;
            m_batchSizes[planned] = writeBlock(m_batch.data() + std::size_t(planned) * kMaxBlockDatagram, index,
                                               repair ? BlockFlag::Repair : std::uint8_t(0), &error);
            if (m_batchSizes[planned] == 0) {
                stop();
                Q_EMIT contentFailed(error);
                return;
            }
            budget -= m_content->blockLength(index);
            ++planned;
        }
        if (planned == 0)
            return;
        const int sent = m_socket.sendMany(m_batch.data(), kMaxBlockDatagram, m_batchSizes, planned);
        const auto stamp = std::uint32_t(m_clock.elapsed()) + 1;
        for (int i = 0; i < sent; ++i) {
            std::uint32_t index;
            if (m_batchIsRepair[i]) { // repairs were planned in queue order
                index = m_repairQueue.front();
                m_repairQueue.pop_front();
                m_repairPending.clear(index);
                m_repairedAtMs[index] = stamp;
                ++repairsThisTick;
            } else {
                const std::uint32_t blocks = m_content->blockCount();
                index = nextCarouselBlock(m_cursor);
                m_carouselSent += (index + blocks - m_cursor) % blocks + 1; // the zeros stepped over, and this one
                m_cursor = (index + 1) % blocks;
                ++carouselThisTick;
            }
            m_budgetBytes -= m_content->blockLength(index);
        }
        m_sentInInterval += quint64(sent);
        m_blocksSent += std::uint64_t(sent);
        sentThisTick += sent;
        if (sent < planned)
            return; // the socket buffer is full: the rest waits for the next tick
    }
}

std::size_t MulticastSender::writeBlock(unsigned char *out, std::uint32_t index, std::uint8_t flags, Error *error)
{
    // Repairs jump about; the carousel runs on. Each has its own read window.
    BlockReader &reader = flags & BlockFlag::Repair ? m_repairReader : m_carouselReader;
    const unsigned char *payload = reader.block(index, error);
    if (!payload)
        return 0;
    BlockHeader header;
    header.session = m_sessionToken;
    header.index = index;
    header.count = m_content->blockCount();
    header.length = m_content->blockLength(index);
    header.flags = flags;
    return writeBlockDatagram(out, header, payload);
}

} // namespace deploycast
