// SPDX-License-Identifier: GPL-3.0-or-later
// One bad peer must not hurt anyone else: peers that never read, read
// slowly, park frames before their hello, trickle bytes, or send values no
// honest peer would, against the real deploycastd. Memory and CPU are read
// from /proc; the bounds are the issue's ("One bad peer must not hurt anyone
// else"), far from what an honest server needs and far below what the
// attacks cost before the fixes.
#include "frame_bytes.h"
#include "proc_stats.h"
#include "protocol/messages.h"
#include "raw_peer.h"
#include "test_bed.h"

#include <QCborArray>
#include <QCborStreamWriter>
#include <QJsonArray>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <limits>

using namespace deploycast;

namespace {
constexpr qint64 kMiB = 1024 * 1024;

bool isBye(const QCborMap &frame, const QString &code)
{
    return proto::typeOf(frame) == u"bye"_qs && proto::errorFrom(frame).code == code;
}
} // namespace

class TestHostilePeers : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;
    std::vector<std::unique_ptr<RawPeer>> peers;

    qint64 serverRssKiB() const { return proc_stats::residentKiB(bed->serverPid()); }

    bool droppedAsNotReading(RawPeer *peer) const
    {
        return bed->serverOutput().contains(peer->localText() + u" dropped: not reading"_qs);
    }

    // Watches the server's memory for `ms`, and returns the most it grew
    // over `before`; stops early once it passes `limitKiB` (the attacks this
    // guards against grew it by a gigabyte a second).
    qint64 growthOver(qint64 before, int ms, qint64 limitKiB) const
    {
        qint64 most = 0;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms && most <= limitKiB) {
            QTest::qWait(100);
            most = std::max(most, serverRssKiB() - before);
        }
        return most;
    }

    RawPeer *newPeer(const QHostAddress &source = {})
    {
        peers.push_back(std::make_unique<RawPeer>(bed->port(), source));
        return peers.back().get();
    }

    // A receiver told to finish by unicast: joined, disconnected without Force.
    RawPeer *fallbackPeer(const QString &transmission, qint64 *blockCount)
    {
        RawPeer *peer = newPeer();
        if (!peer->waitEncrypted())
            return nullptr;
        const auto joined = peer->join(transmission, u"hostile"_qs);
        if (!joined)
            return nullptr;
        *blockCount = joined->value(u"blockCount"_qs).toInteger();
        const qint64 id = joined->value(u"clientId"_qs).toInteger();
        if (bed->cli({u"/Disconnect-Client"_qs, QStringLiteral("/ClientId:%1").arg(id)}).exitCode != 0)
            return nullptr;
        const auto kick = peer->waitForFrame([](const QCborMap &frame) {
            return frame.value(u"event"_qs).toString() == u"kick"_qs;
        });
        return kick ? peer : nullptr;
    }

    static QCborArray wholeImage(qint64 blockCount, int times)
    {
        QCborArray ranges;
        for (int i = 0; i < times; ++i)
            ranges.append(QCborArray{0, blockCount - 1});
        return ranges;
    }

