// SPDX-License-Identifier: GPL-3.0-or-later
#include "receiver.h"

#include "common/cbor_values.h"
#include "common/log.h"
#include "common/printable.h"
#include "common/sha256.h"
#include "transfer/folder_bundle.h"
#include "transfer/seekable_zstd.h"
#include "transfer/zero_chunks.h"

#include <QFileInfo>
#include <QRandomGenerator>

#include <cstdio>

namespace deploycast {
namespace {
constexpr int kStatusIntervalMs = 1000;
constexpr int kNakIntervalMs = 200;
constexpr std::size_t kMaxNakRanges = 1024;
constexpr std::size_t kMaxFetchRangesPerMessage = 4096;
constexpr int kDatagramsPerWakeup = 1024; // then let the event loop breathe
constexpr int kProgressLineEverySeconds = 5;
constexpr int kFlushTimeoutMs = 2000;
constexpr int kJoinRetryMs = 1000;
constexpr std::uint64_t kBadChunksReported = 10; // one line each; then only the count at the end
} // namespace

Receiver::Receiver(const ReceiverOptions &options, std::unique_ptr<OutputTarget> output, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_output(std::move(output))
{
    m_statusTimer.setInterval(kStatusIntervalMs);
    connect(&m_statusTimer, &QTimer::timeout, this, &Receiver::sendStatus);
    m_nakTimer.setInterval(kNakIntervalMs);
    connect(&m_nakTimer, &QTimer::timeout, this, &Receiver::sendNak);
    connect(&m_link, &ReceiverLink::connected, this, &Receiver::onConnected);
    connect(&m_link, &ReceiverLink::joined, this, &Receiver::onJoined);
    connect(&m_link, &ReceiverLink::notReady, this, &Receiver::onNotReady);
    connect(&m_link, &ReceiverLink::digestsReceived, this, &Receiver::onDigests);
    connect(&m_link, &ReceiverLink::failed, this, [this](const QString &message) { finish(ReceiveExit::Failure, message); });
    connect(&m_link, &ReceiverLink::diskTooSmall, this, [this](const QString &message) {
        // A server that came back with a larger image: the disk holds part of the old one.
        if (m_diskWritten)
            finish(ReceiveExit::Failure, message);
        else
            finish(ReceiveExit::DiskRefused, message + u"; nothing was written to it"_qs);
    });
    connect(&m_link, &ReceiverLink::kicked, this, &Receiver::onKick);
    connect(&m_link, &ReceiverLink::moveRequested, this, &Receiver::onMove);
    connect(&m_link, &ReceiverLink::unicastData, this, &Receiver::onUnicastData);
    connect(&m_link, &ReceiverLink::lost, this, &Receiver::onConnectionLost);
}

Receiver::~Receiver() = default;

void Receiver::start()
{
    connectToServer();
}

void Receiver::connectToServer()
{
    m_link.open(m_options.host, m_options.port, m_options.serverFingerprint);
}

void Receiver::onConnectionLost(const QString &reason)
{
    const QString lost = QStringLiteral("lost the server %1:%2: %3").arg(m_options.host).arg(m_options.port).arg(reason);
    // Before the first join there is nothing to resume: fail at once. After
    // it, the server may be restarting: keep what we have and try again
    // every second for kReconnectSeconds, then join afresh and go on.
    if (m_done || m_clientId == 0) {
        finish(ReceiveExit::Failure, lost);
        return;
    }
    if (!m_reconnectClock.isValid()) {
        report(lost + u"; trying again for 30 s"_qs);
        m_reconnectClock.start();
    }
    if (m_reconnectClock.elapsed() > kReconnectSeconds * 1000) {
        finish(ReceiveExit::Failure, lost + QStringLiteral(" (and it did not come back within %1 s)").arg(kReconnectSeconds));
        return;
    }
    QTimer::singleShot(1000, this, &Receiver::connectToServer);
}

void Receiver::onConnected()
{
    const QHostAddress local = m_link.localAddress();
    m_metrics = std::make_unique<HostMetrics>(local);
    if (m_options.interfaceAddress.isNull())
        m_options.interfaceAddress = local;
    join();
}

void Receiver::join()
{
    m_link.join({m_options.kind, m_options.sessionName, m_options.machineName, m_metrics->macAddress(),
                 m_options.fallback, m_options.joinToken, m_options.image, m_options.diskCapacity});
}

void Receiver::onNotReady(const QString &message)
{
    // As a WDS client waits for its server: the image may be being hashed,
    // mounted late, or its interface may come up in a moment.
    if (message.section(u'(', 0, 0) != m_notReadyMessage.section(u'(', 0, 0))
        report(message + u"; waiting"_qs);
    m_notReadyMessage = message;
    QTimer::singleShot(kJoinRetryMs, this, &Receiver::join);
}

void Receiver::onDigests(const DigestBatch &batch)
{
    if (!m_verifier.addDigests(batch.first, batch.sha256)) {
        finish(ReceiveExit::Failure, u"the server sent chunk digests that do not fit the image"_qs);
        return;
    }
    // A compressed image's frame sizes come with the digests (again after a
    // reconnect: those known already are the same image's).
    const auto count = std::uint32_t(batch.sha256.size() / kDigestSize);
    if (m_compressed) {
        // Only what is not known yet is added: after a reconnect the
        // batches may overlap what came before (the same image's).
        const std::uint32_t known = std::max(batch.first, m_frames.knownFrames());
        const bool fits = batch.frames.size() == qsizetype(count) * 4
                          && (known >= batch.first + count
                              || m_frames.addFrames(known, batch.frames.mid(qsizetype(known - batch.first) * 4)));
        if (!fits) {
            finish(ReceiveExit::Failure, u"the server sent frame sizes that do not fit the compressed image"_qs);
            return;
        }
    }
    std::vector<std::uint32_t> bad;
    if (!m_verifier.checkWaiting(&bad))
        return finish(ReceiveExit::Failure, QStringLiteral("cannot read back %1").arg(m_options.output));
    forgetBadChunks(bad);
    acceptZeroChunks(batch.first, count);
    fetchMissing(); // if a fallback waited for them
    checkComplete();
}

void Receiver::acceptZeroChunks(std::uint32_t first, std::uint32_t count)
{
    // The server does not send chunks of zeros: their digest tells them.
    for (std::uint32_t chunk = first; chunk < first + count; ++chunk) {
        const qint64 length = chunkLength(chunk, m_imageSize);
        if (!ZeroChunks::isZeroDigest(m_verifier.digest(chunk), length) || !m_zeroChunks.set(chunk))
            continue;
        ++m_zeroChunkCount;
        // A plain image's blocks of it are held now. A compressed image's
        // frame of it is a few bytes, sharing blocks with its neighbours:
        // it comes, and is dropped unread.
        if (!m_compressed)
            m_received.setRange(blocksOfChunk(chunk, m_received.size()));
        if (!m_verifier.acceptUnread(chunk))
            return finish(ReceiveExit::Failure, QStringLiteral("cannot read back %1").arg(m_options.output));
    }
}

bool Receiver::zeroPendingChunks(Error *error)
{
    // Adjacent chunks of zeros are zeroed as one range.
    for (std::uint32_t chunk = 0; chunk < m_zeroChunks.size();) {
        chunk = m_zeroChunks.nextSet(chunk);
        std::uint32_t end = chunk;
        while (end < m_zeroChunks.size() && m_zeroChunks.test(end))
            ++end;
        if (chunk == end)
            break;
        const qint64 offset = qint64(chunk) * kChunkBytes;
        const qint64 stop = qint64(end - 1) * kChunkBytes + chunkLength(end - 1, m_imageSize);
        if (!m_output->zeroRange(offset, stop - offset, error))
            return false;
        chunk = end;
    }
    return true;
}

bool Receiver::readChunk(std::uint32_t chunk, QByteArray *bytes)
{
    if (m_zeroChunks.test(chunk)) { // not on the target yet: zeroed at the end
        *bytes = QByteArray(chunkLength(chunk, m_imageSize), '\0');
        return true;
    }
    const qint64 length = chunkLength(chunk, m_imageSize);
    bytes->resize(length);
    Error error;
    if (!m_output->readAt(qint64(chunk) * kChunkBytes, bytes->data(), length, &error)) {
        report(error.message);
        return false;
    }
    return true;
}

void Receiver::forgetBadChunks(const std::vector<std::uint32_t> &chunks)
{
    for (std::uint32_t chunk : chunks)
        receiveAgain(chunk, blocksOfChunk(chunk, m_received.size()));
}

void Receiver::receiveAgain(std::uint32_t chunk, const BlockRange &blocks)
{
    m_received.clearRange(blocks);
    if (m_verifier.failures() <= kBadChunksReported)
        report(QStringLiteral("chunk %1 (blocks %2-%3) failed its SHA-256: damaged or forged data; receiving it again")
                   .arg(chunk).arg(blocks.first).arg(blocks.last));
    // By multicast, the next NAK asks for it; by unicast, ask now.
    if (m_method == TransferMethod::Unicast)
        m_link.sendFetch({blocks});
}

void Receiver::onJoined(const JoinReply &reply)
{
    m_clientId = reply.clientId;
    m_token = reply.token;
    m_size = reply.size;
    m_expectedSha256 = reply.sha256;
    if (m_reconnectClock.isValid()) {
        // Back after losing the server: the same image, or nothing.
        if (std::uint32_t(reply.blockCount) != m_received.size() || m_expectedSha256 != m_announcedSha256) {
            finish(ReceiveExit::Failure, u"the server came back with a different image"_qs);
            return;
        }
        m_reconnectClock.invalidate();
        m_method = TransferMethod::Multicast; // a fallback in progress is over with the old server
        m_seenAny = false;
        m_advanced = 0;
        m_nakTimer.start();
        report(QStringLiteral("back with the server as client %1; resuming with %2% held")
                   .arg(m_clientId).arg(100.0 * double(bytesHeld()) / double(m_size), 0, 'f', 1));
        if (reply.unicast)
            startFallback();
        else if (listenOn(reply.group, reply.port))
            checkComplete();
        return;
    }
    m_announcedSha256 = m_expectedSha256;
    m_folder = reply.folder;
    m_compressed = reply.compressed;
    m_imageSize = reply.imageSize;
    if (m_folder && m_output->isDisk()) {
        finish(ReceiveExit::DiskRefused, QStringLiteral("%1 is a folder, which cannot be written to the disk %2; nothing was written to it")
                                             .arg(reply.session, m_options.output));
        return;
    }
    // A folder is written whole under a name nothing has: never merged into
    // (or over) what is there.
    if (m_folder && QFileInfo::exists(m_options.output)) {
        finish(ReceiveExit::Failure, QStringLiteral("%1 is a folder, and %2 exists: give --output a name that does not exist yet")
                                         .arg(reply.session, m_options.output));
        return;
    }
    m_received = BlockBitmap(std::uint32_t(reply.blockCount));
    const auto imageBlocks = std::uint32_t((m_imageSize + qint64(kBlockPayloadSize) - 1) / qint64(kBlockPayloadSize));
    m_zeroChunks = BlockBitmap(chunkCountFor(imageBlocks));
    if (m_compressed)
        m_frames.start(m_size, reply.chunkCount);
    m_verifier.start(imageBlocks, reply.chunkCount > 0,
                     [this](std::uint32_t chunk, QByteArray *bytes) { return readChunk(chunk, bytes); });
    Error error;
    if (!m_output->create(m_imageSize, &error)) {
        finish(m_output->isDisk() ? ReceiveExit::DiskRefused : ReceiveExit::Failure, error.message);
        return;
    }

    m_rateClock.start();
    m_statusTimer.start();
    if (reply.unicast) {
        // No multicast transmission of this image: all of it by unicast, as
        // a WDS client gets an image nobody multicasts.
        report(QStringLiteral("joined %1 as client %2: %3 by unicast (the image has no multicast transmission)")
                   .arg(reply.session).arg(m_clientId).arg(sizeText()));
        startFallback();
        return;
    }
    if (!listenOn(reply.group, reply.port))
        return;
    report(QStringLiteral("joined %1 as client %2: %3 from %4:%5")
               .arg(reply.session).arg(m_clientId).arg(sizeText(), reply.group.toString()).arg(reply.port));
    m_nakTimer.start();
    sendStatus();
}

QString Receiver::sizeText() const
{
    return m_compressed ? QStringLiteral("%1 bytes compressed, %2 bytes of image").arg(m_size).arg(m_imageSize)
                        : QStringLiteral("%1 bytes").arg(m_size);
}

bool Receiver::listenOn(const QHostAddress &group, quint16 port)
{
    m_notifier.reset();
    QString socketError;
    if (!m_multicast.open(m_options.interfaceAddress, group, port, &socketError)) {
        finish(ReceiveExit::Failure, QStringLiteral("cannot join %1:%2 on %3: %4")
                                         .arg(group.toString()).arg(port).arg(m_options.interfaceAddress.toString(), socketError));
        return false;
    }
    m_notifier = std::make_unique<QSocketNotifier>(m_multicast.descriptor(), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &Receiver::onDatagramsReady);
    return true;
}

void Receiver::onMove(const QHostAddress &group, quint16 port, const QString &message)
{
    if (m_method != TransferMethod::Multicast || m_done)
        return;
    report(message);
    // What we hold stays. Only the carousel position starts afresh: the new
    // stream is somewhere else in its round, and NAKs cover what went by there.
    m_seenAny = false;
    m_advanced = 0;
    if (m_state == ClientState::Repairing)
        m_state = ClientState::Receiving;
    if (!listenOn(group, port))
        return;
    // Ask the new stream at once for what we lack (as far as one NAK goes),
    // instead of waiting for its carousel to come round to it.
    const std::vector<BlockRange> missing = m_received.missingRanges(0, m_received.size(), kMaxNakRanges);
    if (!missing.empty())
        m_link.sendNak(missing, true);
}

void Receiver::onKick(const QString &reason, const QString &message)
{
    if (reason == u"fallback"_qs && m_options.fallback) {
        report(QStringLiteral("%1").arg(message));
        startFallback();
    } else if (reason == u"abort"_qs) {
        finish(ReceiveExit::Aborted, QStringLiteral("transfer aborted: %1").arg(message));
    } else {
        finish(ReceiveExit::Disconnected, QStringLiteral("disconnected without fallback: %1").arg(message));
    }
}

void Receiver::startFallback()
{
    m_notifier.reset();
    m_multicast.close();
    m_nakTimer.stop();
    m_method = TransferMethod::Unicast;
    m_state = ClientState::Receiving;
    m_fetchPending = true;
    fetchMissing();
    sendStatus();
    checkComplete();
}

void Receiver::fetchMissing()
{
    // Chunks of zeros are known from their digests and never fetched: wait
    // for all of them (they follow the join reply at once).
    if (!m_fetchPending || !m_verifier.allDigestsKnown())
        return;
    m_fetchPending = false;
    const std::vector<BlockRange> missing = m_received.missingRanges(0, m_received.size(), m_received.size());
    for (std::size_t i = 0; i < missing.size(); i += kMaxFetchRangesPerMessage) {
        const std::vector<BlockRange> part(missing.begin() + i,
                                           missing.begin() + std::min(missing.size(), i + kMaxFetchRangesPerMessage));
        m_link.sendFetch(part);
    }
}

void Receiver::onUnicastData(qint64 first, const QByteArray &payload)
{
    if (m_method != TransferMethod::Unicast)
        return;
    const qint64 blocks = (payload.size() + qint64(kBlockPayloadSize) - 1) / qint64(kBlockPayloadSize);
    // Whole blocks from `first` on; only the image's last block may be short.
    if (first < 0 || payload.isEmpty() || first + blocks > qint64(m_received.size())
        || !validBlockLength(std::uint32_t(first + blocks - 1),
                             std::size_t(payload.size() - (blocks - 1) * qint64(kBlockPayloadSize)))) {
        finish(ReceiveExit::Failure, u"the server sent data outside the image"_qs);
        return;
    }
    storeRun(std::uint32_t(first), reinterpret_cast<const unsigned char *>(payload.constData()),
             std::size_t(payload.size()));
    checkComplete();
}

void Receiver::onDatagramsReady()
{
    for (int wakeup = 0; wakeup < kDatagramsPerWakeup / kBatch && m_notifier; ++wakeup) {
        const int received = m_multicast.receiveMany(m_batch.data(), kDatagramStride, kBatch, m_batchSizes);
        for (int i = 0; i < received && !m_done; ++i) {
            if (m_options.simulatedLossPercent > 0
                && int(QRandomGenerator::global()->bounded(100)) < m_options.simulatedLossPercent)
                continue;
            BlockHeader header;
            const unsigned char *payload = nullptr;
            if (parseBlockDatagram(m_batch.data() + std::size_t(i) * kDatagramStride, m_batchSizes[i], &header, &payload)
                    != DatagramStatus::Ok
                || header.session != m_token || header.count != m_received.size())
                continue; // damaged, or not ours: the carousel or a NAK brings it again
            if (header.flags & BlockFlag::Repair) {
                if (!m_received.test(header.index))
                    ++m_repairedBlocks;
            } else {
                trackCarousel(header.index);
            }
            if (!m_received.test(header.index) && validBlockLength(header.index, header.length))
                appendToRun(header.index, payload, header.length);
        }
        flushRun();
        if (received < kBatch)
            break;
    }
    checkComplete();
}

bool Receiver::validBlockLength(std::uint32_t index, std::size_t length) const
{
    const std::size_t expected = index + 1 == m_received.size()
        ? std::size_t(m_size - qint64(index) * qint64(kBlockPayloadSize)) : kBlockPayloadSize;
    return length == expected;
}

void Receiver::appendToRun(std::uint32_t index, const unsigned char *data, std::size_t length)
{
    if (m_runBlocks > 0 && index != m_runFirst + m_runBlocks)
        flushRun();
    if (m_runBlocks == 0)
        m_runFirst = index;
    m_run.append(reinterpret_cast<const char *>(data), qsizetype(length));
    ++m_runBlocks;
}

void Receiver::flushRun()
{
    if (m_runBlocks == 0)
        return;
    storeRun(m_runFirst, reinterpret_cast<const unsigned char *>(m_run.constData()), std::size_t(m_run.size()));
    m_run.resize(0); // keeps its capacity
    m_runBlocks = 0;
}

void Receiver::storeRun(std::uint32_t first, const unsigned char *data, std::size_t length)
{
    if (m_done)
        return;
    Error error;
    if (m_firstDataMs < 0)
        m_firstDataMs = m_rateClock.elapsed();
    if (m_state == ClientState::Waiting)
        m_state = ClientState::Receiving;
    if (m_compressed)
        return storeCompressed(first, data, length);
    m_diskWritten = m_output->isDisk();
    if (!m_output->writeAt(qint64(first) * qint64(kBlockPayloadSize), data, qint64(length), &error)) {
        finish(ReceiveExit::Failure, error.message);
        return;
    }
    // Each block counts once towards its chunk, however often it came.
    const auto end = first + std::uint32_t((length + kBlockPayloadSize - 1) / kBlockPayloadSize);
    std::vector<std::uint32_t> bad;
    for (std::uint32_t block = first; block < end;) {
        if (!m_received.set(block)) {
            ++block;
            continue;
        }
        std::uint32_t runEnd = block + 1;
        while (runEnd < end && m_received.set(runEnd))
            ++runEnd;
        if (!m_verifier.stored(block, runEnd - block, &bad)) {
            finish(ReceiveExit::Failure, QStringLiteral("cannot read back %1").arg(m_options.output));
            return;
        }
        block = runEnd + 1; // runEnd itself was held already (or is the end)
    }
    forgetBadChunks(bad);
}

void Receiver::storeCompressed(std::uint32_t first, const unsigned char *data, std::size_t length)
{
    const auto blocks = std::uint32_t((length + kBlockPayloadSize - 1) / kBlockPayloadSize);
    std::vector<std::uint32_t> completed;
    for (std::uint32_t i = 0; i < blocks && !m_done; ++i) {
        const std::uint32_t block = first + i;
        // A block whose frames have no room yet comes again by multicast
        // (FrameAssembler). A fetch asks once: by unicast, every block is taken.
        if (m_received.test(block) || !m_frames.canTake(block, m_method == TransferMethod::Multicast))
            continue;
        m_received.set(block);
        const std::size_t offset = std::size_t(i) * kBlockPayloadSize;
        m_frames.store(block, data + offset, std::min(kBlockPayloadSize, length - offset), m_received, &completed);
        for (std::uint32_t frame : completed)
            unpackFrame(frame);
        completed.clear();
    }
}

void Receiver::unpackFrame(std::uint32_t frame)
{
    const QByteArray compressed = m_frames.take(frame);
    if (m_zeroChunks.test(frame) || m_done)
        return; // held already, zeroed at the end
    const qint64 length = chunkLength(frame, m_imageSize);
    QByteArray chunk;
    if (!SeekableZstd::decompressFrame(compressed.constData(), std::size_t(compressed.size()), length, &chunk))
        chunk.clear(); // fails its digest below, as damaged data does
    if (!m_verifier.matches(frame, chunk)) {
        m_frames.reopen(frame);
        receiveAgain(frame, m_frames.blocksOf(frame));
        return;
    }
    Error error;
    m_diskWritten = m_output->isDisk();
    if (!m_output->writeAt(qint64(frame) * kChunkBytes, chunk.constData(), length, &error))
        return finish(ReceiveExit::Failure, error.message);
    if (!m_verifier.acceptChecked(frame, chunk))
        finish(ReceiveExit::Failure, QStringLiteral("cannot read back %1").arg(m_options.output));
}

void Receiver::trackCarousel(std::uint32_t index)
{
    if (!m_seenAny) {
        m_seenAny = true;
        m_firstSeen = m_lastSeen = index;
        return;
    }
    const std::uint32_t count = m_received.size();
    m_advanced += (index + count - m_lastSeen) % count;
    m_lastSeen = index;
    if (m_advanced >= count && m_state == ClientState::Receiving)
        m_state = ClientState::Repairing; // a whole round went by and we still lack blocks
}

void Receiver::sendNak()
{
    if (!m_seenAny || m_received.isComplete())
        return;
    const auto span = std::uint32_t(std::min<quint64>(m_advanced + 1, m_received.size()));
    const std::vector<BlockRange> missing = m_received.missingRanges(m_firstSeen, span, kMaxNakRanges);
    if (!missing.empty())
        m_link.sendNak(missing);
}

qint64 Receiver::bytesHeld() const
{
    qint64 bytes = qint64(m_received.setCount()) * qint64(kBlockPayloadSize);
    if (m_received.size() > 0 && m_received.test(m_received.size() - 1))
        bytes -= qint64(kBlockPayloadSize) - (m_size - qint64(m_received.size() - 1) * qint64(kBlockPayloadSize));
    return bytes;
}

void Receiver::sendStatus()
{
    if (!m_metrics)
        return;
    const HostMetrics::Sample host = m_metrics->sample();
    const qint64 bytes = bytesHeld();
    const qint64 now = m_rateClock.elapsed();
    const qint64 rate = now > m_lastReportMs ? (bytes - m_lastReportedBytes) * 1000 / (now - m_lastReportMs) : 0;
    m_lastReportedBytes = bytes;
    m_lastReportMs = now;
    m_link.sendStatus({bytes, rate, host.cpu, host.memory, host.network, m_state});
    if (++m_reportsSinceLine >= kProgressLineEverySeconds) {
        m_reportsSinceLine = 0;
        report(QStringLiteral("%1% %2 MB/s by %3, %4")
                   .arg(100.0 * double(bytes) / double(m_size), 0, 'f', 1)
                   .arg(double(rate) / 1e6, 0, 'f', 1)
                   .arg(toText(m_method), toText(m_state)));
    }
}

void Receiver::checkComplete()
{
    if (m_done || !m_received.isComplete() || m_received.size() == 0 || !m_verifier.allVerified())
        return;
    m_notifier.reset();
    m_multicast.close();
    m_nakTimer.stop();
    m_state = ClientState::Verifying;
    sendStatus();
    const QByteArray actual = m_verifier.imageSha256(); // over the checked chunks, as they came
    if (actual != m_expectedSha256) {
        finish(ReceiveExit::Failure, QStringLiteral("SHA-256 mismatch: expected %1, got %2")
                                         .arg(QString::fromLatin1(m_expectedSha256.toHex()), QString::fromLatin1(actual.toHex())));
        return;
    }
    Error error;
    if (!finishOutput(&error)) {
        finish(ReceiveExit::Failure, error.message);
        return;
    }
    m_diskWritten = false; // the disk holds the image now
    if (const QString notice = m_output->commitNotice(); !notice.isEmpty())
        report(notice);
    const QString hex = QString::fromLatin1(actual.toHex());
    m_link.sendComplete(actual);
    const double seconds = double(m_rateClock.elapsed() - std::max<qint64>(0, m_firstDataMs)) / 1000.0;
    const QString refetched = m_verifier.failures() == 0
        ? QString() : QStringLiteral(", %1 chunks received again after failing their SHA-256").arg(m_verifier.failures());
    finish(ReceiveExit::Success, QStringLiteral("complete by %1 (%2 blocks repaired after NAKs%3) in %4 s from the first "
                                                "data, SHA-256 %5 verified: %6")
                                     .arg(toText(m_method)).arg(m_repairedBlocks).arg(refetched).arg(seconds, 0, 'f', 3)
                                     .arg(hex, m_options.output));
}

bool Receiver::finishOutput(Error *error)
{
    m_diskWritten = m_output->isDisk();
    if (!zeroPendingChunks(error) || !m_output->flush(error))
        return false;
    if (m_options.verifyAfter) {
        report(QStringLiteral("reading %1 back to verify it").arg(m_options.output));
        QByteArray actual;
        if (!readBack(&actual, error))
            return false;
        if (actual != m_expectedSha256) {
            *error = {QLatin1String(ErrorCode::StorageError),
                      QStringLiteral("%1 does not read back as written: SHA-256 %2, expected %3")
                          .arg(m_options.output, QString::fromLatin1(actual.toHex()), QString::fromLatin1(m_expectedSha256.toHex()))};
            return false;
        }
    }
    if (!m_folder)
        return m_output->commit(error);
    if (!FolderBundle::unpack(m_output->writingPath(), m_options.output, error))
        return false;
    m_output->discard(); // the bundle, now that the tree is out of it
    return true;
}

bool Receiver::readBack(QByteArray *sha256, Error *error)
{
    constexpr qint64 kStep = 8 * 1024 * 1024;
    Sha256 whole;
    QByteArray buffer(kStep, Qt::Uninitialized);
    for (qint64 offset = 0; offset < m_imageSize; offset += kStep) {
        const qint64 length = std::min(kStep, m_imageSize - offset);
        if (!m_output->readAt(offset, buffer.data(), length, error))
            return false;
        whole.addData(buffer.constData(), std::size_t(length));
    }
    *sha256 = whole.result();
    return true;
}

void Receiver::finish(int exitCode, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_statusTimer.stop();
    m_nakTimer.stop();
    m_notifier.reset();
    m_multicast.close();
    if (exitCode != ReceiveExit::Success)
        m_output->discard();
    if (exitCode == ReceiveExit::Success)
        report(message);
    else
        std::fprintf(stderr, "deploycast-receive: %s\n", qPrintable(printable(message)));
    if (m_diskWritten)
        std::fprintf(stderr, "deploycast-receive: the disk %s is not usable: it holds only part of the image. "
                             "Run the receiver again to write it whole.\n", qPrintable(printable(m_options.output)));
    // Let the last frames (the completion notice) reach the server before
    // the process ends, but do not hang on a server that stopped reading.
    disconnect(&m_link, nullptr, this, nullptr);
    auto emitOnce = [this, exitCode] {
        if (!m_exitSignalled) {
            m_exitSignalled = true;
            Q_EMIT finished(exitCode);
        }
    };
    if (m_link.isOpen()) {
        connect(&m_link, &ReceiverLink::lost, this, emitOnce);
        QTimer::singleShot(kFlushTimeoutMs, this, emitOnce);
        // After success the server closes once it has the completion, so a
        // machine that powers off next knows it was told.
        if (exitCode != ReceiveExit::Success)
            m_link.close();
    } else {
        QTimer::singleShot(0, this, emitOnce);
    }
}

void Receiver::report(const QString &line) const
{
    if (!m_options.quiet)
        std::fprintf(stderr, "deploycast-receive: %s\n", qPrintable(printable(line)));
}

} // namespace deploycast
