// SPDX-License-Identifier: GPL-3.0-or-later
// The image catalog against a real server: receivers that ask for an image
// get it by unicast or multicast, the catalog survives restarts and adopts
// the store as it was, and bad input, interrupted copies and a disk without
// room change nothing.
#include "test_bed.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {

QStringList stagingLeftovers(const TestBed &bed)
{
    return QDir(bed.root() + u"/store/.deploycast-staging"_qs).entryList(QDir::Files | QDir::Hidden);
}

} // namespace

class TestImageCatalog : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestBed> bed;

    QJsonArray allImages() { return bed->cliJson({u"/Get-AllImages"_qs, u"/Show:All"_qs}).value(u"images"_qs).toArray(); }

    bool addImage(const QString &local, const QString &name, const QString &group)
    {
        return bed->cli({u"/Add-Image"_qs, u"/ImageFile:"_qs + local, u"/ImageType:Install"_qs, u"/Name:"_qs + name,
                         u"/ImageGroup:"_qs + group}).exitCode == 0;
    }

private Q_SLOTS:
    void init() { bed = std::make_unique<TestBed>(); }
    void cleanup() { bed.reset(); }

    // As a WDS client: an image nobody multicasts comes by unicast; once it
    // has a transmission, receivers join that. Both verify.
    void aReceiverGetsAnImageByUnicastOrByItsTransmission()
    {
        const QByteArray expected = TestBed::sha256Of(bed->makeLocalFile(u"win11.img"_qs, 3'000'000 + 17));
        QVERIFY(bed->startServer());
        QVERIFY(addImage(u"win11.img"_qs, u"Windows 11"_qs, u"Lab"_qs));

        QProcess *unicast = bed->startReceiver(u"pc1"_qs, {}, {u"--image"_qs, u"Windows 11"_qs});
        QCOMPARE(TestBed::finishAndGetExitCode(unicast), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc1"_qs)), expected);
        const QString unicastLog = QString::fromUtf8(unicast->readAllStandardError());
        QVERIFY2(unicastLog.contains(u"by unicast (the image has no multicast transmission)"_qs), qPrintable(unicastLog));

        QCOMPARE(bed->cli({u"/New-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs, u"/Image:Windows 11"_qs,
                           u"/ImageType:Install"_qs, u"/TransmissionType:AutoCast"_qs}).exitCode, 0);
        QProcess *multicast = bed->startReceiver(u"pc2"_qs, {}, {u"--image"_qs, u"windows 11"_qs, u"--image-group"_qs, u"Lab"_qs});
        QCOMPARE(TestBed::finishAndGetExitCode(multicast), 0);
        QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc2"_qs)), expected);
        const QString multicastLog = QString::fromUtf8(multicast->readAllStandardError());
        QVERIFY2(multicastLog.contains(u"joined Lab as client"_qs) && multicastLog.contains(u"complete by multicast"_qs),
                 qPrintable(multicastLog));

        QProcess *unknown = bed->startReceiver(u"pc3"_qs, {}, {u"--image"_qs, u"Windows 12"_qs});
        QCOMPARE(TestBed::finishAndGetExitCode(unknown), 1);
        QVERIFY(QString::fromUtf8(unknown->readAllStandardError()).contains(u"there is no install image 'Windows 12'"_qs));
    }

    // Receivers need no token: by image they get only an enabled image they
    // name, learn no paths from a refusal, and pass no join token's guard.
    void receiversByImageGetNoMoreThanTheyMay()
    {
        bed->makeImage(u"old.img"_qs, 10'000); // from before the catalog: adopted, not enabled
        bed->makeLocalFile(u"one.img"_qs, 20'000);
        QVERIFY(bed->startServer());
        for (const char *group : {"Lab", "Other"})
            QVERIFY(addImage(u"one.img"_qs, u"Twin"_qs, QLatin1String(group)));
        QVERIFY(addImage(u"one.img"_qs, u"Guarded"_qs, u"Lab"_qs) == false); // the same file name in Lab: taken
        QCOMPARE(bed->cli({u"/Add-Image"_qs, u"/ImageFile:one.img"_qs, u"/ImageType:Install"_qs, u"/ImageGroup:Lab"_qs,
                           u"/Name:Guarded"_qs, u"/Filename:guarded.img"_qs}).exitCode, 0);
        QCOMPARE(bed->cli({u"/New-MulticastTransmission"_qs, u"/FriendlyName:Secret"_qs, u"/Image:Guarded"_qs, u"/ImageType:Install"_qs,
                           u"/TransmissionType:ScheduledCast"_qs, u"/RequireJoinToken:Yes"_qs}).exitCode, 0);
        const QString joinToken = bed->cliJson({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Secret"_qs})
                                      .value(u"transmission"_qs).toObject().value(u"joinToken"_qs).toString();
        QVERIFY(!joinToken.isEmpty());

        struct Case {
            QStringList arguments;
            QString expected;
        };
        const QList<Case> cases{
            {{u"--image"_qs, u""_qs}, u"name the image"_qs},
            {{u"--image"_qs, u"Twin"_qs}, u"not the only one of that name"_qs},
            {{u"--image"_qs, u"old"_qs}, u"is disabled"_qs},
            {{u"--image"_qs, u"Guarded"_qs}, u"needs the join token of 'Secret'"_qs},
        };
        int machine = 0;
        for (const Case &refused : cases) {
            QProcess *receiver = bed->startReceiver(u"pc"_qs + QString::number(++machine), {}, refused.arguments);
            QCOMPARE(TestBed::finishAndGetExitCode(receiver), 1);
            const QString said = QString::fromUtf8(receiver->readAllStandardError());
            QVERIFY2(said.contains(refused.expected), qPrintable(said));
            QVERIFY2(!said.contains(u"Install/"_qs) && !said.contains(u".img"_qs), qPrintable(said)); // no paths
        }
        // With the token, the guarded image comes (its ScheduledCast is not
        // started: the receiver joins it and waits; started, it verifies).
        QProcess *allowed = bed->startReceiver(u"pc9"_qs, {}, {u"--image"_qs, u"Guarded"_qs, u"--join-token"_qs, joinToken});
        QVERIFY(TestBed::waitUntil([&] { return bed->clientsOf(u"Secret"_qs).size() == 1; }));
        QCOMPARE(bed->cli({u"/Start-MulticastTransmission"_qs, u"/FriendlyName:Secret"_qs}).exitCode, 0);
        QCOMPARE(TestBed::finishAndGetExitCode(allowed), 0);
    }

    // Files in the store before the catalog join it at start; the catalog
    // and what was added survive a restart.
    void theCatalogAdoptsTheStoreAndSurvivesRestarts()
    {
        bed->makeImage(u"legacy.img"_qs, 1000);
        bed->makeImage(u"Install/Lab/lab.img"_qs, 2000);
        bed->makeImage(u"Boot/arm64/pe.img"_qs, 3000);
        // Neither hidden files nor links out of the store are images.
        bed->makeImage(u".hidden.img"_qs, 100);
        QVERIFY(QFile::link(u"/etc/hostname"_qs, bed->root() + u"/store/escape.img"_qs));
        QVERIFY(bed->startServer());
        QJsonArray images = allImages();
        QCOMPARE(images.size(), 3);
        QMap<QString, QJsonObject> byPath;
        for (const QJsonValue &image : images)
            byPath.insert(image.toObject().value(u"path"_qs).toString(), image.toObject());
        QCOMPARE(byPath.value(u"legacy.img"_qs).value(u"group"_qs).toString(), u"Default"_qs);
        // Kept, but not offered to receivers (who need no token) until an admin says so.
        QVERIFY(!byPath.value(u"legacy.img"_qs).value(u"enabled"_qs).toBool());
        QVERIFY(byPath.value(u"Install/Lab/lab.img"_qs).value(u"enabled"_qs).toBool());
        QCOMPARE(byPath.value(u"Install/Lab/lab.img"_qs).value(u"group"_qs).toString(), u"Lab"_qs);
        QCOMPARE(byPath.value(u"Boot/arm64/pe.img"_qs).value(u"type"_qs).toString(), u"Boot"_qs);
        QCOMPARE(byPath.value(u"Boot/arm64/pe.img"_qs).value(u"architecture"_qs).toString(), u"arm64"_qs);
        // The old way of naming a store file still makes a transmission.
        QCOMPARE(bed->newTransmission(u"Old"_qs, u"legacy.img"_qs).exitCode, 0);

        bed->makeLocalFile(u"new.img"_qs, 5000);
        QVERIFY(addImage(u"new.img"_qs, u"New"_qs, u"Lab"_qs));
        QCOMPARE(bed->cli({u"/Set-Image"_qs, u"/Image:New"_qs, u"/ImageType:Install"_qs, u"/Description:kept"_qs}).exitCode, 0);
        bed->stopServer();
        QVERIFY(bed->startServer());
        images = allImages();
        QCOMPARE(images.size(), 4);
        const QJsonObject added = bed->cliJson({u"/Get-Image"_qs, u"/Image:New"_qs, u"/ImageType:Install"_qs}).value(u"image"_qs).toObject();
        QCOMPARE(added.value(u"description"_qs).toString(), u"kept"_qs);
        QCOMPARE(added.value(u"path"_qs).toString(), u"Install/Lab/new.img"_qs);
    }

    void wrongRequestsAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QStringList add{u"/Add-Image"_qs, u"/ImageFile:one.img"_qs, u"/ImageType:Install"_qs};
        QTest::newRow("a slash in the file name") << add + QStringList{u"/Filename:../../etc/x"_qs} << 1 << u"slashes"_qs;
        QTest::newRow("a hidden file name") << add + QStringList{u"/Filename:.hidden"_qs} << 1 << u"leading dot"_qs;
        QTest::newRow("a control character") << add + QStringList{u"/Name:bad\u001bname"_qs} << 1 << u"control characters"_qs;
        QTest::newRow("a file already there") << add + QStringList{u"/ImageGroup:Lab"_qs, u"/Filename:first.img"_qs} << 1 << u"already has"_qs;
        QTest::newRow("no such local file") << QStringList{u"/Add-Image"_qs, u"/ImageFile:missing.img"_qs, u"/ImageType:Install"_qs}
                                            << 2 << u"cannot read the image file missing.img"_qs;
        QTest::newRow("two groups, none named") << add << 1 << u"say which with /ImageGroup"_qs;
        QTest::newRow("a group for a boot image") << QStringList{u"/Add-Image"_qs, u"/ImageFile:one.img"_qs, u"/ImageType:Boot"_qs,
                                                                 u"/ImageGroup:Lab"_qs} << 2 << u"/Architecture"_qs;
        QTest::newRow("an unknown architecture") << QStringList{u"/Get-Image"_qs, u"/Image:First"_qs, u"/ImageType:Boot"_qs,
                                                                u"/Architecture:sparc"_qs} << 2 << u"/Architecture must be one of"_qs;
        QTest::newRow("a group with images") << QStringList{u"/Remove-ImageGroup"_qs, u"/ImageGroup:Lab"_qs} << 1 << u"remove them first"_qs;
        QTest::newRow("an image with a transmission") << QStringList{u"/Remove-Image"_qs, u"/Image:First"_qs, u"/ImageType:Install"_qs}
                                                      << 1 << u"remove it first"_qs;
        QTest::newRow("a second transmission of an image")
            << QStringList{u"/New-MulticastTransmission"_qs, u"/FriendlyName:Again"_qs, u"/Image:First"_qs,
                           u"/ImageType:Install"_qs, u"/TransmissionType:AutoCast"_qs} << 1 << u"already has a transmission, 'Lab'"_qs;
        QTest::newRow("renaming a group that is served") << QStringList{u"/Set-ImageGroup"_qs, u"/ImageGroup:Lab"_qs, u"/Name:Lab2"_qs}
                                                       << 1 << u"before renaming the group"_qs;
        QTest::newRow("renaming onto another group") << QStringList{u"/Set-ImageGroup"_qs, u"/ImageGroup:Other"_qs, u"/Name:lab"_qs}
                                                    << 1 << u"already exists"_qs;
        QTest::newRow("a name in two groups") << QStringList{u"/Get-Image"_qs, u"/Image:Twin"_qs, u"/ImageType:Install"_qs}
                                              << 1 << u"Install/Lab/twin.img"_qs;
        QTest::newRow("both image and friendly name")
            << QStringList{u"/Get-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs, u"/Image:First"_qs, u"/ImageType:Install"_qs}
            << 2 << u"not both"_qs;
        QTest::newRow("an unattend file too big") << QStringList{u"/Set-Image"_qs, u"/Image:First"_qs, u"/ImageType:Install"_qs,
                                                                 u"/UnattendFile:big.xml"_qs} << 2 << u"512 KiB"_qs;
    }

    void wrongRequestsAreRefusedAndChangeNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QVERIFY(bed->startServer());
        bed->makeLocalFile(u"one.img"_qs, 4000);
        bed->makeLocalFile(u"big.xml"_qs, 600 * 1024);
        QVERIFY(bed->cli({u"/Add-ImageGroup"_qs, u"/ImageGroup:Lab"_qs}).exitCode == 0);
        QVERIFY(bed->cli({u"/Add-ImageGroup"_qs, u"/ImageGroup:Other"_qs}).exitCode == 0);
        QVERIFY(bed->cli({u"/Add-Image"_qs, u"/ImageFile:one.img"_qs, u"/ImageType:Install"_qs, u"/ImageGroup:Lab"_qs,
                          u"/Name:First"_qs, u"/Filename:first.img"_qs}).exitCode == 0);
        for (const char *group : {"Lab", "Other"})
            QVERIFY(bed->cli({u"/Add-Image"_qs, u"/ImageFile:one.img"_qs, u"/ImageType:Install"_qs, u"/ImageGroup:"_qs + QLatin1String(group),
                              u"/Name:Twin"_qs, u"/Filename:twin.img"_qs}).exitCode == 0);
        QVERIFY(bed->cli({u"/New-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs, u"/Image:First"_qs, u"/ImageType:Install"_qs,
                          u"/TransmissionType:AutoCast"_qs}).exitCode == 0);
        const QJsonArray before = allImages();
        const QStringList storeBefore = QDir(bed->root() + u"/store"_qs).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

        const TestBed::Result refused = bed->cli(arguments);
        QCOMPARE(refused.exitCode, exitCode);
        QVERIFY2(refused.err.contains(message), qPrintable(refused.err));
        QCOMPARE(allImages(), before);
        QCOMPARE(QDir(bed->root() + u"/store"_qs).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), storeBefore);
        QVERIFY(!QFileInfo::exists(bed->root() + u"/etc/x"_qs));
        QVERIFY(stagingLeftovers(*bed).isEmpty());
    }

    // A copy cut short (the admin's command killed) leaves no file and no
    // catalog entry; a copy that cannot fit is refused before a byte is written.
    void anInterruptedOrImpossibleCopyLeavesNothing()
    {
        QVERIFY(bed->startServer());
        bed->makeLocalFile(u"big.img"_qs, 300'000'000);
        QProcess copy;
        copy.setWorkingDirectory(bed->root());
        copy.start(TestBed::program(u"deploycast"_qs), {u"/Add-Image"_qs, u"/ImageFile:big.img"_qs, u"/ImageType:Install"_qs,
                                                         u"/Server:"_qs + bed->server()});
        QVERIFY(TestBed::waitUntil([&] {
            const QStringList parts = stagingLeftovers(*bed);
            return !parts.isEmpty() && QFileInfo(bed->root() + u"/store/.deploycast-staging/"_qs + parts.first()).size() > 0;
        }));
        copy.kill();
        copy.waitForFinished();
        QVERIFY(TestBed::waitUntil([&] { return stagingLeftovers(*bed).isEmpty(); }));
        QVERIFY(allImages().isEmpty());
        QVERIFY(!QFileInfo::exists(bed->root() + u"/store/Install"_qs) || QDir(bed->root() + u"/store/Install"_qs).isEmpty());

        // A sparse file larger than any disk here: refused at once, with the room there is.
        QFile huge(bed->root() + u"/huge.img"_qs);
        QVERIFY(huge.open(QIODevice::WriteOnly) && huge.resize(qint64(8) << 40));
        huge.close();
        const TestBed::Result refused = bed->cli({u"/Add-Image"_qs, u"/ImageFile:huge.img"_qs, u"/ImageType:Install"_qs});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"this image needs"_qs), qPrintable(refused.err));
        QVERIFY(allImages().isEmpty());
        QVERIFY(stagingLeftovers(*bed).isEmpty());
    }

    void aDamagedCatalogStopsTheStartAndSaysHow()
    {
        QFile catalog(bed->stateDir() + u"/catalog.json"_qs);
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write("{\"groups\": 3");
        catalog.close();
        QProcess *server = bed->launchServer();
        QVERIFY(server->waitForFinished(30000));
        QCOMPARE(server->exitCode(), 1);
        const QString output = bed->serverOutput();
        QVERIFY2(output.contains(u"catalog.json is damaged"_qs) && output.contains(u"move it aside"_qs), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestImageCatalog)
#include "tst_image_catalog.moc"
