// SPDX-License-Identifier: GPL-3.0-or-later
// Receivers that lie about what they lost, and strangers who forge data:
// against the real deploycastd and real deploycast-receive processes. A NAK
// costs what it says, one receiver's claims cannot slow everyone, and forged
// blocks cost a chunk, not the transfer.
#include "block_listener.h"
#include "proc_stats.h"
#include "protocol/block_datagram.h"
#include "protocol/messages.h"
#include "raw_peer.h"
#include "test_bed.h"

#include <QCborArray>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>

using namespace deploycast;

namespace {
constexpr qint64 kMiB = 1024 * 1024;

// Tracks how far a transmission's carousel has gone since the first
// datagram heard.
class StreamWatcher
{
public:
    bool open(const QCborMap &joinReply)
    {
        m_blockCount = quint32(joinReply.value(u"blockCount"_qs).toInteger());
        return m_listener.open(joinReply.value(u"group"_qs).toString(), quint16(joinReply.value(u"port"_qs).toInteger()),
                               [this](const BlockHeader &header) { onBlock(header); });
    }
    quint64 advanced() const { return m_advanced; }
    quint32 firstSeen() const { return m_first; }

private:
    void onBlock(const BlockHeader &header)
    {
        if (header.flags & BlockFlag::Repair)
            return;
        if (!m_seen) {
            m_seen = true;
            m_first = m_last = header.index;
            return;
        }
        m_advanced += (header.index + m_blockCount - m_last) % m_blockCount;
        m_last = header.index;
    }

    BlockListener m_listener;
    quint32 m_blockCount = 0;
    bool m_seen = false;
    quint32 m_first = 0;
    quint32 m_last = 0;
    quint64 m_advanced = 0;
};

QCborArray rangeTimes(qint64 first, qint64 last, int times)
{
    QCborArray ranges;
    for (int i = 0; i < times; ++i)
        ranges.append(QCborArray{first, last});
    return ranges;
}

} // namespace

class TestNakAbuse : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;
    std::vector<std::unique_ptr<RawPeer>> peers;

    RawPeer *joinedPeer(const QString &transmission, const QString &machine, QCborMap *reply)
    {
        peers.push_back(std::make_unique<RawPeer>(bed->port()));
        RawPeer *peer = peers.back().get();
        if (!peer->waitEncrypted())
            return nullptr;
        const auto joined = peer->join(transmission, machine);
        if (!joined)
            return nullptr;
        *reply = *joined;
        return peer;
    }

    // Seconds from starting a real receiver to its verified exit (0: it failed).
    double timedReceive(const QString &machine)
    {
        QElapsedTimer clock;
        clock.start();
        QProcess *receiver = bed->startReceiver(machine, u"Lab"_qs);
        return TestBed::finishAndGetExitCode(receiver, 120000) == 0 ? double(clock.elapsed()) / 1000.0 : 0;
    }

