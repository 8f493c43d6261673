// SPDX-License-Identifier: GPL-3.0-or-later
#include "frame_assembler.h"

#include "protocol/block_datagram.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace deploycast {
namespace {
constexpr qint64 kBlock = qint64(kBlockPayloadSize);
}

void FrameAssembler::start(qint64 wireSize, std::uint32_t frameCount)
{
    m_wireSize = wireSize;
    m_frameCount = frameCount;
    m_table = {};
    m_gathering.assign(frameCount, {});
    m_done.assign(frameCount, false);
    m_heldBytes = 0;
}

bool FrameAssembler::addFrames(std::uint32_t first, const QByteArray &bigEndianSizes)
{
    if (first != m_table.count() || bigEndianSizes.size() % 4 != 0
        || std::uint64_t(first) + std::uint64_t(bigEndianSizes.size() / 4) > m_frameCount)
        return false;
    const auto *bytes = reinterpret_cast<const unsigned char *>(bigEndianSizes.constData());
    for (qsizetype i = 0; i < bigEndianSizes.size(); i += 4) {
        const auto size = qFromBigEndian<quint32>(bytes + i);
        const qint64 start = m_table.offsets.empty() ? 0 : m_table.offsets.back();
        if (size == 0 || start + size > m_wireSize)
            return false;
        m_table.append(size);
    }
    return true;
}

BlockRange FrameAssembler::blocksOf(std::uint32_t frame) const
{
    return {std::uint32_t(m_table.offsets[frame] / kBlock),
            std::uint32_t((m_table.offsets[frame + 1] - 1) / kBlock)};
}

std::pair<std::uint32_t, std::uint32_t> FrameAssembler::framesOf(std::uint32_t block) const
{
    const qint64 start = qint64(block) * kBlock;
    const qint64 end = start + kBlock;
    if (m_table.offsets.empty())
        return {0, 0};
    // The last frame starting at or before the block's start, then those that start inside it.
    auto first = std::upper_bound(m_table.offsets.begin(), m_table.offsets.end() - 1, start);
    auto index = std::uint32_t(std::max<std::ptrdiff_t>(0, first - m_table.offsets.begin() - 1));
    if (index < m_table.count() && m_table.offsets[index + 1] <= start)
        ++index; // it ended before the block
    std::uint32_t last = index;
    while (last < m_table.count() && m_table.offsets[last] < end)
        ++last;
    return {index, last};
}

bool FrameAssembler::canTake(std::uint32_t block, bool bounded) const
{
    const qint64 end = std::min(m_wireSize, (qint64(block) + 1) * kBlock);
    // Frames not known yet may lie in it (the seek table after the last frame never does).
    if (!allFramesKnown() && (m_table.offsets.empty() || m_table.offsets.back() < end))
        return false;
    const auto [first, last] = framesOf(block);
    qint64 needed = 0;
    for (std::uint32_t frame = first; frame < last; ++frame)
        if (!m_done[frame] && m_gathering[frame].isEmpty())
            needed += m_table.compressedSizes[frame];
    return needed == 0 || !bounded || m_heldBytes + needed <= kMostHeldBytes;
}

void FrameAssembler::store(std::uint32_t block, const unsigned char *data, std::size_t length, const BlockBitmap &held,
                           std::vector<std::uint32_t> *completed)
{
    const qint64 start = qint64(block) * kBlock;
    const auto [first, last] = framesOf(block);
    for (std::uint32_t frame = first; frame < last; ++frame) {
        if (m_done[frame])
            continue;
        QByteArray &gathering = m_gathering[frame];
        if (gathering.isEmpty()) {
            gathering = QByteArray(m_table.compressedSizes[frame], '\0');
            m_heldBytes += gathering.size();
        }
        // The overlap of the block and the frame.
        const qint64 from = std::max(start, m_table.offsets[frame]);
        const qint64 to = std::min(start + qint64(length), m_table.offsets[frame + 1]);
        if (to > from)
            std::memcpy(gathering.data() + (from - m_table.offsets[frame]), data + (from - start), std::size_t(to - from));
        if (complete(frame, held))
            completed->push_back(frame);
    }
}

bool FrameAssembler::complete(std::uint32_t frame, const BlockBitmap &held) const
{
    const BlockRange blocks = blocksOf(frame);
    return held.missingRanges(blocks.first, blocks.last - blocks.first + 1, 1).empty();
}

QByteArray FrameAssembler::take(std::uint32_t frame)
{
    QByteArray bytes = std::exchange(m_gathering[frame], {});
    m_heldBytes -= bytes.size();
    m_done[frame] = true;
    return bytes;
}

void FrameAssembler::reopen(std::uint32_t frame)
{
    m_heldBytes -= m_gathering[frame].size();
    m_gathering[frame] = {};
    m_done[frame] = false;
}

} // namespace deploycast
