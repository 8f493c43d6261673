// SPDX-License-Identifier: GPL-3.0-or-later
// TLS, certificate pinning, tokens, roles and the audit log, against the real
// deploycastd with the real command line.
#include "protocol/messages.h"
#include "raw_peer.h"
#include "test_bed.h"

#include <QCborArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

class TestSecurity : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;

    // The environment of an admin on another machine: no local state folder
    // to trust the server by, and its own known_hosts.
    QProcessEnvironment remoteAdmin() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DEPLOYCAST_STATE_DIR"_qs, bed->root() + u"/nowhere"_qs);
        environment.insert(u"DEPLOYCAST_KNOWN_HOSTS"_qs, bed->root() + u"/remote_known_hosts"_qs);
        environment.insert(u"DEPLOYCAST_TOKEN_FILE"_qs, bed->stateDir() + u"/admin.token"_qs);
        return environment;
    }


    QJsonArray auditEntries()
    {
        return bed->cliJson({u"/Get-AuditLog"_qs}).value(u"entries"_qs).toArray();
    }

    // Control characters (C0 but newline, DEL, C1) that a terminal would act on.
    static bool hasControlCharacters(const QString &text)
    {
        return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
            return (c.unicode() < 0x20 && c != u'\n') || (c.unicode() >= 0x7f && c.unicode() <= 0x9f);
        });
    }

    // What `openssl s_client` says when it offers only these TLS 1.2 suites.
    QString tls12With(const QString &ciphers) const
    {
        QProcess openssl;
        openssl.start(u"openssl"_qs, {u"s_client"_qs, u"-connect"_qs, bed->server(), u"-tls1_2"_qs, u"-cipher"_qs, ciphers,
                                      u"-brief"_qs});
        openssl.closeWriteChannel();
        openssl.waitForFinished(20000);
        return QString::fromUtf8(openssl.readAllStandardOutput() + openssl.readAllStandardError());
    }