private Q_SLOTS:
    void init() { bed = std::make_unique<TestBed>(); }
    void cleanup()
    {
        peers.clear();
        bed.reset();
    }

    void aNakListingTheImage4096TimesCostsUnder5MsOfCpu()
    {
        bed->makeImage(u"big.img"_qs, 100 * kMiB);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Big"_qs, u"big.img"_qs).exitCode, 0);
        QList<RawPeer *> nakers;
        QCborMap reply;
        for (int i = 0; i < 4; ++i) {
            RawPeer *peer = joinedPeer(u"Big"_qs, QStringLiteral("naker%1").arg(i), &reply);
            QVERIFY(peer);
            nakers.append(peer);
        }
        // Wait for a whole round to go by since they joined, so that "I lost
        // everything" is a claim they could make.
        StreamWatcher watcher;
        QVERIFY(watcher.open(reply));
        const qint64 blockCount = reply.value(u"blockCount"_qs).toInteger();
        QVERIFY(TestBed::waitUntil([&] { return watcher.advanced() > quint64(blockCount); }, 60000));

        // What the server spends meanwhile on the transfer itself, per second,
        // so that only the NAKs' share is counted below.
        QElapsedTimer clock;
        clock.start();
        const double idleBefore = proc_stats::cpuSeconds(bed->serverPid());
        QTest::qWait(1000);
        const double busyPerSecond = (proc_stats::cpuSeconds(bed->serverPid()) - idleBefore) * 1000.0 / double(clock.restart());
        const double before = proc_stats::cpuSeconds(bed->serverPid());
        const QByteArray nak = encodeFrame(proto::notify(u"nak"_qs, {{u"ranges"_qs, rangeTimes(0, blockCount - 1, 4096)}}));
        QCOMPARE(nak.size() > 28'000, true);
        constexpr int kNaksEach = 25;
        for (RawPeer *peer : nakers) {
            QByteArray burst;
            for (int i = 0; i < kNaksEach; ++i)
                burst += nak;
            // A request after them: its (refused) reply says they were all read.
            burst += encodeFrame(proto::request(99, u"ping"_qs, {}));
            peer->sendRaw(burst);
        }
        const bool answered = TestBed::waitUntil([&] {
            return std::all_of(nakers.cbegin(), nakers.cend(), [](RawPeer *peer) {
                return std::any_of(peer->frames().cbegin(), peer->frames().cend(),
                                   [](const QCborMap &frame) { return frame.value(u"id"_qs).toInteger() == 99; });
            });
        }, 30000);
        const double window = double(clock.elapsed()) / 1000.0;
        const double used = proc_stats::cpuSeconds(bed->serverPid()) - before;
        const double perNak = std::max(0.0, used - busyPerSecond * window) / (4 * kNaksEach);
        qInfo("server CPU per 4,096-fold NAK of the whole image: %.2f ms (the bound is 5 ms); %.0f ms in %.0f ms "
              "with the NAKs, %.0f ms a second without",
              perNak * 1000, used * 1000, window * 1000, busyPerSecond * 1000);
        QVERIFY2(perNak < 0.005, qPrintable(QStringLiteral("%1 ms of CPU per NAK").arg(perNak * 1000)));
        QVERIFY2(answered, "a NAKing receiver was dropped or not answered");
    }

    void aNakSpammerDoesNotSlowATransfer_data()
    {
        QTest::addColumn<bool>("claimsOnlyWhatWentBy");
        QTest::newRow("NAKs the whole image every 200 ms") << false;
        QTest::newRow("NAKs everything that went by, every 200 ms") << true;
    }

    void aNakSpammerDoesNotSlowATransfer()
    {
        QFETCH(bool, claimsOnlyWhatWentBy);
        bed->makeImage(u"lab.img"_qs, 20 * kMiB);
        // Capped, so the time depends on the rate the sender keeps and not on
        // how busy this machine is.
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"20"_qs}));
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        const double alone = timedReceive(u"alone"_qs);
        QVERIFY(alone > 0);

        QCborMap reply;
        RawPeer *spammer = joinedPeer(u"Lab"_qs, u"spammer"_qs, &reply);
        QVERIFY(spammer);
        const qint64 blockCount = reply.value(u"blockCount"_qs).toInteger();
        StreamWatcher watcher;
        QVERIFY(watcher.open(reply));
        QTimer spam;
        connect(&spam, &QTimer::timeout, spammer, [&] {
            if (!claimsOnlyWhatWentBy) {
                spammer->send(proto::notify(u"nak"_qs, {{u"ranges"_qs, rangeTimes(0, blockCount - 1, 1)}}));
                return;
            }
            if (watcher.advanced() == 0)
                return;
            const qint64 span = qint64(std::min<quint64>(watcher.advanced(), quint64(blockCount - 1)));
            const qint64 first = watcher.firstSeen();
            const qint64 last = first + span;
            QCborArray ranges{QCborArray{first, std::min(last, blockCount - 1)}};
            if (last >= blockCount)
                ranges.append(QCborArray{0, last - blockCount});
            spammer->send(proto::notify(u"nak"_qs, {{u"ranges"_qs, ranges}}));
        });
        spam.start(200);
        const double withSpammer = timedReceive(u"beside"_qs);
        QVERIFY(withSpammer > 0);
        qInfo("%.2f s alone, %.2f s beside the spammer (%.2fx; the bound is 1.5x)", alone, withSpammer, withSpammer / alone);
        QVERIFY2(withSpammer <= 1.5 * alone,
                 qPrintable(QStringLiteral("%1 s beside the spammer, %2 s alone").arg(withSpammer).arg(alone)));
    }

    void forgedDatagramsCostAChunkNotTheTransfer()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, 16 * kMiB));
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"4"_qs}));
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        // The forger joins like anyone may, and so learns the session token.
        QCborMap reply;
        QVERIFY(joinedPeer(u"Lab"_qs, u"forger"_qs, &reply));
        QList<QProcess *> receivers{bed->startReceiver(u"pc1"_qs, u"Lab"_qs), bed->startReceiver(u"pc2"_qs, u"Lab"_qs)};
        QVERIFY(TestBed::waitUntil([&] {
            const auto client = bed->clientNamed(u"Lab"_qs, u"pc1"_qs);
            return client && client->value(u"percent"_qs).toDouble() >= 10;
        }));
        // Valid-looking datagrams (right token, right CRC) with wrong bytes,
        // for every block from a third of the way on: ahead of the carousel.
        MulticastSendSocket forger;
        QString error;
        QVERIFY2(forger.open(QHostAddress::LocalHost, QHostAddress(reply.value(u"group"_qs).toString()),
                             quint16(reply.value(u"port"_qs).toInteger()), &error), qPrintable(error));
        const auto blockCount = quint32(reply.value(u"blockCount"_qs).toInteger());
        const auto token = quint32(reply.value(u"token"_qs).toInteger());
        std::vector<unsigned char> datagram(kMaxBlockDatagram);
        QByteArray junk(int(kBlockPayloadSize), Qt::Uninitialized);
        for (quint32 index = blockCount / 3; index + 1 < blockCount; ++index) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(junk.data()), junk.size() / 4);
            const BlockHeader header{token, index, blockCount, std::uint16_t(kBlockPayloadSize), 0};
            const std::size_t size = writeBlockDatagram(datagram.data(), header, junk.constData());
            while (!forger.send(datagram.data(), size))
                QTest::qWait(1);
            if (index % 256 == 0)
                QTest::qWait(5); // let the receivers keep up
        }
        for (QProcess *receiver : receivers) {
            const int exitCode = TestBed::finishAndGetExitCode(receiver, 120000);
            const QString log = QString::fromUtf8(receiver->readAllStandardError());
            QVERIFY2(exitCode == 0, qPrintable(log));
            // The forgery did land, and was caught chunk by chunk.
            QVERIFY2(log.contains(u"failed its SHA-256"_qs), qPrintable(log));
        }
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc1"_qs)), expected);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc2"_qs)), expected);
    }
};

QTEST_MAIN(TestNakAbuse)
#include "tst_nak_abuse.moc"
