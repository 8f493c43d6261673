// SPDX-License-Identifier: GPL-3.0-or-later
// The management port and the command line against a real server: bad
// input gets a clear error and changes nothing, and one bad peer never
// disturbs anyone else.
#include "frame_bytes.h"
#include "protocol/frame_codec.h"
#include "test_bed.h"

#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

// Sends bytes on a fresh management connection and reports whether the
// server then closed it.
bool serverClosesAfter(quint16 port, const QByteArray &bytes)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return false;
    socket.write(bytes);
    socket.waitForBytesWritten(5000);
    return TestBed::waitUntil([&] {
        socket.waitForReadyRead(50);
        socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState;
    }, 15000);
}

} // namespace

class TestManagement : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;

private Q_SLOTS:
    void init() { bed = std::make_unique<TestBed>(); }
    void cleanup() { bed.reset(); }

    void badPeersAreDroppedWhileTheTransferGoesOn()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, 8 * 1024 * 1024));
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"2"_qs}));
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        QProcess *receiver = bed->startReceiver(u"pc"_qs, u"Lab"_qs);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientNamed(u"Lab"_qs, u"pc"_qs).has_value(); }));

        QVERIFY(serverClosesAfter(bed->port(), QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n")));
        QVERIFY(serverClosesAfter(bed->port(), lengthPrefix(0xFFFFFFF0u) + QByteArray(64, 'x')));
        QVERIFY(serverClosesAfter(bed->port(), lengthPrefix(6) + QByteArray("\xff\xfe\x00\x01\x02\x03", 6)));
        // Well-formed frames that are not a hello, and a hello from the future.
        QVERIFY(serverClosesAfter(bed->port(), deploycast::encodeFrame({{u"type"_qs, u"request"_qs}})));
        QVERIFY(serverClosesAfter(bed->port(), deploycast::encodeFrame({{u"type"_qs, u"hello"_qs}, {u"version"_qs, 99}})));

        // Everyone else is still served.
        QVERIFY(bed->clientNamed(u"Lab"_qs, u"pc"_qs).has_value());
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc"_qs)), expected);
    }

    void unreachableServerHasItsOwnExitCode_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("message");
        quint16 closedPort = 0;
        {
            QTcpServer probe; // a port that was free a moment ago, so nothing listens there
            probe.listen(QHostAddress::LocalHost, 0);
            closedPort = probe.serverPort();
        }
        QTest::newRow("closed port") << QStringLiteral("127.0.0.1:%1").arg(closedPort) << u"cannot reach server"_qs;
        QTest::newRow("unknown host") << u"no-such-host.invalid"_qs << u"cannot reach server"_qs;
    }

    void unreachableServerHasItsOwnExitCode()
    {
        QFETCH(QString, server);
        QFETCH(QString, message);
        QProcess process;
        process.start(TestBed::program(u"deploycast"_qs),
                      {u"/Disconnect-Client"_qs, u"/ClientId:1"_qs, u"/Server:"_qs + server});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 3);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }

    void usageErrorsExitTwo()
    {
        QVERIFY(bed->startServer());
        for (const QStringList &arguments : {QStringList{u"/Frobnicate"_qs}, QStringList{u"/Disconnect-Client"_qs},
                                             QStringList{u"/Disconnect-Client"_qs, u"/ClientId:x"_qs},
                                             QStringList{u"/Get-Server"_qs, u"/Show:Config"_qs, u"/Bogus"_qs}}) {
            const TestBed::Result result = bed->cli(arguments);
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.err.contains(u"Usage"_qs), qPrintable(result.err));
            QVERIFY(result.out.isEmpty());
        }
        const TestBed::Result help = bed->cli({u"/Disconnect-Client"_qs, u"/?"_qs});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"/Force"_qs));
    }

    void messagesFollowTheLanguageButSwitchesStayEnglish()
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LANG"_qs, u"fr_FR.UTF-8"_qs);
        environment.remove(u"LC_ALL"_qs);
        environment.remove(u"LANGUAGE"_qs);
        process.setProcessEnvironment(environment);
        process.start(TestBed::program(u"deploycast"_qs), {u"/Frobnicate"_qs});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(u"commande inconnue « /Frobnicate »"_qs), qPrintable(err));
        process.start(TestBed::program(u"deploycast"_qs), {u"/Disconnect-Client"_qs, u"/?"_qs});
        QVERIFY(process.waitForFinished(30000));
        const QString help = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(help.contains(u"Déconnecte un client"_qs), qPrintable(help));
        QVERIFY(help.contains(u"/ClientId:<id>"_qs) && help.contains(u"/Force"_qs));
    }

    // The server's refusals travel with their template and arguments: a
    // French admin reads them in French, a script in C reads English.
    void serverErrorsFollowTheAdminsLanguage()
    {
        QVERIFY(bed->startServer());
        const QStringList refused{u"/New-MulticastTransmission"_qs, u"/FriendlyName:Evil"_qs, u"/Image:../state/state.json"_qs,
                                  u"/TransmissionType:AutoCast"_qs};
        QProcessEnvironment french = QProcessEnvironment::systemEnvironment();
        french.insert(u"LANG"_qs, u"fr_FR.UTF-8"_qs);
        french.remove(u"LC_ALL"_qs);
        french.remove(u"LANGUAGE"_qs);
        const TestBed::Result inFrench = bed->cli(refused, french);
        QCOMPARE(inFrench.exitCode, 1);
        QVERIFY2(inFrench.err.contains(u"'../state/state.json' est hors du magasin d'images"_qs), qPrintable(inFrench.err));
        QProcessEnvironment plain = french;
        plain.insert(u"LANG"_qs, u"C.UTF-8"_qs);
        const TestBed::Result inEnglish = bed->cli(refused, plain);
        QVERIFY2(inEnglish.err.contains(u"'../state/state.json' is outside the image store"_qs), qPrintable(inEnglish.err));
        const TestBed::Result range = bed->cli({u"/Set-TransportServer"_qs, u"/ObtainIpv4From:Range"_qs, u"/Start:239.0.0.1"_qs,
                                                u"/End:239.0.0.2"_qs}, french);
        QVERIFY2(range.err.contains(u"une plage demande au moins 3 adresses"_qs), qPrintable(range.err));
    }

    void imagesOutsideTheStoreAreRefused()
    {
        QVERIFY(bed->startServer());
        for (const QString &image : {u"../state/state.json"_qs, u"/etc/passwd"_qs, u"missing.img"_qs}) {
            const TestBed::Result result = bed->cli({u"/New-MulticastTransmission"_qs, u"/FriendlyName:Evil"_qs,
                                                     u"/Image:"_qs + image, u"/TransmissionType:AutoCast"_qs});
            QCOMPARE(result.exitCode, 1);
            QVERIFY2(result.err.contains(u"outside the image store"_qs) || result.err.contains(u"does not exist"_qs),
                     qPrintable(result.err));
        }
        QVERIFY(bed->cliJson({u"/Get-AllMulticastTransmissions"_qs}).value(u"transmissions"_qs).toArray().isEmpty());
    }

    void duplicateNamesAreRefused()
    {
        bed->makeImage(u"lab.img"_qs, 4096);
        QVERIFY(bed->startServer());
        const QStringList create{u"/New-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs, u"/Image:lab.img"_qs,
                                 u"/TransmissionType:AutoCast"_qs};
        QCOMPARE(bed->cli(create).exitCode, 0);
        const TestBed::Result again = bed->cli(create);
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(u"already exists"_qs));
        QCOMPARE(bed->cliJson({u"/Get-AllMulticastTransmissions"_qs}).value(u"transmissions"_qs).toArray().size(), 1);
    }

    void jsonOutputHasTheDocumentedShape()
    {
        bed->makeImage(u"lab.img"_qs, 4096);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Time:2099/01/01:00:00"_qs, u"/Description:Lab PCs"_qs})
                     .exitCode, 0);
        const QJsonObject all = bed->cliJson({u"/Get-AllMulticastTransmissions"_qs, u"/Show:Clients"_qs});
        QVERIFY(all.value(u"server"_qs).isString());
        const QJsonObject lab = all.value(u"transmissions"_qs).toArray().first().toObject();
        for (const char *key : {"id", "name", "description", "contentPath", "type", "state", "startTime", "group",
                                "port", "size", "sha256", "clientCount", "clients"})
            QVERIFY2(lab.contains(QLatin1String(key)), key);
        QCOMPARE(lab.value(u"description"_qs).toString(), u"Lab PCs"_qs);
        QCOMPARE(lab.value(u"size"_qs).toInteger(), 4096);
        QVERIFY(lab.value(u"group"_qs).toString().startsWith(u"239.192."_qs));
        const int port = lab.value(u"port"_qs).toInt();
        QVERIFY(port >= 64001 && port <= 65000);

        const QJsonObject config = bed->cliJson({u"/Get-Server"_qs, u"/Show:Config"_qs}).value(u"server"_qs).toObject();
        QCOMPARE(config.value(u"transmissions"_qs).toInt(), 1);
        QCOMPARE(config.value(u"multicastRange"_qs).toString(), u"239.192.0.1-239.192.255.254"_qs);
    }

    // A snapshot of thousands of clients is several frames' worth of bytes:
    // the CLI (and the console, on the same client code) must still take it.
    // It could not before issue 7: 6,000 clients is about 1.5 MB of CBOR.
    void aSnapshotLargerThanTheRequestFrameCapArrives()
    {
        bed->makeImage(u"lab.img"_qs, 1024 * 1024);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Clients:100000"_qs}).exitCode, 0);
        QVERIFY(bed->startLoadgen(u"Lab"_qs, 6000, {u"--rate-profile"_qs, u"steady:1K"_qs}));
        const TestBed::Result json = bed->cli({u"/Get-Server"_qs, u"/Show:Snapshot"_qs, u"/Format:Json"_qs});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"clients"_qs).toArray().size(), 6000);
    }

    // deploycastd.conf: settings from the file, the command line over them,
    // and a clear refusal of what the file gets wrong.
    void theConfigurationFileSetsWhatTheCommandLineDoesNot()
    {
        const QString conf = bed->root() + u"/deploycastd.conf"_qs;
        auto writeConf = [&](const QByteArray &text) {
            QFile file(conf);
            return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
        };
        // The test bed gives --listen on the command line: it wins over the file's.
        QVERIFY(writeConf("# comments as admins write them\n[server]\n; either kind\nmax-rate = 3\n#tls-cert = x\nlisten = 127.0.0.1:1\nclient-timeout = 45\n"));
        QVERIFY(bed->startServer({u"--config"_qs, conf}));
        const QJsonObject config = bed->cliJson({u"/Get-Server"_qs, u"/Show:Config"_qs}).value(u"server"_qs).toObject();
        QCOMPARE(config.value(u"maxRate"_qs).toInteger(), 3'000'000);
        QCOMPARE(config.value(u"listen"_qs).toString(), bed->server());
        bed->stopServer();

        for (const QByteArray &bad : {QByteArray("[server]\nmax-rte = 3\n"), QByteArray("max-rate = 3\n"),
                                      QByteArray("[server]\nclient-timeout = 1\n")}) {
            QVERIFY(writeConf(bad));
            QProcess server;
            server.start(TestBed::program(u"deploycastd"_qs), {u"--config"_qs, conf, u"--state-dir"_qs,
                                                                     bed->stateDir(), u"--image-store"_qs, bed->root()});
            QVERIFY(server.waitForFinished(10000));
            QCOMPARE(server.exitCode(), 2);
            const QString said = QString::fromUtf8(server.readAllStandardError());
            QVERIFY2(said.contains(u"deploycastd.conf"_qs) || said.contains(u"client-timeout"_qs), qPrintable(said));
        }
        QProcess missing;
        missing.start(TestBed::program(u"deploycastd"_qs), {u"--config"_qs, bed->root() + u"/nothing.conf"_qs});
        QVERIFY(missing.waitForFinished(10000));
        QCOMPARE(missing.exitCode(), 2);
        QVERIFY(missing.readAllStandardError().contains("cannot read the configuration file"));
    }
};

QTEST_GUILESS_MAIN(TestManagement)
#include "tst_management.moc"
