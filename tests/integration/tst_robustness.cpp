// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile and broken peers, and faults, against the real deploycastd: the
// server keeps serving everyone else, and clients fail cleanly.
#include "protocol/frame_codec.h"
#include "protocol/messages.h"
#include "raw_peer.h"
#include "test_bed.h"

#include <QFile>
#include <QDir>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <cerrno>
#include <sys/mount.h>
#include <unistd.h>

using namespace deploycast;

class TestRobustness : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;
    std::vector<std::unique_ptr<QTcpSocket>> hostile;

    // A management peer that logs in, subscribes, and then never reads:
    // the server's pushes pile up on its side of the connection.
    QSslSocket *slowReader()
    {
        auto *socket = new QSslSocket;
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        socket->setReadBufferSize(1);
        const QString token = bed->token(u"admin"_qs);
        connect(socket, &QSslSocket::encrypted, socket, [socket, token] {
            socket->write(encodeFrame(proto::hello(u"admin"_qs, u"slow-reader"_qs, token)));
            socket->write(encodeFrame(proto::request(1, u"subscribe"_qs, {})));
        });
        socket->connectToHostEncrypted(u"127.0.0.1"_qs, bed->port());
        return socket;
    }

private Q_SLOTS:
    void init() { bed = std::make_unique<TestBed>(); }
    void cleanup()
    {
        hostile.clear();
        bed.reset();
    }

    void twoHundredBadConnectionsDoNotStopTheServer()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, 4 * 1024 * 1024));
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        for (int i = 0; i < 200; ++i) {
            switch (i % 3) {
            case 0: { // connects and says nothing, not even TLS
                auto socket = std::make_unique<QTcpSocket>();
                socket->connectToHost(u"127.0.0.1"_qs, bed->port());
                hostile.push_back(std::move(socket));
                break;
            }
            case 1: { // sends garbage instead of a TLS handshake
                auto socket = std::make_unique<QTcpSocket>();
                QTcpSocket *raw = socket.get();
                connect(raw, &QTcpSocket::connected, raw, [raw] {
                    QByteArray junk(4096, Qt::Uninitialized);
                    for (char &byte : junk)
                        byte = char(QRandomGenerator::global()->generate());
                    raw->write(junk);
                });
                raw->connectToHost(u"127.0.0.1"_qs, bed->port());
                hostile.push_back(std::move(socket));
                break;
            }
            default:
                hostile.emplace_back(slowReader());
            }
        }
        QTest::qWait(500); // let them all connect
        // Everyone legitimate still gets served: the command line, and a transfer.
        QProcess *receiver = bed->startReceiver(u"pc1"_qs, u"Lab"_qs);
        const TestBed::Result listing = bed->cli({u"/Get-AllMulticastTransmissions"_qs, u"/Show:Clients"_qs});
        QVERIFY2(listing.exitCode == 0, qPrintable(listing.err));
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc1"_qs)), expected);
        // The garbage ones are dropped at once (no TLS handshake in it), the
        // silent ones after the 10 s hello timeout and a 5 s grace.
        QVERIFY(TestBed::waitUntil([&] {
            for (std::size_t i = 0; i < hostile.size(); ++i)
                if (i % 3 != 2 && !closedByServer(hostile[i].get()))
                    return false;
            return true;
        }));

        QCOMPARE(bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs}).exitCode, 0);
    }

    void aFloodingPeerIsLimitedThenDropped()
    {
        QVERIFY(bed->startServer());
        auto *flooder = new QSslSocket;
        hostile.emplace_back(flooder);
        flooder->setPeerVerifyMode(QSslSocket::VerifyNone);
        const QString token = bed->token(u"admin"_qs);
        connect(flooder, &QSslSocket::encrypted, flooder, [flooder, token] {
            flooder->write(encodeFrame(proto::hello(u"admin"_qs, u"flooder"_qs, token)));
            QByteArray burst;
            for (int i = 0; i < 20000; ++i)
                burst += encodeFrame(proto::request(i + 1, u"ping"_qs, {}));
            flooder->write(burst);
        });
        // Keep flooding: more pings every time the previous ones are out.
        connect(flooder, &QSslSocket::encryptedBytesWritten, flooder, [flooder] {
            // (It fires for the TLS handshake too: only flood after the hello.)
            if (flooder->isEncrypted() && flooder->encryptedBytesToWrite() < 65536
                && flooder->state() == QAbstractSocket::ConnectedState) {
                QByteArray more;
                for (int i = 0; i < 2000; ++i)
                    more += encodeFrame(proto::request(1, u"ping"_qs, {}));
                flooder->write(more);
            }
        });
        flooder->connectToHostEncrypted(u"127.0.0.1"_qs, bed->port());
        QVERIFY(TestBed::waitUntil([&] { return flooder->isEncrypted(); }));
        // Meanwhile others are served.
        QCOMPARE(bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs}).exitCode, 0);
        QVERIFY(TestBed::waitUntil([&] { return flooder->state() == QAbstractSocket::UnconnectedState; }, 60000));
        // Served at the allowed rate meanwhile, then dropped for flooding. (The
        // "bye" saying so may not reach it: closing a socket with unread
        // input resets the connection, and the reset can overtake it.)
        QVERIFY(flooder->readAll().size() > 10000); // over a thousand ping replies
        QVERIFY(TestBed::waitUntil([&] { return bed->serverOutput().contains(u"dropped: more than 200 messages a second"_qs); }));
        QCOMPARE(bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs}).exitCode, 0);
    }

    void aFrozenReceiverIsDroppedAfterTheClientTimeout()
    {
        bed->makeImage(u"lab.img"_qs, 4 * 1024 * 1024);
        QVERIFY(bed->startServer({u"--client-timeout"_qs, u"3"_qs}));
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs}).exitCode, 0);
        QProcess *frozen = bed->startReceiver(u"frozen"_qs, u"Lab"_qs);
        QProcess *killed = bed->startReceiver(u"killed"_qs, u"Lab"_qs);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientsOf(u"Lab"_qs).size() == 2; }));
        // SIGSTOP keeps its connection open but silent; SIGKILL closes it.
        ::kill(pid_t(frozen->processId()), SIGSTOP);
        ::kill(pid_t(killed->processId()), SIGKILL);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientsOf(u"Lab"_qs).isEmpty(); }));
        ::kill(pid_t(frozen->processId()), SIGKILL);
    }

    void anImageChangedUnderATransmissionStopsIt_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("truncated") << u"truncated"_qs;
        QTest::newRow("rewritten in place") << u"rewritten"_qs;
        QTest::newRow("removed") << u"removed"_qs;
    }

    void anImageChangedUnderATransmissionStopsIt()
    {
        QFETCH(QString, change);
        const QString image = bed->makeImage(u"lab.img"_qs, 8 * 1024 * 1024);
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"1"_qs}));
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        QProcess *receiver = bed->startReceiver(u"pc1"_qs, u"Lab"_qs);
        QVERIFY(TestBed::waitUntil([&] {
            const auto client = bed->clientNamed(u"Lab"_qs, u"pc1"_qs);
            return client && client->value(u"percent"_qs).toDouble() >= 5;
        }));
        QFile file(image);
        if (change == u"truncated"_qs) {
            QVERIFY(file.resize(1024 * 1024));
        } else if (change == u"rewritten"_qs) {
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.seek(4 * 1024 * 1024);
            file.write(QByteArray(4096, 'x'));
            file.close(); // the write moved its modification time (nanoseconds here)
        } else {
            QVERIFY(file.remove());
        }
        // The client is stopped with the reason, keeps nothing, and the
        // server says why in its listings and refuses new clients.
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 3);
        const QString error = QString::fromUtf8(receiver->readAllStandardError());
        QVERIFY2(error.contains(u"changed on the server"_qs) || error.contains(u"removed on the server"_qs)
                     || error.contains(u"shorter than"_qs), qPrintable(error));
        QVERIFY(!QFile::exists(bed->receiverOutput(u"pc1"_qs)));
        const TestBed::Result listing = bed->cli({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs});
        QVERIFY2(listing.out.contains(u"Problem:"_qs), qPrintable(listing.out));
        QProcess *late = bed->startReceiver(u"pc2"_qs, u"Lab"_qs);
        QCOMPARE(TestBed::finishAndGetExitCode(late), 1);
        QVERIFY(QString::fromUtf8(late->readAllStandardError()).contains(u"has stopped"_qs));
    }

    void receiversResumeAfterTheServerIsKilledAndRestarted()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, 8 * 1024 * 1024));
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"1"_qs}));
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        QProcess *first = bed->startReceiver(u"pc1"_qs, u"Lab"_qs);
        QProcess *second = bed->startReceiver(u"pc2"_qs, u"Lab"_qs);
        QVERIFY(TestBed::waitUntil([&] {
            const auto client = bed->clientNamed(u"Lab"_qs, u"pc2"_qs);
            return client && client->value(u"percent"_qs).toDouble() >= 20;
        }));
        bed->killServer();
        QTest::qWait(2000); // the receivers notice and start trying again
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"4"_qs}));
        for (QProcess *receiver : {first, second}) {
            QCOMPARE(TestBed::finishAndGetExitCode(receiver, 120000), 0);
            QVERIFY(QString::fromUtf8(receiver->readAllStandardError()).contains(u"resuming with"_qs));
        }
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc1"_qs)), expected);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc2"_qs)), expected);
    }

    void aFullDiskFailsCleanly()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root (CI runs as root)");
        const QString small = bed->root() + u"/small"_qs;
        QVERIFY(QDir().mkpath(small));
        QVERIFY2(::mount("tmpfs", qPrintable(small), "tmpfs", 0, "size=1m") == 0, strerror(errno));
        auto unmount = qScopeGuard([&] { ::umount2(qPrintable(small), MNT_DETACH); });
        bed->makeImage(u"lab.img"_qs, 4 * 1024 * 1024);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        QProcess receiver;
        receiver.start(TestBed::program(u"deploycast-receive"_qs),
                       {u"--server"_qs, bed->server(), u"--transmission"_qs, u"Lab"_qs, u"--output"_qs, small + u"/lab.img"_qs});
        QVERIFY(receiver.waitForFinished(60000));
        QCOMPARE(receiver.exitCode(), 1);
        const QString error = QString::fromUtf8(receiver.readAllStandardError());
        QVERIFY2(error.contains(u"cannot reserve"_qs) && error.contains(u"No space left"_qs), qPrintable(error));
        QCOMPARE(QDir(small).entryList(QDir::Files | QDir::Hidden).size(), 0); // no partial file
        QCOMPARE(bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs}).exitCode, 0);
    }
};

QTEST_MAIN(TestRobustness)
#include "tst_robustness.moc"
