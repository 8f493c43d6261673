// SPDX-License-Identifier: GPL-3.0-or-later
// Our hostile peer (tests/hostile) against the real deploycastd while a real
// receiver takes a transfer beside it: every kind of abusive and malformed
// message, from many connections, for a bounded time. The server must come
// through it whole, with bounded memory, and the honest transfer verified.
#include "proc_stats.h"
#include "test_bed.h"

#include <QTest>

class TestHostileClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneBadPeerHurtsNoOneElse()
    {
        TestBed bed;
        const QByteArray expected = TestBed::sha256Of(bed.makeImage(u"lab.img"_qs, 24 * 1024 * 1024));
        // Slow enough that the transfer runs for the whole attack.
        QVERIFY(bed.startServer({u"--max-rate"_qs, u"1.5"_qs}));
        QCOMPARE(bed.newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        QProcess *receiver = bed.startReceiver(u"honest"_qs, u"Lab"_qs);
        const qint64 before = proc_stats::residentKiB(bed.serverPid());

        QProcess hostile;
        hostile.start(TestBed::program(u"deploycast-hostile"_qs),
                      {u"--server"_qs, bed.server(), u"--seconds"_qs, u"15"_qs, u"--connections"_qs, u"16"_qs,
                       u"--transmission"_qs, u"Lab"_qs, u"--admin-token-file"_qs, bed.stateDir() + u"/admin.token"_qs,
                       u"--viewer-token-file"_qs, bed.stateDir() + u"/viewer.token"_qs});
        qint64 most = 0;
        QVERIFY(TestBed::waitUntil([&] {
            most = std::max(most, proc_stats::residentKiB(bed.serverPid()) - before);
            return hostile.state() == QProcess::NotRunning;
        }, 120000));
        QCOMPARE(hostile.exitCode(), 0);
        const QString summary = QString::fromUtf8(hostile.readAllStandardOutput());
        qInfo("%s", qPrintable(summary));
        qInfo("server memory grew by at most %lld MB under it", most / 1024);
        // It did what it says, in numbers (a run that could not connect would not).
        QVERIFY2(summary.section(u' ', 1, 1).toInt() > 100, qPrintable(summary));
        QVERIFY2(summary.contains(u"receiver: nak with junk ranges"_qs) && summary.contains(u"hello of a wrong shape"_qs),
                 qPrintable(summary));
        QVERIFY2(most < proc_stats::boundKiB(150), qPrintable(QStringLiteral("the server grew by %1 MB").arg(most / 1024)));

        // The honest ones never noticed.
        QCOMPARE(TestBed::finishAndGetExitCode(receiver, 120000), 0);
        QCOMPARE(TestBed::sha256Of(bed.receiverOutput(u"honest"_qs)), expected);
        QCOMPARE(bed.cli({u"/Get-Server"_qs, u"/Show:Config"_qs}).exitCode, 0);
        const QJsonObject lab = bed.cliJson({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs});
        QCOMPARE(lab.value(u"transmission"_qs).toObject().value(u"name"_qs).toString(), u"Lab"_qs);
    }
};

QTEST_MAIN(TestHostileClient)
#include "tst_hostile_client.moc"
