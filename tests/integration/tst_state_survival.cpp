// SPDX-License-Identifier: GPL-3.0-or-later
// A restart never loses state: transmissions whose image or interface is
// missing for a while, a second server on the same state, damaged state
// files, a careless umask, and images hashed off the event loop and not
// again at every start. Real deploycastd, real command line.
#include "test_bed.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {
constexpr qint64 kMiB = 1024 * 1024;
}

class TestStateSurvival : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;

    QJsonObject transmission(const QString &name) const
    {
        return bed->cliJson({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:"_qs + name}).value(u"transmission"_qs).toObject();
    }
    QString conditionOf(const QString &name) const { return transmission(name).value(u"condition"_qs).toString(); }

    static int permissionBits(const QString &path)
    {
        struct stat info{};
        return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
    }

private Q_SLOTS:
    void init() { bed = std::make_unique<TestBed>(); }
    void cleanup() { bed.reset(); }

    void aTransmissionWhoseImageIsMissingAtStartSurvivesAndResumes()
    {
        const QString image = bed->makeImage(u"lab.img"_qs, 4 * kMiB);
        const QByteArray expected = TestBed::sha256Of(image);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/RequireJoinToken:Yes"_qs}).exitCode, 0);
        const QString joinToken = transmission(u"Lab"_qs).value(u"joinToken"_qs).toString();
        QVERIFY(!joinToken.isEmpty());
        bed->stopServer();

        // A late mount: the image is not there when the server starts.
        QVERIFY(QFile::rename(image, image + u".away"_qs));
        QVERIFY(bed->startServer());
        QCOMPARE(conditionOf(u"Lab"_qs), u"image-missing"_qs);
        const TestBed::Result listing = bed->cli({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs});
        QVERIFY2(listing.out.contains(u"Image missing"_qs), qPrintable(listing.out));
        QVERIFY(QString::fromUtf8([&] {
                    QFile state(bed->stateDir() + u"/state.json"_qs);
                    state.open(QIODevice::ReadOnly);
                    return state.readAll();
                }()).contains(joinToken));
        // A machine that asks meanwhile waits for it, as a WDS client does.
        QProcess *early = bed->startReceiver(u"early"_qs, u"Lab"_qs, {u"--join-token"_qs, joinToken});
        QVERIFY(TestBed::waitUntil([&] { return bed->serverOutput().contains(u"image missing"_qs, Qt::CaseInsensitive); }));

        QVERIFY(QFile::rename(image + u".away"_qs, image));
        QVERIFY(TestBed::waitUntil([&] { return conditionOf(u"Lab"_qs).isEmpty(); }));
        QCOMPARE(transmission(u"Lab"_qs).value(u"joinToken"_qs).toString(), joinToken);
        QCOMPARE(TestBed::finishAndGetExitCode(early), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"early"_qs)), expected);
    }

    void aTransmissionWaitsForItsInterface()
    {
        if (::geteuid() != 0)
            QSKIP("adding an address to lo needs root (CI runs as root)");
        bed->makeImage(u"lab.img"_qs, 4 * kMiB);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        bed->stopServer();
        // The interface's address is not up yet when the server starts.
        const QString address = u"10.254.7.1"_qs;
        QProcess::execute(u"ip"_qs, {u"addr"_qs, u"del"_qs, address + u"/32"_qs, u"dev"_qs, u"lo"_qs});
        auto removeAddress = qScopeGuard([&] {
            QProcess::execute(u"ip"_qs, {u"addr"_qs, u"del"_qs, address + u"/32"_qs, u"dev"_qs, u"lo"_qs});
        });
        QVERIFY(bed->startServer({u"--multicast-interface"_qs, address}));
        QCOMPARE(conditionOf(u"Lab"_qs), u"waiting-for-interface"_qs);
        QVERIFY(bed->cli({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs}).out.contains(u"Waiting for interface"_qs));
        QCOMPARE(QProcess::execute(u"ip"_qs, {u"addr"_qs, u"add"_qs, address + u"/32"_qs, u"dev"_qs, u"lo"_qs}), 0);
        QVERIFY(TestBed::waitUntil([&] { return conditionOf(u"Lab"_qs).isEmpty(); }));
    }

    void aSecondServerOnTheSameStateDirectoryRefusesToStart()
    {
        QVERIFY(bed->startServer());
        const qint64 first = bed->serverPid();
        QTcpServer probe; // a free port for the second one
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QProcess second;
        second.setProcessChannelMode(QProcess::MergedChannels);
        second.start(TestBed::program(u"deploycastd"_qs),
                     {u"--config"_qs, u"/dev/null"_qs, u"--state-dir"_qs, bed->stateDir(), u"--image-store"_qs,
                      bed->root() + u"/store"_qs, u"--listen"_qs, QStringLiteral("127.0.0.1:%1").arg(port)});
        QVERIFY(second.waitForFinished(15000));
        QCOMPARE(second.exitCode(), 1);
        const QString output = QString::fromUtf8(second.readAll());
        QVERIFY2(output.contains(QStringLiteral("PID %1").arg(first)), qPrintable(output));
        QCOMPARE(bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs}).exitCode, 0); // the first goes on
    }

    void aDamagedStateFileStopsTheStartAndSaysHowToRecover_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("tokens.json, not JSON") << u"tokens.json"_qs << QByteArray("{\"tokens\": [ {\"id\": ");
        QTest::newRow("tokens.json, a broken entry") << u"tokens.json"_qs
                                                     << QByteArray("{\"tokens\": [{\"id\": \"ab\", \"role\": \"root\"}]}");
        QTest::newRow("state.json, not JSON") << u"state.json"_qs << QByteArray("\x00\x01garbage", 9);
        QTest::newRow("state.json, a broken session") << u"state.json"_qs
                                                      << QByteArray("{\"format\": 1, \"sessions\": [42]}");
    }

    void aDamagedStateFileStopsTheStartAndSaysHowToRecover()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QVERIFY(bed->startServer()); // a first start makes every file
        bed->stopServer();
        QFile damaged(bed->stateDir() + u'/' + file);
        QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        damaged.write(content);
        damaged.close();
        QProcess *server = bed->launchServer();
        QVERIFY(server->waitForFinished(15000));
        QCOMPARE(server->exitCode(), 1);
        const QString output = QString::fromUtf8(server->readAll());
        QVERIFY2(output.contains(damaged.fileName()) && output.contains(u"move it aside"_qs), qPrintable(output));
        QCOMPARE(damaged.size(), qint64(content.size())); // left as it was, for the admin to look at
    }

    void stateFoldersAreForTheOwnerOnlyWhateverTheUmask()
    {
        const QString fresh = bed->root() + u"/fresh-state"_qs;
        bed->setServerUmask(0);
        QVERIFY(bed->startServer({u"--state-dir"_qs, fresh}));
        QCOMPARE(permissionBits(fresh), 0700);
        QCOMPARE(permissionBits(fresh + u"/tls"_qs), 0700);
        for (const QString &name : {u"tls/server.key"_qs, u"admin.token"_qs, u"tokens.json"_qs, u"state.json"_qs})
            QCOMPARE(permissionBits(fresh + u'/' + name) & 077, 0);
    }

    void aBigImageIsHashedWhileTheServerGoesOnAndOnlyOnce()
    {
        // 4 GiB, sparse: hashing it takes seconds, writing it none.
        QFile image(bed->root() + u"/store/big.img"_qs);
        QVERIFY(image.open(QIODevice::WriteOnly));
        QVERIFY(image.resize(4 * 1024 * kMiB));
        image.close();
        QVERIFY(bed->startServer());
        QProcess creating;
        creating.start(TestBed::program(u"deploycast"_qs),
                       {u"/New-MulticastTransmission"_qs, u"/FriendlyName:Big"_qs, u"/Image:big.img"_qs,
                        u"/TransmissionType:AutoCast"_qs, u"/Server:"_qs + bed->server()});
        // Meanwhile the server answers, and shows how far it has got.
        int percentSeen = -1;
        QVERIFY(TestBed::waitUntil([&] {
            const QJsonObject big = transmission(u"Big"_qs);
            if (big.value(u"condition"_qs).toString() == u"preparing"_qs)
                percentSeen = std::max(percentSeen, big.value(u"preparedPercent"_qs).toInt(-1));
            return big.value(u"condition"_qs).toString().isEmpty() && !big.isEmpty();
        }, 120000));
        QVERIFY2(percentSeen >= 0, "the transmission was never seen preparing");
        QCOMPARE(TestBed::finishAndGetExitCode(&creating), 0);
        const QString sha256 = transmission(u"Big"_qs).value(u"sha256"_qs).toString();
        QCOMPARE(sha256.size(), 64);

        // A restart takes the hash from its cache.
        bed->stopServer();
        const qsizetype before = bed->serverOutput().size();
        QVERIFY(bed->startServer());
        QCOMPARE(conditionOf(u"Big"_qs), QString());
        QCOMPARE(transmission(u"Big"_qs).value(u"sha256"_qs).toString(), sha256);
        QVERIFY(!bed->serverOutput().mid(before).contains(u"hashing"_qs));
    }
};

QTEST_MAIN(TestStateSurvival)
#include "tst_state_survival.moc"
