// SPDX-License-Identifier: GPL-3.0-or-later
// Disconnect semantics from WDS, checked on real processes.
#include "test_bed.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <csignal>

namespace {
constexpr qint64 kImage = 8 * 1024 * 1024;
}

class TestDisconnect : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;
    QByteArray expectedHash;

    // A transmission that never starts by itself, so clients wait in it for
    // as long as a test needs.
    void createWaitingTransmission()
    {
        const TestBed::Result created = bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Clients:100"_qs});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    }

    int joinAndGetId(const QString &machine)
    {
        int id = 0;
        TestBed::waitUntil([&] {
            const auto client = bed->clientNamed(u"Lab"_qs, machine);
            id = client ? client->value(u"id"_qs).toInt() : 0;
            return id > 0;
        });
        return id;
    }

private Q_SLOTS:
    void init()
    {
        bed = std::make_unique<TestBed>();
        expectedHash = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, kImage));
    }
    void cleanup() { bed.reset(); }

    void withoutForceAFallbackClientFinishesByUnicast()
    {
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"1"_qs})); // slow, so it is mid-transfer
        QVERIFY(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode == 0);
        QProcess *receiver = bed->startReceiver(u"pc"_qs, u"Lab"_qs);
        QVERIFY(TestBed::waitUntil([&] {
            const auto client = bed->clientNamed(u"Lab"_qs, u"pc"_qs);
            return client && client->value(u"percent"_qs).toDouble() > 0;
        }));
        const int id = bed->clientNamed(u"Lab"_qs, u"pc"_qs)->value(u"id"_qs).toInt();

        const TestBed::Result disconnected = bed->cli({u"/Disconnect-Client"_qs, QStringLiteral("/ClientId:%1").arg(id)});
        QVERIFY2(disconnected.exitCode == 0, qPrintable(disconnected.err));
        QVERIFY(disconnected.out.contains(u"falls back to unicast"_qs));
        // As in WDS, it leaves the multicast client list at once.
        QVERIFY(!bed->clientNamed(u"Lab"_qs, u"pc"_qs));

        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc"_qs)), expectedHash);
        QVERIFY(QString::fromUtf8(receiver->readAllStandardError()).contains(u"complete by unicast"_qs));
    }

    void fallbackClientIsListedUntilItFinishes()
    {
        QVERIFY(bed->startServer());
        createWaitingTransmission();
        // Starved of multicast data, the client must fetch the whole image by unicast.
        QProcess *receiver = bed->startReceiver(u"pc"_qs, u"Lab"_qs);
        const int id = joinAndGetId(u"pc"_qs);
        QVERIFY(id > 0);
        // Freeze the receiver, so it cannot finish before we look.
        QCOMPARE(::kill(pid_t(receiver->processId()), SIGSTOP), 0);
        QCOMPARE(bed->cli({u"/Disconnect-Client"_qs, QStringLiteral("/ClientId:%1").arg(id)}).exitCode, 0);
        const QJsonArray fallback = bed->cliJson({u"/Get-AllFallbackClients"_qs}).value(u"clients"_qs).toArray();
        QCOMPARE(fallback.size(), 1);
        QCOMPARE(fallback.first().toObject().value(u"id"_qs).toInt(), id);
        QCOMPARE(fallback.first().toObject().value(u"method"_qs).toString(), u"unicast"_qs);
        QCOMPARE(fallback.first().toObject().value(u"session"_qs).toString(), u"Lab"_qs);
        QVERIFY(bed->cli({u"/Get-AllFallbackClients"_qs}).out.contains(u"unicast"_qs));
        QVERIFY(!bed->clientNamed(u"Lab"_qs, u"pc"_qs));

        QCOMPARE(::kill(pid_t(receiver->processId()), SIGCONT), 0);
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc"_qs)), expectedHash);
        // Once it has finished, it is no longer among the fallback clients.
        QVERIFY(TestBed::waitUntil([&] {
            return bed->cliJson({u"/Get-AllFallbackClients"_qs}).value(u"clients"_qs).toArray().isEmpty();
        }));
    }

    void forceAbortsAndLeavesNoFile()
    {
        QVERIFY(bed->startServer());
        createWaitingTransmission();
        QProcess *receiver = bed->startReceiver(u"pc"_qs, u"Lab"_qs);
        const int id = joinAndGetId(u"pc"_qs);
        QVERIFY(id > 0);
        const TestBed::Result forced = bed->cli({u"/Disconnect-Client"_qs, QStringLiteral("/ClientId:%1").arg(id), u"/Force"_qs});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 3);
        QVERIFY(!QFile::exists(bed->receiverOutput(u"pc"_qs)));
        QVERIFY2(bed->leftoverFiles().isEmpty(), qPrintable(bed->leftoverFiles().join(u", "_qs)));
        QVERIFY(!bed->clientNamed(u"Lab"_qs, u"pc"_qs));
    }

    void noFallbackClientFailsWithItsOwnCode()
    {
        QVERIFY(bed->startServer());
        createWaitingTransmission();
        QProcess *receiver = bed->startReceiver(u"pc"_qs, u"Lab"_qs, {u"--no-fallback"_qs});
        const int id = joinAndGetId(u"pc"_qs);
        QVERIFY(id > 0);
        QCOMPARE(bed->cli({u"/Disconnect-Client"_qs, QStringLiteral("/ClientId:%1").arg(id)}).exitCode, 0);
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 4);
        QVERIFY(bed->leftoverFiles().isEmpty());
    }

    void unknownClientIdChangesNothing()
    {
        QVERIFY(bed->startServer());
        createWaitingTransmission();
        bed->startReceiver(u"pc"_qs, u"Lab"_qs);
        QVERIFY(joinAndGetId(u"pc"_qs) > 0);
        const TestBed::Result result = bed->cli({u"/Disconnect-Client"_qs, u"/ClientId:4242"_qs, u"/Force"_qs});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"no client with ID 4242 on server"_qs), qPrintable(result.err));
        QVERIFY(bed->clientNamed(u"Lab"_qs, u"pc"_qs)); // still there
    }

    void removeWithoutForceLetsClientsFinish()
    {
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"2"_qs}));
        createWaitingTransmission();
        QProcess *receiver = bed->startReceiver(u"pc"_qs, u"Lab"_qs);
        QVERIFY(joinAndGetId(u"pc"_qs) > 0);
        QCOMPARE(bed->cli({u"/Start-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs}).exitCode, 0);
        const TestBed::Result removed = bed->cli({u"/Remove-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QVERIFY(removed.out.contains(u"deactivated"_qs));
        const QJsonObject listed = bed->cliJson({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs});
        QCOMPARE(listed.value(u"transmission"_qs).toObject().value(u"state"_qs).toString(), u"Deactivated"_qs);
        // /ExcludeDeletePending hides it.
        QVERIFY(bed->cliJson({u"/Get-AllMulticastTransmissions"_qs, u"/ExcludeDeletePending"_qs})
                    .value(u"transmissions"_qs).toArray().isEmpty());
        // No new clients may join.
        QProcess *late = bed->startReceiver(u"late"_qs, u"Lab"_qs);
        QCOMPARE(TestBed::finishAndGetExitCode(late), 1);
        QVERIFY(QString::fromUtf8(late->readAllStandardError()).contains(u"takes no new clients"_qs));
        // The current one finishes, then the transmission is gone.
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc"_qs)), expectedHash);
        QVERIFY(TestBed::waitUntil([&] {
            return bed->cli({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs}).exitCode == 1;
        }));
    }

    void removeWithForceStopsEveryClient()
    {
        QVERIFY(bed->startServer());
        createWaitingTransmission();
        QProcess *first = bed->startReceiver(u"pc1"_qs, u"Lab"_qs);
        QProcess *second = bed->startReceiver(u"pc2"_qs, u"Lab"_qs);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientsOf(u"Lab"_qs).size() == 2; }));
        const TestBed::Result removed = bed->cli({u"/Remove-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs, u"/Force"_qs});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QCOMPARE(TestBed::finishAndGetExitCode(first), 3);
        QCOMPARE(TestBed::finishAndGetExitCode(second), 3);
        QCOMPARE(bed->cli({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs}).exitCode, 1);
        QVERIFY(bed->leftoverFiles().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDisconnect)
#include "tst_disconnect.moc"
