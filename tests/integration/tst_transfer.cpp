// SPDX-License-Identifier: GPL-3.0-or-later
// Real deploycastd and deploycast-receive processes multicasting over loopback.
#include "test_bed.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

namespace {
constexpr qint64 kSmallImage = 4 * 1024 * 1024;
constexpr qint64 kSlowImage = 8 * 1024 * 1024;
} // namespace

class TestTransfer : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;

    void createTransmission(const QString &name, const QString &image, const QStringList &extra = {u"/TransmissionType:AutoCast"_qs})
    {
        const TestBed::Result created = bed->newTransmission(name, image, extra);
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    }

private Q_SLOTS:
    void init() { bed = std::make_unique<TestBed>(); }
    void cleanup() { bed.reset(); }

    void everyReceiverGetsTheImage()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"images/lab.img"_qs, kSmallImage + 123));
        QVERIFY(bed->startServer());
        createTransmission(u"Lab"_qs, u"images/lab.img"_qs);
        QList<QProcess *> receivers;
        for (const QString &machine : {u"pc1"_qs, u"pc2"_qs, u"pc3"_qs})
            receivers.append(bed->startReceiver(machine, u"Lab"_qs));
        for (QProcess *receiver : receivers)
            QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        for (const QString &machine : {u"pc1"_qs, u"pc2"_qs, u"pc3"_qs})
            QCOMPARE(TestBed::sha256Of(bed->receiverOutput(machine)), expected);
        QCOMPARE(bed->leftoverFiles().size(), 3); // the three outputs, no temporary files
    }

    void lateJoinerGetsTheWholeImage()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, kSlowImage));
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"4"_qs}));
        createTransmission(u"Lab"_qs, u"lab.img"_qs);
        QProcess *early = bed->startReceiver(u"early"_qs, u"Lab"_qs);
        // Join once the carousel is well past the start, so the start must come round again.
        QVERIFY(TestBed::waitUntil([&] {
            const auto client = bed->clientNamed(u"Lab"_qs, u"early"_qs);
            return client && client->value(u"percent"_qs).toDouble() >= 25;
        }));
        QProcess *late = bed->startReceiver(u"late"_qs, u"Lab"_qs);
        QCOMPARE(TestBed::finishAndGetExitCode(early), 0);
        QCOMPARE(TestBed::finishAndGetExitCode(late), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"late"_qs)), expected);
        QVERIFY(QString::fromUtf8(late->readAllStandardError()).contains(u"complete by multicast"_qs));
    }

    void lostDatagramsAreRepairedByNak()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, kSmallImage));
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"8"_qs}));
        createTransmission(u"Lab"_qs, u"lab.img"_qs);
        QProcessEnvironment lossy = QProcessEnvironment::systemEnvironment();
        lossy.insert(u"DEPLOYCAST_SIMULATE_LOSS"_qs, u"10"_qs);
        QProcess *receiver = bed->startReceiver(u"lossy"_qs, u"Lab"_qs, {}, lossy);
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"lossy"_qs)), expected);
        // The repairs must have come from NAKs, not only from the next round.
        const QString log = QString::fromUtf8(receiver->readAllStandardError());
        const QRegularExpressionMatch match = QRegularExpression(u"\\((\\d+) blocks repaired after NAKs\\)"_qs).match(log);
        QVERIFY2(match.hasMatch(), qPrintable(log));
        QVERIFY2(match.captured(1).toInt() > 0, qPrintable(log));
    }

    void scheduledCastStartsWhenEnoughClientsJoin()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, kSmallImage));
        QVERIFY(bed->startServer());
        createTransmission(u"Night"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Clients:2"_qs});
        QProcess *first = bed->startReceiver(u"first"_qs, u"Night"_qs);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientsOf(u"Night"_qs).size() == 1; }));
        const QJsonObject waiting = bed->cliJson({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Night"_qs});
        QCOMPARE(waiting.value(u"transmission"_qs).toObject().value(u"state"_qs).toString(), u"Waiting"_qs);
        QCOMPARE(bed->clientsOf(u"Night"_qs).first().value(u"state"_qs).toString(), u"waiting"_qs);
        QProcess *second = bed->startReceiver(u"second"_qs, u"Night"_qs);
        QCOMPARE(TestBed::finishAndGetExitCode(first), 0);
        QCOMPARE(TestBed::finishAndGetExitCode(second), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"first"_qs)), expected);
        // Once its clients are done, a scheduled cast is finished.
        const QJsonObject finished = bed->cliJson({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Night"_qs});
        QCOMPARE(finished.value(u"transmission"_qs).toObject().value(u"state"_qs).toString(), u"Finished"_qs);
    }

    void scheduledCastStartsByHand()
    {
        bed->makeImage(u"lab.img"_qs, kSmallImage);
        QVERIFY(bed->startServer());
        createTransmission(u"Night"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Clients:50"_qs});
        QProcess *receiver = bed->startReceiver(u"pc"_qs, u"Night"_qs);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientsOf(u"Night"_qs).size() == 1; }));
        const TestBed::Result started = bed->cli({u"/Start-MulticastTransmission"_qs, u"/FriendlyName:night"_qs});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        // AutoCast cannot be started by hand, as in WDS.
        createTransmission(u"Auto"_qs, u"lab.img"_qs);
        QCOMPARE(bed->cli({u"/Start-MulticastTransmission"_qs, u"/FriendlyName:Auto"_qs}).exitCode, 1);
    }

    void scheduledCastStartsAtItsTime()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, kSmallImage));
        QVERIFY(bed->startServer());
        // A start time already past: the time trigger fires at once, without waiting for 50 clients.
        createTransmission(u"Night"_qs, u"lab.img"_qs,
                           {u"/TransmissionType:ScheduledCast"_qs, u"/Time:2020/01/01:00:00"_qs, u"/Clients:50"_qs});
        QVERIFY(TestBed::waitUntil([&] {
            return bed->cliJson({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Night"_qs})
                       .value(u"transmission"_qs).toObject().value(u"state"_qs).toString() == u"Active"_qs;
        }));
        QProcess *receiver = bed->startReceiver(u"pc"_qs, u"Night"_qs);
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc"_qs)), expected);
    }

    // WDS lets the joined clients of a deactivated transmission finish, even
    // if it had not started: before, they waited for ever and it could not
    // be started any more.
    void aScheduledCastRemovedBeforeItStartsLetsItsClientsFinish()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, kSmallImage));
        QVERIFY(bed->startServer());
        createTransmission(u"Night"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs});
        QProcess *receiver = bed->startReceiver(u"pc1"_qs, u"Night"_qs);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientsOf(u"Night"_qs).size() == 1; }));
        const TestBed::Result removed = bed->cli({u"/Remove-MulticastTransmission"_qs, u"/FriendlyName:Night"_qs});
        QCOMPARE(removed.exitCode, 0);
        QVERIFY(removed.out.contains(u"deactivated"_qs));
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc1"_qs)), expected);
        QVERIFY(TestBed::waitUntil([&] {
            return bed->cliJson({u"/Get-AllMulticastTransmissions"_qs}).value(u"transmissions"_qs).toArray().isEmpty();
        }));
    }

    void namespaceIsReceivedLikeATransmission()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"drivers.tar"_qs, kSmallImage / 2));
        QVERIFY(bed->startServer());
        const TestBed::Result created = bed->cli({u"/New-Namespace"_qs, u"/FriendlyName:Drivers"_qs, u"/Namespace:drivers"_qs,
                                                  u"/ContentProvider:file"_qs, u"/ConfigString:drivers.tar"_qs,
                                                  u"/NamespaceType:AutoCast"_qs});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QProcess *receiver = bed->startReceiver(u"pc"_qs, QString(), {u"--namespace"_qs, u"drivers"_qs});
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc"_qs)), expected);
        const QJsonArray namespaces = bed->cliJson({u"/Get-AllNamespaces"_qs}).value(u"namespaces"_qs).toArray();
        QCOMPARE(namespaces.size(), 1);
        QCOMPARE(namespaces.first().toObject().value(u"friendlyName"_qs).toString(), u"Drivers"_qs);
        const TestBed::Result unknownProvider = bed->cli({u"/New-Namespace"_qs, u"/FriendlyName:X"_qs, u"/Namespace:x"_qs,
                                                          u"/ContentProvider:WDS"_qs, u"/ConfigString:drivers.tar"_qs,
                                                          u"/NamespaceType:AutoCast"_qs});
        QCOMPARE(unknownProvider.exitCode, 1);
        QVERIFY(unknownProvider.err.contains(u"unknown content provider"_qs));
    }

    // The file provider serves a folder tree; receivers write the tree. The
    // server multicasts a snapshot, taken again when the folder changed by
    // the next start.
    void aNamespaceOfAFolderWritesTheTree()
    {
        const QStringList files{u"drivers/readme.txt"_qs, u"drivers/net/e1000.bin"_qs, u"drivers/net/ixgbe/ixgbe.bin"_qs,
                                u"drivers/storage/nvme.bin"_qs};
        QMap<QString, QByteArray> expected;
        for (int i = 0; i < files.size(); ++i)
            expected.insert(files[i].mid(8), TestBed::sha256Of(bed->makeImage(files[i], (i + 1) * 300'000 + i, quint32(i + 1))));
        QVERIFY(QDir().mkpath(bed->root() + u"/store/drivers/empty"_qs));
        QVERIFY(bed->startServer());
        const TestBed::Result created = bed->cli({u"/New-Namespace"_qs, u"/FriendlyName:Drivers"_qs, u"/Namespace:drivers"_qs,
                                                  u"/ContentProvider:file"_qs, u"/ConfigString:drivers"_qs,
                                                  u"/NamespaceType:AutoCast"_qs});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        auto treeOf = [](const QString &root) {
            QMap<QString, QByteArray> tree;
            QDirIterator walk(root, QDir::Files, QDirIterator::Subdirectories);
            while (walk.hasNext()) {
                const QString path = walk.next();
                tree.insert(QDir(root).relativeFilePath(path), TestBed::sha256Of(path));
            }
            return tree;
        };
        QProcess *first = bed->startReceiver(u"pc1"_qs, QString(), {u"--namespace"_qs, u"drivers"_qs});
        QProcess *second = bed->startReceiver(u"pc2"_qs, QString(), {u"--namespace"_qs, u"drivers"_qs});
        QCOMPARE(TestBed::finishAndGetExitCode(first), 0);
        QCOMPARE(TestBed::finishAndGetExitCode(second), 0);
        for (const char *machine : {"pc1", "pc2"}) {
            QCOMPARE(treeOf(bed->receiverOutput(QLatin1String(machine))), expected);
            QVERIFY(QFileInfo(bed->receiverOutput(QLatin1String(machine)) + u"/empty"_qs).isDir());
        }
        // A folder is never written into one that exists: refused before the join (a usage error).
        QProcess *again = bed->startReceiver(u"pc1"_qs, QString(), {u"--namespace"_qs, u"drivers"_qs});
        QCOMPARE(TestBed::finishAndGetExitCode(again), 2);
        QCOMPARE(treeOf(bed->receiverOutput(u"pc1"_qs)), expected);
        QVERIFY(bed->leftoverFiles().isEmpty());

        bed->stopServer();
        expected.insert(u"added.txt"_qs, TestBed::sha256Of(bed->makeImage(u"drivers/added.txt"_qs, 1234, 9)));
        QVERIFY(bed->startServer());
        QProcess *third = bed->startReceiver(u"pc3"_qs, QString(), {u"--namespace"_qs, u"drivers"_qs});
        QCOMPARE(TestBed::finishAndGetExitCode(third), 0);
        QCOMPARE(treeOf(bed->receiverOutput(u"pc3"_qs)), expected);
        // The older snapshot goes at the next start, never while a session may send it.
        bed->stopServer();
        QVERIFY(bed->startServer());
        QCOMPARE(QDir(bed->stateDir() + u"/bundles"_qs).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void restartKeepsSessionsAndNeverReusesClientIds()
    {
        bed->makeImage(u"lab.img"_qs, kSmallImage);
        QVERIFY(bed->startServer());
        createTransmission(u"Night"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Clients:50"_qs});
        QProcess *before = bed->startReceiver(u"before"_qs, u"Night"_qs);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientsOf(u"Night"_qs).size() == 1; }));
        const int firstId = bed->clientsOf(u"Night"_qs).first().value(u"id"_qs).toInt();

        bed->stopServer();
        QCOMPARE(TestBed::finishAndGetExitCode(before), 1); // lost its server
        QVERIFY(bed->leftoverFiles().isEmpty());
        QVERIFY(bed->startServer());

        const QJsonObject restored = bed->cliJson({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Night"_qs});
        QCOMPARE(restored.value(u"transmission"_qs).toObject().value(u"type"_qs).toString(), u"ScheduledCast"_qs);
        QCOMPARE(restored.value(u"transmission"_qs).toObject().value(u"minClients"_qs).toInt(), 50);
        bed->startReceiver(u"after"_qs, u"Night"_qs);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientsOf(u"Night"_qs).size() == 1; }));
        QVERIFY(bed->clientsOf(u"Night"_qs).first().value(u"id"_qs).toInt() > firstId);
    }
};

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