private Q_SLOTS:
    void init() { bed = std::make_unique<TestBed>(); }
    void cleanup()
    {
        peers.clear();
        bed.reset();
    }

    void aFallbackPeerThatReadsSlowlyOrNeverKeepsTheServerSmall_data()
    {
        QTest::addColumn<int>("bytesPerTenthSecond");
        QTest::newRow("never reads") << 0;
        QTest::newRow("reads 640 KB/s") << 64 * 1024;
    }

    void aFallbackPeerThatReadsSlowlyOrNeverKeepsTheServerSmall()
    {
        QFETCH(int, bytesPerTenthSecond);
        bed->makeImage(u"big.img"_qs, 100 * kMiB);
        QVERIFY(bed->startServer({u"--client-timeout"_qs, u"3"_qs}));
        QCOMPARE(bed->newTransmission(u"Big"_qs, u"big.img"_qs, {u"/TransmissionType:ScheduledCast"_qs}).exitCode, 0);
        qint64 blockCount = 0;
        RawPeer *peer = fallbackPeer(u"Big"_qs, &blockCount);
        QVERIFY(peer);
        const qint64 before = serverRssKiB();
        // The whole image asked for 4,096 times over, in one 28 KB message.
        peer->stopReading();
        peer->send(proto::notify(u"fetch"_qs, {{u"ranges"_qs, wholeImage(blockCount, 4096)}}));
        QTimer reader;
        if (bytesPerTenthSecond > 0) {
            peer->socket()->setReadBufferSize(bytesPerTenthSecond);
            connect(&reader, &QTimer::timeout, peer, [peer] { peer->socket()->readAll(); });
            reader.start(100);
        }
        const qint64 growth = growthOver(before, 5000, proc_stats::boundKiB(64));
        qInfo("the server grew by %lld MB at most", growth / 1024);
        QVERIFY2(growth < proc_stats::boundKiB(64), qPrintable(QStringLiteral("the server grew by %1 MB").arg(growth / 1024)));
        // It read nothing, and sent nothing, for the client timeout: dropped,
        // for one or the other. (A peer that does not read cannot see the
        // close itself; the server's log says it.)
        if (bytesPerTenthSecond == 0)
            QVERIFY(TestBed::waitUntil([&] { return bed->serverOutput().contains(peer->localText() + u" dropped:"_qs); }, 30000));
        QCOMPARE(bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs}).exitCode, 0);
    }

    void aViewerThatSubscribesOverAndOverWithoutReadingIsDropped()
    {
        bed->makeImage(u"lab.img"_qs, 4 * kMiB);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs}).exitCode, 0);
        // A snapshot of 500 clients is about 125 KB; at 1 KB/s none finishes.
        QVERIFY(bed->startLoadgen(u"Lab"_qs, 500, {u"--rate-profile"_qs, u"steady:1K"_qs}));
        RawPeer *viewer = newPeer();
        QVERIFY(viewer->waitEncrypted());
        viewer->stopReading();
        viewer->hello(u"viewer"_qs, bed->token(u"viewer"_qs));
        QByteArray requests;
        for (int i = 0; i < 2000; ++i)
            requests += encodeFrame(proto::request(i + 1, u"subscribe"_qs, {}));
        const qint64 before = serverRssKiB();
        viewer->sendRaw(requests);
        const qint64 growth = growthOver(before, 5000, proc_stats::boundKiB(64));
        qInfo("the server grew by %lld MB at most", growth / 1024);
        QVERIFY2(growth < proc_stats::boundKiB(64), qPrintable(QStringLiteral("the server grew by %1 MB").arg(growth / 1024)));
        QVERIFY(TestBed::waitUntil([&] { return droppedAsNotReading(viewer); }, 90000));
    }

    void twoHundredParkedFramesBeforeTheHelloCostLittleMemory()
    {
        QVERIFY(bed->startServer());
        // From 200 addresses, so no per-address limit hides what a frame costs.
        for (int i = 0; i < 200; ++i)
            newPeer(QHostAddress(QStringLiteral("127.0.1.%1").arg(i + 1)));
        for (auto &peer : peers)
            QVERIFY(peer->waitEncrypted());
        const qint64 before = serverRssKiB();
        // An almost-full 1 MiB frame each, never finished, and no hello.
        const QByteArray parked = lengthPrefix(quint32(kMiB - 16)) + QByteArray(int(kMiB - 100), 'x');
        for (auto &peer : peers)
            peer->sendRaw(parked);
        QVERIFY(TestBed::waitUntil([&] {
            return std::all_of(peers.cbegin(), peers.cend(), [](const std::unique_ptr<RawPeer> &peer) {
                return peer->closedByServer()
                       || (peer->socket()->bytesToWrite() == 0 && peer->socket()->encryptedBytesToWrite() == 0);
            });
        }, 60000));
        const qint64 growth = growthOver(before, 1000, proc_stats::boundKiB(50));
        qInfo("the server grew by %lld MB at most", growth / 1024);
        QVERIFY2(growth < proc_stats::boundKiB(50), qPrintable(QStringLiteral("the server grew by %1 MB").arg(growth / 1024)));
        QCOMPARE(bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs}).exitCode, 0);
    }

    void aReceiverThatTricklesBytesIsDroppedAtTheClientTimeout()
    {
        bed->makeImage(u"lab.img"_qs, 4 * kMiB);
        QVERIFY(bed->startServer({u"--client-timeout"_qs, u"3"_qs}));
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs}).exitCode, 0);
        RawPeer *peer = newPeer();
        QVERIFY(peer->waitEncrypted());
        QVERIFY(peer->join(u"Lab"_qs, u"trickler"_qs));
        // A frame that never ends: one byte of it every half second.
        peer->sendRaw(lengthPrefix(1000));
        QTimer trickle;
        connect(&trickle, &QTimer::timeout, peer, [peer] { peer->sendRaw("x"); });
        trickle.start(500);
        QVERIFY(TestBed::waitUntil([&] { return peer->closedByServer(); }, 20000));
        QVERIFY(peer->waitForFrame([](const QCborMap &frame) { return isBye(frame, u"timeout"_qs); }, 1000));
    }

    void theByeArrivesBeforeTheClose_data()
    {
        QTest::addColumn<bool>("afterHello");
        QTest::newRow("before the hello") << false;
        QTest::newRow("after a receiver's hello") << true;
    }

    void theByeArrivesBeforeTheClose()
    {
        QFETCH(bool, afterHello);
        QVERIFY(bed->startServer());
        RawPeer *peer = newPeer();
        QVERIFY(peer->waitEncrypted());
        if (afterHello) {
            peer->hello(u"receiver"_qs);
            QVERIFY(peer->waitForFrame([](const QCborMap &frame) { return proto::typeOf(frame) == u"welcome"_qs; }));
        }
        // Too long a frame, with more bytes behind it that the server never reads.
        peer->sendRaw(lengthPrefix(quint32(2 * kMiB)) + QByteArray(256 * 1024, 'x'));
        QVERIFY(peer->waitForFrame([](const QCborMap &frame) { return isBye(frame, u"malformed-frame"_qs); }));
    }

    void connectionsAreCappedPerAddressAndInAll()
    {
        QVERIFY(bed->startServer({u"--max-connections-per-address"_qs, u"20"_qs, u"--max-connections"_qs, u"60"_qs}));
        const QHostAddress crowded(u"127.0.0.5"_qs);
        for (int i = 0; i < 30; ++i)
            newPeer(crowded);
        // The first twenty are served; the other ten are closed at once.
        QVERIFY(TestBed::waitUntil([&] {
            return std::count_if(peers.cbegin(), peers.cend(), [](const auto &peer) { return peer->closedByServer(); }) == 10;
        }));
        QVERIFY(TestBed::waitUntil([&] {
            return std::all_of(peers.cbegin(), peers.cbegin() + 20, [](const auto &peer) { return peer->socket()->isEncrypted(); });
        }));
        // Other addresses are not affected...
        RawPeer *other = newPeer(QHostAddress(u"127.0.0.6"_qs));
        QVERIFY(other->waitEncrypted());
        QCOMPARE(bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs}).exitCode, 0);
        // ...until the server as a whole is full.
        std::vector<RawPeer *> many;
        for (int i = 0; i < 50; ++i)
            many.push_back(newPeer(QHostAddress(QStringLiteral("127.0.2.%1").arg(i + 1))));
        QVERIFY(TestBed::waitUntil([&] {
            return std::count_if(many.cbegin(), many.cend(), [](RawPeer *peer) { return peer->closedByServer(); }) >= 10;
        }));
        // Said in the log: the first at once, the rest as a count.
        QVERIFY(bed->serverOutput().contains(u"--max-connections-per-address"_qs));
        QVERIFY(TestBed::waitUntil([&] { return bed->serverOutput().contains(u"(--max-connections)"_qs); }));
    }

    void figuresNoHonestClientSendsAreRefusedOrTamed()
    {
        bed->makeImage(u"lab.img"_qs, 4 * kMiB);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs}).exitCode, 0);
        RawPeer *receiver = newPeer();
        QVERIFY(receiver->waitEncrypted());
        QVERIFY(receiver->join(u"Lab"_qs, u"odd"_qs));
        const double nan = std::numeric_limits<double>::quiet_NaN();
        receiver->send(proto::notify(u"status"_qs, {{u"bytes"_qs, std::numeric_limits<qint64>::max()},
                                                    {u"rate"_qs, -5},
                                                    {u"cpu"_qs, nan},
                                                    {u"memory"_qs, std::numeric_limits<double>::infinity()},
                                                    {u"network"_qs, -nan},
                                                    {u"state"_qs, u"receiving"_qs}}));
        QVERIFY(TestBed::waitUntil([&] {
            const auto client = bed->clientNamed(u"Lab"_qs, u"odd"_qs);
            return client && client->value(u"state"_qs).toString() == u"receiving"_qs;
        }));
        const TestBed::Result listing = bed->cli({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs, u"/Show:Clients"_qs});
        QVERIFY2(!listing.out.contains(u"nan"_qs, Qt::CaseInsensitive) && !listing.out.contains(u"inf"_qs, Qt::CaseInsensitive),
                 qPrintable(listing.out));
        const QJsonObject client = *bed->clientNamed(u"Lab"_qs, u"odd"_qs);
        for (const char *figure : {"cpu", "memory", "network", "rate"})
            QCOMPARE(client.value(QLatin1String(figure)).toDouble(-1), 0.0);
        QCOMPARE(client.value(u"percent"_qs).toDouble(-1), 100.0);

        // A threshold that would overflow once turned into bytes per second.
        RawPeer *admin = newPeer();
        QVERIFY(admin->waitEncrypted());
        admin->hello(u"admin"_qs, bed->token(u"admin"_qs));
        admin->send(proto::request(7, u"setPolicy"_qs, {{u"policy"_qs, u"AutoDisconnect"_qs},
                                                        {u"thresholdKBps"_qs, std::numeric_limits<qint64>::max()}}));
        const auto refused = admin->waitForFrame([](const QCborMap &frame) { return frame.value(u"id"_qs).toInteger() == 7; });
        QVERIFY(refused);
        QCOMPARE(proto::errorFrom(*refused).code, u"invalid-argument"_qs);
        const QJsonObject config = bed->cliJson({u"/Get-Server"_qs, u"/Show:Config"_qs}).value(u"server"_qs).toObject();
        QCOMPARE(config.value(u"slowClientPolicy"_qs).toObject().value(u"policy"_qs).toString(), u"None"_qs);
    }

    void aRequestWithAHundredThousandParametersCostsLittle()
    {
        QVERIFY(bed->startServer());
        RawPeer *viewer = newPeer();
        QVERIFY(viewer->waitEncrypted());
        viewer->hello(u"viewer"_qs, bed->token(u"viewer"_qs));
        // Written straight as CBOR: a QCborMap of this size takes seconds to build.
        QByteArray body;
        QCborStreamWriter writer(&body);
        writer.startMap(4);
        writer.append(u"type"_qs);
        writer.append(u"request"_qs);
        writer.append(u"id"_qs);
        writer.append(9);
        writer.append(u"method"_qs);
        writer.append(u"createSession"_qs);
        writer.append(u"params"_qs);
        // Keys in falling order: each would go first in a sorted container.
        writer.startMap(100'000);
        for (int i = 100'000; i > 0; --i) {
            writer.append(QStringLiteral("k%1").arg(i, 6, 10, QLatin1Char('0')));
            writer.append(1);
        }
        writer.endMap();
        writer.endMap();
        const double before = proc_stats::cpuSeconds(bed->serverPid());
        // Refused (a viewer may not create) and audited: neither may cost much.
        viewer->sendRaw(lengthPrefix(quint32(body.size())) + body);
        QVERIFY(viewer->waitForFrame([](const QCborMap &frame) { return frame.value(u"id"_qs).toInteger() == 9; }));
        const double used = proc_stats::cpuSeconds(bed->serverPid()) - before;
        qInfo("the server spent %.3f s of CPU on it", used);
        QVERIFY2(used < 0.5, qPrintable(QStringLiteral("%1 s of CPU").arg(used)));
    }
};

QTEST_MAIN(TestHostilePeers)
#include "tst_hostile_peers.moc"