private Q_SLOTS:
    void init()
    {
        bed = std::make_unique<TestBed>();
        QVERIFY(bed->startServer());
    }
    void cleanup() { bed.reset(); }

    void theManagementPortSpeaksTls()
    {
        QProcess openssl;
        openssl.start(u"openssl"_qs, {u"s_client"_qs, u"-connect"_qs, bed->server(), u"-brief"_qs});
        openssl.closeWriteChannel();
        QVERIFY(openssl.waitForFinished(20000));
        const QString output = QString::fromUtf8(openssl.readAllStandardOutput() + openssl.readAllStandardError());
        QVERIFY2(output.contains(QRegularExpression(u"Protocol version: TLSv1\\.[23]"_qs)), qPrintable(output));
        QVERIFY2(output.contains(u"deploycastd on"_qs), qPrintable(output)); // the self-signed certificate's subject
    }

    void secretsAreForTheOwnerOnly()
    {
        for (const QString &name : {u"tls/server.key"_qs, u"admin.token"_qs, u"viewer.token"_qs, u"tokens.json"_qs,
                                    u"state.json"_qs}) {
            const QFileInfo file(bed->stateDir() + u'/' + name);
            QVERIFY2(file.exists(), qPrintable(name));
            QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                     QFile::Permissions());
        }
        // Creating something writes the audit log, also 0600.
        bed->makeImage(u"lab.img"_qs, 4096);
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        const QFileInfo audit(bed->stateDir() + u"/audit.log"_qs);
        QVERIFY(audit.exists());
        QCOMPARE(audit.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void anUnknownCertificateIsRefusedUntilTrusted()
    {
        const QProcessEnvironment remote = remoteAdmin();
        const TestBed::Result refused = bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs}, remote);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"not known yet: SHA256:"_qs) && refused.err.contains(u"/TrustNew"_qs),
                 qPrintable(refused.err));
        QVERIFY(!QFile::exists(bed->root() + u"/remote_known_hosts"_qs));

        const TestBed::Result trusted = bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs, u"/TrustNew"_qs}, remote);
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.err));
        // Pinned now: no /TrustNew needed any more.
        QCOMPARE(bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs}, remote).exitCode, 0);
    }

    void aChangedCertificateIsRefusedWithBothFingerprints()
    {
        const QProcessEnvironment remote = remoteAdmin();
        QCOMPARE(bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs, u"/TrustNew"_qs}, remote).exitCode, 0);
        // The server comes back with a new key and certificate.
        bed->stopServer();
        QVERIFY(QFile::remove(bed->stateDir() + u"/tls/server.crt"_qs));
        QVERIFY(QFile::remove(bed->stateDir() + u"/tls/server.key"_qs));
        QVERIFY(bed->startServer());
        for (const QStringList &extra : {QStringList{}, QStringList{u"/TrustNew"_qs}}) {
            const TestBed::Result refused = bed->cli(QStringList{u"/Get-Server"_qs, u"/Show:Config"_qs} + extra, remote);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(u"has CHANGED"_qs) && refused.err.count(u"SHA256:"_qs) == 2, qPrintable(refused.err));
        }
    }

    void noTokenOrAWrongOneIsRefusedAndAudited()
    {
        QProcessEnvironment stranger = remoteAdmin();
        stranger.remove(u"DEPLOYCAST_TOKEN_FILE"_qs);
        QCOMPARE(bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs, u"/TrustNew"_qs}, stranger).exitCode, 1);
        stranger.insert(u"DEPLOYCAST_TOKEN"_qs, u"0badc0de.0123456789abcdef"_qs);
        const TestBed::Result refused = bed->cli({u"/Disconnect-Client"_qs, u"/ClientId:1"_qs}, stranger);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"authentication failed"_qs), qPrintable(refused.err));

        const QJsonArray entries = auditEntries();
        QVERIFY(entries.size() >= 2);
        const QJsonObject last = entries.last().toObject();
        QCOMPARE(last.value(u"command"_qs).toString(), u"hello"_qs);
        QCOMPARE(last.value(u"tokenId"_qs).toString(), u"0badc0de"_qs);
        QVERIFY(last.value(u"result"_qs).toString().startsWith(u"auth-failed"_qs));
        QVERIFY(last.value(u"peer"_qs).toString().startsWith(u"127.0.0.1:"_qs));
    }

    void aViewerCanListButNotDisconnect()
    {
        bed->makeImage(u"lab.img"_qs, 4 * 1024 * 1024);
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs}).exitCode, 0);
        bed->startReceiver(u"pc1"_qs, u"Lab"_qs);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientNamed(u"Lab"_qs, u"pc1"_qs).has_value(); }));
        const int id = bed->clientNamed(u"Lab"_qs, u"pc1"_qs)->value(u"id"_qs).toInt();

        QProcessEnvironment viewer = QProcessEnvironment::systemEnvironment();
        viewer.insert(u"DEPLOYCAST_TOKEN_FILE"_qs, bed->stateDir() + u"/viewer.token"_qs);
        QCOMPARE(bed->cli({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs, u"/Show:Clients"_qs}, viewer).exitCode, 0);
        const TestBed::Result denied = bed->cli({u"/Disconnect-Client"_qs, QStringLiteral("/ClientId:%1").arg(id)}, viewer);
        QCOMPARE(denied.exitCode, 1);
        QVERIFY2(denied.err.contains(u"permission denied"_qs), qPrintable(denied.err));
        QVERIFY(bed->clientNamed(u"Lab"_qs, u"pc1"_qs).has_value()); // nothing changed
        QCOMPARE(bed->cli({u"/Get-AuditLog"_qs}, viewer).exitCode, 1); // the log is for admins

        // The refused disconnect, then the refused read of the log.
        const QJsonArray entries = auditEntries();
        QVERIFY(entries.size() >= 2);
        QCOMPARE(entries.last().toObject().value(u"command"_qs).toString(), u"getAuditLog"_qs);
        const QJsonObject last = entries.at(entries.size() - 2).toObject();
        QCOMPARE(last.value(u"command"_qs).toString(), u"disconnectClients"_qs);
        QVERIFY(last.value(u"result"_qs).toString().startsWith(u"permission-denied"_qs));
        QVERIFY(last.value(u"targets"_qs).toString().contains(QString::number(id)));
        const QString viewerId = bed->token(u"viewer"_qs).section(u'.', 0, 0);
        QCOMPARE(last.value(u"tokenId"_qs).toString(), viewerId);
    }

    void aJoinTokenKeepsOutReceiversWithoutIt()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, 1024 * 1024));
        const TestBed::Result created = bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/RequireJoinToken:Yes"_qs});
        QCOMPARE(created.exitCode, 0);
        const QRegularExpressionMatch shown = QRegularExpression(u"Join token: +([0-9a-f]{32})"_qs).match(created.out);
        QVERIFY2(shown.hasMatch(), qPrintable(created.out));
        const QString joinToken = shown.captured(1);
        // Admins see it again; viewers and the pushed listings do not.
        QCOMPARE(bed->cliJson({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs})
                     .value(u"transmission"_qs).toObject().value(u"joinToken"_qs).toString(), joinToken);
        QProcessEnvironment viewer = QProcessEnvironment::systemEnvironment();
        viewer.insert(u"DEPLOYCAST_TOKEN_FILE"_qs, bed->stateDir() + u"/viewer.token"_qs);
        const TestBed::Result seenByViewer = bed->cli({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs, u"/Format:Json"_qs}, viewer);
        QVERIFY(seenByViewer.out.contains(u"\"joinTokenRequired\": true"_qs));
        QVERIFY(!seenByViewer.out.contains(joinToken));

        for (const QStringList &arguments : {QStringList{}, QStringList{u"--join-token"_qs, u"0123"_qs}}) {
            QProcess *refused = bed->startReceiver(u"stranger"_qs, u"Lab"_qs, arguments);
            QCOMPARE(TestBed::finishAndGetExitCode(refused), 1);
            QVERIFY(QString::fromUtf8(refused->readAllStandardError()).contains(u"join token"_qs));
        }
        QProcess *admitted = bed->startReceiver(u"pc1"_qs, u"Lab"_qs, {u"--join-token"_qs, joinToken});
        QCOMPARE(TestBed::finishAndGetExitCode(admitted), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc1"_qs)), expected);
    }

    void aMintedTokenWorksAndAdminActionsAreAudited()
    {
        QProcess mint;
        mint.start(TestBed::program(u"deploycastd"_qs), {u"--state-dir"_qs, bed->stateDir(), u"--new-token"_qs, u"admin"_qs});
        QVERIFY(mint.waitForFinished(10000));
        QCOMPARE(mint.exitCode(), 0);
        const QString token = QString::fromLatin1(mint.readAllStandardOutput()).trimmed();
        QVERIFY(token.contains(QRegularExpression(u"^[0-9a-f]{8}\\.[0-9a-f]{64}$"_qs)));
        // The running server reads new tokens only at start.
        bed->stopServer();
        QVERIFY(bed->startServer());
        QProcessEnvironment minted = QProcessEnvironment::systemEnvironment();
        minted.insert(u"DEPLOYCAST_TOKEN"_qs, token);
        const TestBed::Result done = bed->cli({u"/Set-Server"_qs, u"/Transport"_qs, u"/MulticastSessionPolicy"_qs,
                                               u"/Policy:AutoDisconnect"_qs, u"/Threshold:500"_qs}, minted);
        QVERIFY2(done.exitCode == 0, qPrintable(done.err));
        const QJsonObject last = auditEntries().last().toObject();
        QCOMPARE(last.value(u"command"_qs).toString(), u"setPolicy"_qs);
        QCOMPARE(last.value(u"tokenId"_qs).toString(), token.section(u'.', 0, 0));
        QCOMPARE(last.value(u"result"_qs).toString(), u"ok"_qs);
        QVERIFY(last.value(u"targets"_qs).toString().contains(u"AutoDisconnect"_qs));
        QCOMPARE(bed->cliJson({u"/Get-AuditLog"_qs, u"/Last:1"_qs}).value(u"entries"_qs).toArray().size(), 1);
    }

    void controlCharactersNeverReachATerminalOrTheLog()
    {
        bed->makeImage(u"lab.img"_qs, 1024 * 1024);
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs}).exitCode, 0);
        const QString hostile = u"pc\x1b[2J\x07\nforged line"_qs;
        // A machine name is checked at the join: refused, with the reason.
        QProcess *named = bed->startReceiver(hostile, u"Lab"_qs, {u"--output"_qs, bed->outputDir() + u"/x.img"_qs});
        QCOMPARE(TestBed::finishAndGetExitCode(named), 1);
        QVERIFY(QString::fromUtf8(named->readAllStandardError()).contains(u"machine name"_qs));
        QProcess *tooLong = bed->startReceiver(QString(300, u'a'), u"Lab"_qs, {u"--output"_qs, bed->outputDir() + u"/y.img"_qs});
        QCOMPARE(TestBed::finishAndGetExitCode(tooLong), 1);
        // A raw peer skips the receiver's own checks, and fails a hello with
        // a token full of escapes.
        RawPeer raw(bed->port());
        QVERIFY(raw.waitEncrypted());
        raw.join(u"Lab"_qs, hostile);
        RawPeer stranger(bed->port());
        QVERIFY(stranger.waitEncrypted());
        stranger.hello(u"admin"_qs, u"\x1b]0;owned\x07\x1b[2J\n.x"_qs);
        QVERIFY(stranger.waitForFrame([](const QCborMap &frame) { return frame.value(u"type"_qs).toString() == u"bye"_qs; }));

        const TestBed::Result listing = bed->cli({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs, u"/Show:Clients"_qs});
        QVERIFY2(!hasControlCharacters(listing.out) && !listing.out.contains(u"\nforged"_qs), qPrintable(listing.out));
        const TestBed::Result audit = bed->cli({u"/Get-AuditLog"_qs});
        QCOMPARE(audit.exitCode, 0);
        QVERIFY2(!hasControlCharacters(audit.out), qPrintable(audit.out));
        QVERIFY2(audit.out.contains(u"\\x1b"_qs), qPrintable(audit.out)); // shown escaped, not dropped
        const QString log = bed->serverOutput();
        QVERIFY(!hasControlCharacters(log));
        QVERIFY(!log.contains(u"\nforged"_qs));
    }

    void anAdminChangeIsRefusedWhenTheAuditLogCannotBeWritten()
    {
        bed->makeImage(u"lab.img"_qs, 1024 * 1024);
        // Something the server cannot append to, even as root.
        QFile::remove(bed->stateDir() + u"/audit.log"_qs);
        QVERIFY(QDir().mkpath(bed->stateDir() + u"/audit.log"_qs));
        const TestBed::Result refused = bed->newTransmission(u"Lab"_qs, u"lab.img"_qs);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"audit log"_qs) && refused.err.contains(u"nothing was changed"_qs), qPrintable(refused.err));
        QVERIFY(bed->cli({u"/Get-AllMulticastTransmissions"_qs}).out.contains(u"None."_qs));
        // Reading needs no audit record.
        QCOMPARE(bed->cli({u"/Get-Server"_qs, u"/Show:Config"_qs}).exitCode, 0);
    }

    void theAuditLogIsRotatedBySize()
    {
        bed->stopServer();
        QVERIFY(bed->startServer({u"--audit-max-size"_qs, u"64K"_qs, u"--audit-keep"_qs, u"3"_qs}));
        RawPeer admin(bed->port());
        QVERIFY(admin.waitEncrypted());
        admin.hello(u"admin"_qs, bed->token(u"admin"_qs));
        QCborArray ids;
        for (int i = 1; i <= 100; ++i)
            ids.append(i + 1000);
        QByteArray burst;
        for (int i = 0; i < 600; ++i) // about 600 KB of audit records
            burst += deploycast::encodeFrame(deploycast::proto::request(i + 1, u"disconnectClients"_qs, {{u"ids"_qs, ids}}));
        admin.sendRaw(burst);
        QVERIFY(admin.waitForFrame([](const QCborMap &frame) { return frame.value(u"id"_qs).toInteger() == 600; }, 60000));
        const QDir state(bed->stateDir());
        const QStringList logs = state.entryList({u"audit.log*"_qs}, QDir::Files, QDir::Name);
        QCOMPARE(logs, (QStringList{u"audit.log"_qs, u"audit.log.1"_qs, u"audit.log.2"_qs, u"audit.log.3"_qs}));
        for (const QString &name : logs)
            QVERIFY2(QFileInfo(state.filePath(name)).size() <= 66 * 1024, qPrintable(name));
        // Read back across the files, newest last, each request with its outcome.
        const QJsonArray entries = bed->cliJson({u"/Get-AuditLog"_qs, u"/Last:50"_qs}).value(u"entries"_qs).toArray();
        QCOMPARE(entries.size(), 50);
        QVERIFY(entries.last().toObject().value(u"result"_qs).toString().startsWith(u"ok"_qs));
    }

    void tls12OffersOnlyAeadSuites()
    {
        const QString cbc = tls12With(u"ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA384:ECDHE-ECDSA-AES128-SHA256"_qs);
        QVERIFY2(!cbc.contains(u"Protocol version: TLSv1.2"_qs), qPrintable(cbc));
        const QString gcm = tls12With(u"ECDHE-ECDSA-AES128-GCM-SHA256"_qs);
        QVERIFY2(gcm.contains(u"Protocol version: TLSv1.2"_qs), qPrintable(gcm));
    }
};

QTEST_MAIN(TestSecurity)
#include "tst_security.moc"
