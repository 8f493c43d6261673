// SPDX-License-Identifier: GPL-3.0-or-later
// The slow-client policy with real deploycastd and deploycast-receive
// processes on loopback. A receiver told to drop a share of what it gets
// ($DEPLOYCAST_SIMULATE_LOSS) stands for a slow one: it NAKs far more than
// the others and holds the stream back. (tests/netlab has real slow links.)
#include "test_bed.h"

#include <QJsonArray>
#include <QTest>

namespace {
constexpr qint64 kImage = 12 * 1024 * 1024;
}

class TestSlowClients : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;

    QProcessEnvironment lossy(int percent) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DEPLOYCAST_SIMULATE_LOSS"_qs, QString::number(percent));
        return environment;
    }

    QString streamOf(const QString &machine) const
    {
        const auto client = bed->clientNamed(u"Lab"_qs, machine);
        return client ? client->value(u"stream"_qs).toString() : QString();
    }

private Q_SLOTS:
    void init() { bed = std::make_unique<TestBed>(); }
    void cleanup() { bed.reset(); }

    void multistreamMovesTheSlowClientAndEveryoneVerifies()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, kImage));
        // Capped at 1 MB/s so that the transfer outlasts the policy's 5 s
        // watch; a threshold far above that makes the stream count as slow,
        // and the client that NAKs the most is the one to move.
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"1"_qs}));
        const TestBed::Result set = bed->cli({u"/Set-Server"_qs, u"/Transport"_qs, u"/MulticastSessionPolicy"_qs,
                                              u"/Policy:Multistream"_qs, u"/Threshold:100000"_qs, u"/StreamCount:2"_qs});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QVERIFY(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode == 0);
        QProcess *steady = bed->startReceiver(u"steady"_qs, u"Lab"_qs);
        QProcess *slow = bed->startReceiver(u"slow"_qs, u"Lab"_qs, {}, lossy(15));

        QVERIFY(TestBed::waitUntil([&] { return streamOf(u"slow"_qs) == u"slow"_qs; }));
        QCOMPARE(streamOf(u"steady"_qs), u"fast"_qs);
        const auto moved = bed->clientNamed(u"Lab"_qs, u"slow"_qs);
        QVERIFY(moved->value(u"note"_qs).toString().startsWith(u"moved to the slow stream"_qs));
        // The text listing shows it too, with the reason.
        const TestBed::Result listing = bed->cli({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs, u"/Show:Clients"_qs});
        QVERIFY2(listing.out.contains(u"multicast (slow)"_qs) && listing.out.contains(u"moved to the slow stream"_qs),
                 qPrintable(listing.out));

        QCOMPARE(TestBed::finishAndGetExitCode(steady, 120000), 0);
        QCOMPARE(TestBed::finishAndGetExitCode(slow, 120000), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"steady"_qs)), expected);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"slow"_qs)), expected);
        const QString slowLog = QString::fromUtf8(slow->readAllStandardError());
        QVERIFY2(slowLog.contains(u"moved to the slow stream"_qs) && slowLog.contains(u"complete by multicast"_qs),
                 qPrintable(slowLog));
    }

    void badPoliciesAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("AutoDisconnect without a threshold") << QStringList{u"/Policy:AutoDisconnect"_qs} << 1;
        QTest::newRow("a threshold of 0 KB/s") << QStringList{u"/Policy:AutoDisconnect"_qs, u"/Threshold:0"_qs} << 2;
        QTest::newRow("four streams") << QStringList{u"/Policy:Multistream"_qs, u"/Threshold:10"_qs, u"/StreamCount:4"_qs} << 2;
    }

    void badPoliciesAreRefusedAndChangeNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QVERIFY(bed->startServer());
        const QStringList prefix{u"/Set-Server"_qs, u"/Transport"_qs, u"/MulticastSessionPolicy"_qs};
        QCOMPARE(bed->cli(prefix + QStringList{u"/Policy:AutoDisconnect"_qs, u"/Threshold:700"_qs}).exitCode, 0);
        const TestBed::Result refused = bed->cli(prefix + arguments);
        QCOMPARE(refused.exitCode, exitCode);
        QVERIFY(!refused.err.isEmpty());
        const QJsonObject policy = bed->cliJson({u"/Get-Server"_qs, u"/Show:Config"_qs})
                                       .value(u"server"_qs).toObject().value(u"slowClientPolicy"_qs).toObject();
        QCOMPARE(policy.value(u"policy"_qs).toString(), u"AutoDisconnect"_qs);
        QCOMPARE(policy.value(u"thresholdKBps"_qs).toInt(), 700);
    }
};

QTEST_MAIN(TestSlowClients)
#include "tst_slow_clients.moc"
