// SPDX-License-Identifier: GPL-3.0-or-later
// Microsoft's own WDSUTIL examples, run as written against a real server:
// every example line on the WDSUTIL reference pages for the image catalog,
// multicast transmissions, namespaces, the transport server and the server
// commands (data/wdsutil-examples.txt, with where each line comes from),
// with only "WDSUTIL" replaced and /Server: pointed at the test server.
// Each line must exit 0 and do what its page says, checked through
// /Format:Json. A scenario sets up what the pages take for granted (an
// image of that name, a transmission to start) with our own commands.
//
// Where a page's example is damaged, the corpus holds the clean original
// and says where it comes from. One line is damaged in every version of its
// page: Replace-Image's "\\MyServer\Share \Install.wim" has a stray space
// that would make "\Install.wim" a second argument; it runs without it.
#include "test_bed.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

// The corpus's lines for a command, as "command" → lines.
QMultiMap<QString, QString> corpus()
{
    QFile file(QStringLiteral(DEPLOYCAST_SOURCE_DIR "/tests/integration/data/wdsutil-examples.txt"));
    QMultiMap<QString, QString> lines;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return lines;
    static const QRegularExpression command(u"^wdsutil\\s.*?/((?:[A-Za-z]+-)[A-Za-z]+)"_qs, QRegularExpression::CaseInsensitiveOption);
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const QRegularExpressionMatch match = command.match(line);
        if (!line.startsWith(u'#') && match.hasMatch())
            lines.insert(match.captured(1).toLower(), line);
    }
    return lines;
}

// Commands whose examples are not run yet, and why (docs/cli.md, WDSUTIL coverage).
const QStringList kNotYet{};

// The one line fixed before it runs (see the top of this file).
QString runnable(const QString &line)
{
    QString fixed = line;
    return fixed.replace(u"\\\\MyServer\\Share \\Install.wim"_qs, u"\\\\MyServer\\Share\\Install.wim"_qs);
}

} // namespace

class TestWdsutilExamples : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestBed> bed;
    static inline QSet<QString> ran; // every example line run, across the test functions

    // Runs one example line; it must exit 0.
    bool example(const QString &line)
    {
        const TestBed::Result result = bed->wdsutil(runnable(line));
        ran.insert(line);
        if (result.exitCode != 0)
            qWarning().noquote() << line << "exited" << result.exitCode << ":" << result.err << result.out;
        lastOutput = result.out;
        return result.exitCode == 0;
    }
    QString lastOutput;

    bool run(const QStringList &arguments)
    {
        const TestBed::Result result = bed->cli(arguments);
        if (result.exitCode != 0)
            qWarning().noquote() << arguments.join(u' ') << "exited" << result.exitCode << ":" << result.err;
        return result.exitCode == 0;
    }

    // An image added with our own command, for the examples that take one for granted.
    bool addImage(const QString &type, const QString &name, const QString &where, const QString &fileName, quint32 seed = 7)
    {
        const QString local = u"fixture-"_qs + QString::number(seed) + u".img"_qs;
        bed->makeLocalFile(local, 64 * 1024 + seed, seed);
        QStringList arguments{u"/Add-Image"_qs, u"/ImageFile:"_qs + local, u"/ImageType:"_qs + type, u"/Name:"_qs + name,
                              u"/Filename:"_qs + fileName};
        arguments.append(type == u"Boot"_qs ? u"/Architecture:"_qs + where : u"/ImageGroup:"_qs + where);
        return run(arguments);
    }

    QJsonObject image(const QStringList &selector)
    {
        return bed->cliJson(QStringList{u"/Get-Image"_qs} + selector).value(u"image"_qs).toObject();
    }

    QJsonArray images(const QString &show)
    {
        return bed->cliJson({u"/Get-AllImages"_qs, u"/Show:"_qs + show}).value(u"images"_qs).toArray();
    }

    QJsonObject transmission(const QString &friendlyName)
    {
        return bed->cliJson({u"/Get-MulticastTransmission"_qs, u"/FriendlyName:"_qs + friendlyName}).value(u"transmission"_qs).toObject();
    }

    QJsonObject transportConfig()
    {
        return bed->cliJson({u"/Get-Server"_qs, u"/Show:Config"_qs}).value(u"server"_qs).toObject();
    }

private Q_SLOTS:
    void init() { bed = std::make_unique<TestBed>(); }
    void cleanup() { bed.reset(); }

    void imageCatalogExamples()
    {
        QVERIFY(bed->startServer());
        const QString boot = bed->makeLocalFile(u"C:\\MyFolder\\Boot.wim"_qs, 300'000, 1);
        bed->makeLocalFile(u"\\\\MyServer\\Share\\Boot.wim"_qs, 200'000, 2);
        const QString install = bed->makeLocalFile(u"C:\\MyFolder\\Install.wim"_qs, 400'000, 3);
        bed->makeLocalFile(u"\\\\MyServer\\Share\\Install.wim"_qs, 500'000, 4);
        const QString unattend = bed->makeLocalFile(u"\\\\server\\share\\unattend.xml"_qs, 1000, 5);

        // Add-Image: with no image group yet, an install image makes ImageGroup1.
        QVERIFY(example(u"wdsutil /Add-Image /ImageFile:\"C:\\MyFolder\\Boot.wim\" /ImageType:Boot"_qs));
        QCOMPARE(image({u"/Image:Boot"_qs, u"/ImageType:Boot"_qs}).value(u"path"_qs).toString(), u"Boot/x64/Boot.wim"_qs);
        QVERIFY(example(u"wdsutil /Verbose /Progress /Add-Image /ImageFile:\\\\MyServer\\Share\\Boot.wim /Server:MyWDSServer "
                        "/ImageType:Boot /Name:\"My WinPE Image\" /Description:\"WinPE Image containing the WDS Client\" "
                        "/Filename:WDSBoot.wim"_qs));
        const QJsonObject winpe = image({u"/Image:My WinPE Image"_qs, u"/ImageType:Boot"_qs});
        QCOMPARE(winpe.value(u"fileName"_qs).toString(), u"WDSBoot.wim"_qs);
        QCOMPARE(winpe.value(u"description"_qs).toString(), u"WinPE Image containing the WDS Client"_qs);
        QVERIFY(example(u"wdsutil /Add-Image /ImageFile:\"C:\\MyFolder\\Install.wim\" /ImageType:Install"_qs));
        QCOMPARE(image({u"/Image:Install"_qs, u"/ImageType:Install"_qs}).value(u"group"_qs).toString(), u"ImageGroup1"_qs);
        QCOMPARE(TestBed::sha256Of(bed->root() + u"/store/Install/ImageGroup1/Install.wim"_qs), TestBed::sha256Of(install));
        QVERIFY(example(u"wdsutil /Verbose /Progress /Add-Image /ImageFile:\\\\MyServer\\Share\\Install.wim /Server:MyWDSServer "
                        "/ImageType:Install /ImageGroup:ImageGroup1 /SingleImage:\"Windows Pro\" /Name:\"My WDS Image\" "
                        "/Description:\"Windows Pro image with Microsoft Office\" /Filename:\"Win Pro.wim\" "
                        "/UnattendFile:\"\\\\server\\share\\unattend.xml\""_qs));
        const QJsonObject pro = image({u"/Image:My WDS Image"_qs, u"/ImageType:Install"_qs});
        QCOMPARE(pro.value(u"path"_qs).toString(), u"Install/ImageGroup1/Win Pro.wim"_qs);
        QCOMPARE(pro.value(u"unattendSize"_qs).toInteger(), QFileInfo(unattend).size());

        // Image groups.
        QVERIFY(example(u"WDSUTIL /Add-ImageGroup /ImageGroup:ImageGroup2"_qs));
        QVERIFY(example(u"WDSUTIL /Verbose /Add-ImageGroup /ImageGroup:\"My Image Group\" /Server:MyWDSServer"_qs));
        const QJsonArray groups = bed->cliJson({u"/Get-AllImageGroups"_qs}).value(u"groups"_qs).toArray();
        QCOMPARE(groups.size(), 3);
        QCOMPARE(groups.at(2).toObject().value(u"name"_qs).toString(), u"My Image Group"_qs);
        QVERIFY(example(u"wdsutil /get-allimagegroups"_qs));
        QVERIFY(lastOutput.contains(u"ImageGroup2"_qs));
        QVERIFY(example(u"wdsutil /verbose /get-allimagegroups /server:MyWDSServer /detailed"_qs));
        QVERIFY(lastOutput.contains(u"Win Pro.wim"_qs));
        QVERIFY(example(u"WDSUTIL /Get-ImageGroup /ImageGroup:ImageGroup1"_qs));
        QVERIFY(lastOutput.contains(u"My WDS Image"_qs));
        QVERIFY(example(u"WDSUTIL /Verbose /Get-ImageGroup /ImageGroup:ImageGroup1 /Server:MyWDSServer /Detailed"_qs));
        QVERIFY(lastOutput.contains(u"Install/ImageGroup1/Win Pro.wim"_qs));

        // The images the other pages name.
        QVERIFY(addImage(u"Boot"_qs, u"WinPE boot image"_qs, u"x86"_qs, u"boot.wim"_qs, 10));
        QVERIFY(addImage(u"Boot"_qs, u"WinPE Boot Image"_qs, u"x64"_qs, u"boot.wim"_qs, 11));
        QVERIFY(addImage(u"Install"_qs, u"Windows Vista with Office"_qs, u"ImageGroup1"_qs, u"install.wim"_qs, 12));
        QVERIFY(addImage(u"Install"_qs, u"Windows 10 Home"_qs, u"ImageGroup2"_qs, u"home.wim"_qs, 13));

        for (const char *line : {"WDSUTIL /Get-Image /Image:\"WinPE boot image\" /ImageType:Boot /Architecture:x86",
                                 "WDSUTIL /Verbose /Get-Image /Image:\"WinPE boot image\" /Server:MyWDSServer /ImageType:Boot /Architecture:x86 /Filename:boot.wim"}) {
            QVERIFY(example(QString::fromUtf8(line)));
            QVERIFY(lastOutput.contains(u"Boot/x86/boot.wim"_qs));
        }
        for (const char *line : {"WDSUTIL /Get-Image /Image:\"Windows Vista with Office\" /ImageType:Install",
                                 "WDSUTIL /Verbose /Get-Image /Image:\"Windows Vista with Office\" /Server:MyWDSServer /ImageType:Install /ImageGroup:ImageGroup1 /Filename:install.wim"}) {
            QVERIFY(example(QString::fromUtf8(line)));
            QVERIFY(lastOutput.contains(u"Install/ImageGroup1/install.wim"_qs));
        }
        QVERIFY(example(u"wdsutil /get-allimages /show:install"_qs));
        QVERIFY(!lastOutput.contains(u"WDSBoot.wim"_qs) && lastOutput.contains(u"Win Pro.wim"_qs));
        QVERIFY(example(u"wdsutil /verbose /get-allimages /server:MyWDSServer /show:all /detailed"_qs));
        QVERIFY(lastOutput.contains(u"Boot/x64/WDSBoot.wim"_qs) && lastOutput.contains(u"Install/ImageGroup2/home.wim"_qs));
        QCOMPARE(images(u"All"_qs).size(), 8);

        // Set-Image.
        QVERIFY(example(u"WDSUTIL /Set-Image /Image:\"WinPE boot image\" /ImageType:Boot /Architecture:x86 /Description:\"New description\""_qs));
        QCOMPARE(image({u"/Image:WinPE boot image"_qs, u"/ImageType:Boot"_qs, u"/Architecture:x86"_qs}).value(u"description"_qs).toString(),
                 u"New description"_qs);
        QVERIFY(example(u"WDSUTIL /Verbose /Set-Image /Image:\"WinPE boot image\" /Server:MyWDSServer /ImageType:Boot /Architecture:x86 "
                        "/Filename:boot.wim /Name:\"New Name\" /Description:\"New Description\" /Enabled:Yes"_qs));
        const QJsonObject renamed = image({u"/Image:New Name"_qs, u"/ImageType:Boot"_qs});
        QCOMPARE(renamed.value(u"description"_qs).toString(), u"New Description"_qs);
        QVERIFY(renamed.value(u"enabled"_qs).toBool());
        QVERIFY(example(u"WDSUTIL /Set-Image /Image:\"Windows Vista with Office\" /ImageType:Install /Description:\"New description\""_qs));
        QVERIFY(example(u"WDSUTIL /Verbose /Set-Image /Image:\"Windows Vista with Office\" /Server:MyWDSServer /ImageType:Install "
                        "/ImageGroup:ImageGroup1 /Filename:install.wim /Name:\"New name\" /Description:\"New description\" "
                        "/UserFilter:\"O:BAG:DUD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;AU)\" /Enabled:Yes "
                        "/UnattendFile:\\\\server\\share\\unattend.xml /OverwriteUnattend:Yes"_qs));
        const QJsonObject vista = image({u"/Image:New name"_qs, u"/ImageType:Install"_qs});
        QCOMPARE(vista.value(u"userFilter"_qs).toString(), u"O:BAG:DUD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;AU)"_qs);
        QCOMPARE(vista.value(u"unattendSize"_qs).toInteger(), QFileInfo(unattend).size());
        QVERIFY(run({u"/Set-Image"_qs, u"/Image:New Name"_qs, u"/ImageType:Boot"_qs, u"/Name:WinPE Boot Image"_qs}));
        QVERIFY(run({u"/Set-Image"_qs, u"/Image:New name"_qs, u"/ImageType:Install"_qs, u"/Name:Windows Vista with Office"_qs}));

        // Replace-Image: the file is swapped, the catalog entry stays.
        QVERIFY(example(u"WDSUTIL /Replace-Image /Image:\"WinPE Boot Image\" /ImageType:Boot /Architecture:x86 /ReplacementImage "
                        "/ImageFile:\"C:\\MyFolder\\Boot.wim\""_qs));
        QCOMPARE(TestBed::sha256Of(bed->root() + u"/store/Boot/x86/boot.wim"_qs), TestBed::sha256Of(boot));
        QVERIFY(example(u"WDSUTIL /Verbose /Progress /Replace-Image /Image:\"WinPE Boot Image\" /Server:MyWDSServer /ImageType:Boot "
                        "/Architecture:x64 /Filename:boot.wim /ReplacementImage /ImageFile:\\\\MyServer\\Share\\Boot.wim "
                        "/Name:\"My WinPE Image\" /Description:\"WinPE Image with drivers\""_qs));
        const QJsonObject replaced = image({u"/Image:My WinPE Image"_qs, u"/ImageType:Boot"_qs, u"/Filename:boot.wim"_qs});
        QCOMPARE(replaced.value(u"description"_qs).toString(), u"WinPE Image with drivers"_qs);
        QCOMPARE(replaced.value(u"size"_qs).toInteger(), 200'000);
        QVERIFY(example(u"WDSUTIL /Replace-Image /Image:\"Windows 10 Home\" /ImageType:Install /ReplacementImage "
                        "/ImageFile:\"C:\\MyFolder\\Install.wim\""_qs));
        QCOMPARE(TestBed::sha256Of(bed->root() + u"/store/Install/ImageGroup2/home.wim"_qs), TestBed::sha256Of(install));
        // The page's image lives in ImageGroup1's Install.wim, where Add-Image's
        // third example put "Install": a raw image file holds one image.
        QVERIFY(run({u"/Remove-Image"_qs, u"/Image:Install"_qs, u"/ImageType:Install"_qs}));
        QVERIFY(addImage(u"Install"_qs, u"Windows 10 Pro"_qs, u"ImageGroup1"_qs, u"Install.wim"_qs, 14));
        QVERIFY(example(u"WDSUTIL /Verbose /Progress /Replace-Image /Image:\"Windows 10 Pro\" /Server:MyWDSServer /ImageType:Install "
                        "/ImageGroup:ImageGroup1 /Filename:Install.wim /ReplacementImage /ImageFile:\\\\MyServer\\Share \\Install.wim "
                        "/SourceImage:\"Windows 10 Pro\" /Name:\"Windows Vista Desktop\" "
                        "/Description:\"Windows 10 Pro with standard business applications.\""_qs));
        QCOMPARE(image({u"/Image:Windows Vista Desktop"_qs, u"/ImageType:Install"_qs}).value(u"size"_qs).toInteger(), 500'000);
        QVERIFY(run({u"/Set-Image"_qs, u"/Image:My WinPE Image"_qs, u"/ImageType:Boot"_qs, u"/Filename:boot.wim"_qs,
                     u"/Name:WinPE Boot Image"_qs}));

        // Remove-Image: the entry and the file go.
        QVERIFY(example(u"WDSUTIL /Remove-Image /Image:\"WinPE Boot Image\" /ImageType:Boot /Architecture:x86"_qs));
        QVERIFY(!QFileInfo::exists(bed->root() + u"/store/Boot/x86/boot.wim"_qs));
        QVERIFY(example(u"WDSUTIL /Verbose /Remove-Image /Image:\"WinPE Boot Image\" /Server:MyWDSServer /ImageType:Boot "
                        "/Architecture:x64 /Filename:boot.wim"_qs));
        QVERIFY(!QFileInfo::exists(bed->root() + u"/store/Boot/x64/boot.wim"_qs));
        QVERIFY(example(u"WDSUTIL /Remove-Image /Image:\"Windows Vista with Office\" /ImageType:Install"_qs));
        QVERIFY(image({u"/Image:Windows Vista with Office"_qs, u"/ImageType:Install"_qs}).isEmpty());
        QVERIFY(addImage(u"Install"_qs, u"Windows Vista with Office"_qs, u"ImageGroup1"_qs, u"install.wim"_qs, 15));
        QVERIFY(example(u"WDSUTIL /Verbose /Remove-Image /Image:\"Windows Vista with Office\" /Server:MyWDSServer /ImageType:Install "
                        "/ImageGroup:ImageGroup1 /Filename:install.wim"_qs));
        QVERIFY(!QFileInfo::exists(bed->root() + u"/store/Install/ImageGroup1/install.wim"_qs));

        // Set-ImageGroup: the group and its folder take the new name.
        QVERIFY(example(u"wdsutil /Set-ImageGroup /ImageGroup:ImageGroup1 /Name:\"New Image Group Name\""_qs));
        QCOMPARE(image({u"/Image:My WDS Image"_qs, u"/ImageType:Install"_qs}).value(u"path"_qs).toString(),
                 u"Install/New Image Group Name/Win Pro.wim"_qs);
        QVERIFY(QFileInfo::exists(bed->root() + u"/store/Install/New Image Group Name/Win Pro.wim"_qs));
        QVERIFY(run({u"/Set-ImageGroup"_qs, u"/ImageGroup:New Image Group Name"_qs, u"/Name:ImageGroup1"_qs}));
        QVERIFY(example(u"wdsutil /verbose /Set-ImageGroup /ImageGroup:ImageGroup1 /Server:MyWDSServer /Name:\"New Image Group Name\" "
                        "/Security:\"O:BAG:S-1-5-21-2176941838-3499754553-4071289181-513 D:AI(A;ID;FA;;;SY)(A;OICIIOID;GA;;;SY)"
                        "(A;ID;FA;;;BA)(A;OICIIOID;GA;;;BA) (A;ID;0x1200a9;;;AU)(A;OICIIOID;GXGR;;;AU)\""_qs));
        const QJsonArray groupsNow = bed->cliJson({u"/Get-AllImageGroups"_qs}).value(u"groups"_qs).toArray();
        QVERIFY(std::any_of(groupsNow.begin(), groupsNow.end(), [](const QJsonValue &group) {
            return group.toObject().value(u"name"_qs).toString() == u"New Image Group Name"_qs
                && group.toObject().value(u"security"_qs).toString().startsWith(u"O:BAG:S-1-5-21-"_qs);
        }));
        QVERIFY(run({u"/Set-ImageGroup"_qs, u"/ImageGroup:New Image Group Name"_qs, u"/Name:ImageGroup1"_qs}));

        // Remove-ImageGroup takes an empty group.
        for (const char *name : {"My WDS Image", "Windows Vista Desktop"})
            QVERIFY(run({u"/Remove-Image"_qs, u"/Image:"_qs + QString::fromUtf8(name), u"/ImageType:Install"_qs}));
        QVERIFY(example(u"WDSUTIL /Remove-ImageGroup /ImageGroup:ImageGroup1"_qs));
        QVERIFY(example(u"WDSUTIL /Verbose /Remove-ImageGroup /ImageGroup:\"My Image Group\" /Server:MyWDSServer"_qs));
        const QJsonArray left = bed->cliJson({u"/Get-AllImageGroups"_qs}).value(u"groups"_qs).toArray();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.at(0).toObject().value(u"name"_qs).toString(), u"ImageGroup2"_qs);
    }

    // Copy-Image copies within the image group, on the server; Export-Image
    // writes the file here. A Windows path is a file name on Linux, made in
    // the test's folder (the CLI runs there).
    void copyAndExportExamples()
    {
        QVERIFY(bed->startServer());
        QVERIFY(addImage(u"Install"_qs, u"Windows Vista with Office"_qs, u"ImageGroup1"_qs, u"install.wim"_qs, 21));
        QVERIFY(addImage(u"Boot"_qs, u"WinPE boot image"_qs, u"x86"_qs, u"boot.wim"_qs, 22));
        QVERIFY(addImage(u"Boot"_qs, u"WinPE boot image"_qs, u"x64"_qs, u"boot.wim"_qs, 23));
        const QString store = bed->root() + u"/store/"_qs;
        const QByteArray vista = TestBed::sha256Of(store + u"Install/ImageGroup1/install.wim"_qs);

        QVERIFY(example(u"WDSUTIL /Copy-Image /Image:\"Windows Vista with Office\" /ImageType:Install /DestinationImage "
                        "/Name:\"Copy of Windows Vista with Office\" /Filename:\"WindowsVista.wim\""_qs));
        const QJsonObject copy = image({u"/Image:Copy of Windows Vista with Office"_qs, u"/ImageType:Install"_qs});
        QCOMPARE(copy.value(u"path"_qs).toString(), u"Install/ImageGroup1/WindowsVista.wim"_qs);
        QCOMPARE(TestBed::sha256Of(store + u"Install/ImageGroup1/WindowsVista.wim"_qs), vista);
        QVERIFY(run({u"/Remove-Image"_qs, u"/Image:Copy of Windows Vista with Office"_qs, u"/ImageType:Install"_qs}));
        QVERIFY(example(u"WDSUTIL /Verbose /Progress /Copy-Image /Image:\"Windows Vista with Office\" /Server:MyWDSServer "
                        "/ImageType:Install /ImageGroup:ImageGroup1 /Filename:install.wim /DestinationImage "
                        "/Name:\"Copy of Windows Vista with Office\" /Filename:\"WindowsVista.wim\" "
                        "/Description:\"This is a copy of the original Windows image with Office installed\""_qs));
        const QJsonObject described = image({u"/Image:Copy of Windows Vista with Office"_qs, u"/ImageType:Install"_qs});
        QCOMPARE(described.value(u"description"_qs).toString(), u"This is a copy of the original Windows image with Office installed"_qs);
        QCOMPARE(TestBed::sha256Of(store + u"Install/ImageGroup1/WindowsVista.wim"_qs), vista);

        QVERIFY(example(u"WDSUTIL /Export-Image /Image:\"WinPE boot image\" /ImageType:Boot /Architecture:x86 /DestinationImage "
                        "/FilePath:\"C:\\temp\\boot.wim\""_qs));
        QCOMPARE(TestBed::sha256Of(bed->root() + u"/C:\\temp\\boot.wim"_qs), TestBed::sha256Of(store + u"Boot/x86/boot.wim"_qs));
        bed->makeLocalFile(u"\\\\Server\\Share\\ExportImage.wim"_qs, 10, 24); // /Overwrite:Yes replaces it
        QVERIFY(example(u"WDSUTIL /Verbose /Progress /Export-Image /Image:\"WinPE boot image\" /Server:MyWDSServer /ImageType:Boot "
                        "/Architecture:x64 /Filename:boot.wim /DestinationImage /FilePath:\"\\\\Server\\Share\\ExportImage.wim\" "
                        "/Name:\"Exported WinPE image\" /Description:\"WinPE Image from WDS server\" /Overwrite:Yes"_qs));
        QCOMPARE(TestBed::sha256Of(bed->root() + u"/\\\\Server\\Share\\ExportImage.wim"_qs),
                 TestBed::sha256Of(store + u"Boot/x64/boot.wim"_qs));
        QVERIFY(example(u"WDSUTIL /Export-Image /Image:\"Windows Vista with Office\" /ImageType:Install /DestinationImage "
                        "/FilePath:\"C:\\Temp\\Install.wim\""_qs));
        QCOMPARE(TestBed::sha256Of(bed->root() + u"/C:\\Temp\\Install.wim"_qs), vista);
        QVERIFY(example(u"WDSUTIL /Verbose /Progress /Export-Image /Image:\"Windows Vista with Office\" /Server:MyWDSServer "
                        "/ImageType:Install /ImageGroup:ImageGroup1 /Filename:install.wim /DestinationImage "
                        "/FilePath:\\\\server\\share\\export.wim /Name:\"Exported Windows image\" "
                        "/Description:\"Windows Vista image from WDS server\" /Overwrite:Append"_qs));
        QCOMPARE(TestBed::sha256Of(bed->root() + u"/\\\\server\\share\\export.wim"_qs), vista);
    }

    // What Copy-Image and Export-Image refuse, and that nothing changes.
    void copyAndExportRefuseWhatTheyCannotDo()
    {
        QVERIFY(bed->startServer());
        QVERIFY(addImage(u"Install"_qs, u"Lab"_qs, u"G1"_qs, u"lab.img"_qs, 31));
        QVERIFY(addImage(u"Install"_qs, u"Other"_qs, u"G2"_qs, u"other.img"_qs, 32));
        QVERIFY(addImage(u"Boot"_qs, u"PE"_qs, u"x64"_qs, u"pe.img"_qs, 33));
        const int before = images(u"All"_qs).size();
        auto refused = [this](const QStringList &arguments, const QString &message) {
            const TestBed::Result result = bed->cli(arguments);
            if (result.exitCode == 0 || !result.err.contains(message))
                qWarning().noquote() << arguments.join(u' ') << "gave" << result.exitCode << result.err;
            return result.exitCode != 0 && result.err.contains(message);
        };
        const QStringList copyLab{u"/Copy-Image"_qs, u"/Image:Lab"_qs, u"/ImageType:Install"_qs, u"/DestinationImage"_qs, u"/Name:Lab 2"_qs};
        QVERIFY(refused(copyLab + QStringList{u"/Filename:other.img"_qs, u"/ImageGroup:G2"_qs}, u"no install image 'Lab' in group 'G2'"_qs));
        QVERIFY(refused(copyLab + QStringList{u"/Filename:lab.img"_qs}, u"already has"_qs));
        QVERIFY(refused({u"/Copy-Image"_qs, u"/Image:PE"_qs, u"/ImageType:Boot"_qs, u"/DestinationImage"_qs, u"/Name:PE 2"_qs,
                         u"/Filename:pe2.img"_qs}, u"copies install images"_qs));
        QVERIFY(refused({u"/Copy-Image"_qs, u"/Image:Nobody"_qs, u"/ImageType:Install"_qs, u"/DestinationImage"_qs,
                         u"/Name:X"_qs, u"/Filename:x.img"_qs}, u"Nobody"_qs));
        QCOMPARE(images(u"All"_qs).size(), before);

        const QString target = bed->makeLocalFile(u"kept.img"_qs, 1000, 34);
        const QByteArray kept = TestBed::sha256Of(target);
        const QStringList exportLab{u"/Export-Image"_qs, u"/Image:Lab"_qs, u"/ImageType:Install"_qs, u"/DestinationImage"_qs,
                                    u"/FilePath:kept.img"_qs};
        QVERIFY(refused(exportLab, u"/Overwrite:Yes"_qs));
        QVERIFY(refused(exportLab + QStringList{u"/Overwrite:Append"_qs}, u"holds one image"_qs));
        QCOMPARE(TestBed::sha256Of(target), kept);
        QVERIFY(refused({u"/Export-Image"_qs, u"/Image:Lab"_qs, u"/ImageType:Install"_qs, u"/DestinationImage"_qs,
                         u"/FilePath:no-such-folder/lab.img"_qs}, u"no-such-folder"_qs));
        const QJsonObject exported = bed->cliJson(exportLab + QStringList{u"/Overwrite:Yes"_qs}).value(u"exported"_qs).toObject();
        QCOMPARE(exported.value(u"sha256"_qs).toString().toLatin1(), TestBed::sha256Of(bed->root() + u"/store/Install/G1/lab.img"_qs));
        QCOMPARE(TestBed::sha256Of(target), TestBed::sha256Of(bed->root() + u"/store/Install/G1/lab.img"_qs));
        // A viewer may not read images out.
        QProcessEnvironment asViewer = QProcessEnvironment::systemEnvironment();
        asViewer.insert(u"DEPLOYCAST_TOKEN_FILE"_qs, bed->stateDir() + u"/viewer.token"_qs);
        const TestBed::Result viewer = bed->cli(exportLab + QStringList{u"/Overwrite:Yes"_qs}, asViewer);
        QVERIFY2(viewer.exitCode != 0 && viewer.err.contains(u"permission"_qs), qPrintable(viewer.err));
    }

    void transmissionExamples()
    {
        QVERIFY(bed->startServer());
        QVERIFY(run({u"/Add-ImageGroup"_qs, u"/ImageGroup:ImageGroup1"_qs}));
        QVERIFY(addImage(u"Install"_qs, u"Vista with Office"_qs, u"ImageGroup1"_qs, u"install.wim"_qs, 20));
        QVERIFY(addImage(u"Boot"_qs, u"X64 Boot Image"_qs, u"x64"_qs, u"boot.wim"_qs, 21));

        QVERIFY(example(u"WDSUTIL /New-MulticastTransmission /FriendlyName:\"WDS Boot Transmission\" /Image:\"X64 Boot Image\" "
                        "/ImageType:Boot /Architecture:x64 /TransmissionType:AutoCast"_qs));
        const QJsonObject bootCast = transmission(u"WDS Boot Transmission"_qs);
        QCOMPARE(bootCast.value(u"contentPath"_qs).toString(), u"Boot/x64/boot.wim"_qs);
        QCOMPARE(bootCast.value(u"image"_qs).toObject().value(u"type"_qs).toString(), u"Boot"_qs);
        QVERIFY(example(u"WDSUTIL /New-MulticastTransmission /FriendlyName:\"WDS AutoCast Transmission\" /Image:\"Vista with Office\" "
                        "/ImageType:Install /TransmissionType:AutoCast"_qs));
        QCOMPARE(transmission(u"WDS AutoCast Transmission"_qs).value(u"type"_qs).toString(), u"AutoCast"_qs);

        for (const char *line : {"WDSUTIL /Get-MulticastTransmission /Image:\"Vista with Office\" /ImageType:Install",
                                 "WDSUTIL /Get-MulticastTransmission /Server:MyWDSServer /Image:\"Vista with Office\" /ImageType:Install /ImageGroup:ImageGroup1 /Filename:install.wim /Show:Clients",
                                 "WDSUTIL /Get-MulticastTransmission /Server:MyWDSServer /Image:\"Vista with Office\" /ImageType:Install /ImageGroup:ImageGroup1 /Filename:install.wim /Details:Clients"}) {
            QVERIFY(example(QString::fromUtf8(line)));
            QVERIFY(lastOutput.contains(u"WDS AutoCast Transmission"_qs));
        }
        QVERIFY(example(u"WDSUTIL /Get-MulticastTransmission /Server:MyWDSServer /Image:\"X64 Boot Image\" /ImageType:Boot "
                        "/Architecture:x64 /Filename:boot.wim /Details:Clients"_qs));
        QVERIFY(lastOutput.contains(u"WDS Boot Transmission"_qs) && lastOutput.contains(u"No clients."_qs));
        QVERIFY(example(u"wdsutil /Get-AllMulticastTransmissions"_qs));
        QVERIFY(lastOutput.contains(u"WDS Boot Transmission"_qs) && lastOutput.contains(u"WDS AutoCast Transmission"_qs));
        QVERIFY(example(u"wdsutil /Get-AllMulticastTransmissions /Show:All"_qs));
        QVERIFY(lastOutput.contains(u"WDS Boot Transmission"_qs) && lastOutput.contains(u"WDS AutoCast Transmission"_qs));
        QVERIFY(example(u"wdsutil /Get-AllMulticastTransmissions /Server:MyWDSServer /Show:Clients /ExcludedeletePending"_qs));
        QVERIFY(example(u"wdsutil /Get-AllMulticastTransmissions /Server:MyWDSServer /Show:All /details:Clients /ExcludedeletePending"_qs));
        QVERIFY(lastOutput.contains(u"No clients."_qs));

        // Removing them (no clients: at once), then the ScheduledCast page.
        QVERIFY(example(u"wdsutil /remove-MulticastTransmission /Image:\"Vista with Office\" /Imagetype:Install"_qs));
        QVERIFY(example(u"wdsutil /remove-MulticastTransmission /Image:\"x64 Boot Image\" /Imagetype:Boot /Architecture:x64"_qs));
        QVERIFY(bed->cliJson({u"/Get-AllMulticastTransmissions"_qs}).value(u"transmissions"_qs).toArray().isEmpty());
        QVERIFY(example(u"WDSUTIL /New-MulticastTransmission /FriendlyName:\"WDS SchedCast Transmission\" /Server:MyWDSServer "
                        "/Image:\"Vista with Office\" /ImageType:Install /TransmissionType:ScheduledCast /Time:\"2006/11/20:17:00\" /Clients:100"_qs));
        const QJsonObject scheduled = transmission(u"WDS SchedCast Transmission"_qs);
        QCOMPARE(scheduled.value(u"type"_qs).toString(), u"ScheduledCast"_qs);
        QCOMPARE(scheduled.value(u"minClients"_qs).toInt(), 100);
        // Its time is past: started already; starting it again changes nothing.
        QVERIFY(example(u"WDSUTIL /Start-MulticastTransmission /Image:\"Vista with Office\" /ImageType:Install"_qs));
        QVERIFY(example(u"WDSUTIL /Start-MulticastTransmission /Server:MyWDSServer /Image:\"Vista with Office\" /ImageType:Install "
                        "/ImageGroup:ImageGroup1 /Filename:install.wim"_qs));
        QCOMPARE(transmission(u"WDS SchedCast Transmission"_qs).value(u"state"_qs).toString(), u"Active"_qs);
        QVERIFY(run({u"/New-MulticastTransmission"_qs, u"/FriendlyName:Boot later"_qs, u"/Image:X64 Boot Image"_qs,
                     u"/ImageType:Boot"_qs, u"/TransmissionType:ScheduledCast"_qs}));
        QCOMPARE(transmission(u"Boot later"_qs).value(u"state"_qs).toString(), u"Waiting"_qs);
        QVERIFY(example(u"WDSUTIL /Start-MulticastTransmission /Server:MyWDSServer /Image:\"X64 Boot Image\" /ImageType:Boot "
                        "/Architecture:x64 /Filename:boot.wim"_qs));
        QCOMPARE(transmission(u"Boot later"_qs).value(u"state"_qs).toString(), u"Active"_qs);
        QVERIFY(example(u"wdsutil /remove-MulticastTransmission /Server:MyWDSServer /Image:\"Vista with Office\" /Imagetype:Install "
                        "/ImageGroup:ImageGroup1 /Filename:install.wim /force"_qs));
        QVERIFY(transmission(u"WDS SchedCast Transmission"_qs).isEmpty());
    }

    void namespaceExamples()
    {
        bed->makeImage(u"drivers.tar"_qs, 100'000);
        QVERIFY(bed->startServer({u"--content-provider"_qs, u"MyContentProvider=drivers.tar"_qs}));
        QVERIFY(example(u"WDSUTIL /New-Namespace /FriendlyName:\"Custom AutoCast Namespace\" /Namespace:\"Custom Auto 1\" "
                        "/ContentProvider:MyContentProvider /NamespaceType:AutoCast"_qs));
        auto custom = [this] {
            return bed->cliJson({u"/Get-Namespace"_qs, u"/Namespace:Custom Auto 1"_qs}).value(u"namespace"_qs).toObject();
        };
        QCOMPARE(custom().value(u"contentPath"_qs).toString(), u"drivers.tar"_qs);
        QCOMPARE(custom().value(u"contentProvider"_qs).toString(), u"MyContentProvider"_qs);
        QVERIFY(example(u"WDSUTIL /Remove-Namespace /Namespace:\"Custom Auto 1\""_qs));
        QVERIFY(custom().isEmpty());
        QVERIFY(example(u"WDSUTIL /New-Namespace /Server:MyWDSServer /FriendlyName:\"Custom Scheduled Namespace\" "
                        "/Namespace:\"Custom Auto 1\" /ContentProvider:MyContentProvider /NamespaceType:ScheduledCast "
                        "/Time:\"2006/11/20:17:00\" /Clients:20"_qs));
        QCOMPARE(custom().value(u"friendlyName"_qs).toString(), u"Custom Scheduled Namespace"_qs);
        QCOMPARE(custom().value(u"minClients"_qs).toInt(), 20);
        for (const char *line : {"WDSUTIL /Get-Namespace /Namespace:\"Custom Auto 1\"",
                                 "WDSUTIL /Get-Namespace /Server:MyWDSServer /Namespace:\"Custom Auto 1\" /Show:Clients",
                                 "WDSUTIL /Get-Namespace /Server:MyWDSServer /Namespace:\"Custom Auto 1\" /Details:Clients",
                                 "wdsutil /Get-AllNamespaces"}) {
            QVERIFY(example(QString::fromUtf8(line)));
            QVERIFY(lastOutput.contains(u"Custom Auto 1"_qs));
        }
        // Another provider's name: nothing listed, and no error.
        for (const char *line : {"WDSUTIL /Get-AllNamespaces /Server:MyWDSServer /ContentProvider:\"MyContentProv\" /Show:Clients /ExcludeDeletePending",
                                 "wdsutil /Get-AllNamespaces /Server:MyWDSServer /ContentProvider:\"MyContentProv\" /details:Clients /ExcludedeletePending"}) {
            QVERIFY(example(QString::fromUtf8(line)));
            QVERIFY(!lastOutput.contains(u"Custom Auto 1"_qs) && lastOutput.contains(u"None."_qs));
        }
        QVERIFY(example(u"WDSUTIL /Start-Namespace /Namespace:\"Custom Auto 1\""_qs));
        QVERIFY(example(u"WDSUTIL /Start-Namespace /Server:MyWDSServer /Namespace:\"Custom Auto 1\""_qs));
        QCOMPARE(custom().value(u"state"_qs).toString(), u"Active"_qs);
        QVERIFY(example(u"WDSUTIL /Remove-Namespace /Server:MyWDSServer /Namespace:\"Custom Auto 1\" /Force"_qs));
        QVERIFY(custom().isEmpty());
    }

    void transportAndServerExamples()
    {
        QVERIFY(bed->startServer());
        QVERIFY(example(u"wdsutil /Set-TransportServer /ObtainIpv4From:Range /start:239.0.0.1 /End:239.0.0.100"_qs));
        QCOMPARE(transportConfig().value(u"multicastRange"_qs).toString(), u"239.0.0.1-239.0.0.100"_qs);
        QVERIFY(example(u"wdsutil /Set-TransportServer /Server:MyWDSServer /ObtainIpv4From:Range /start:239.0.0.1 /End:239.0.0.100 "
                        "/startPort:12000 /EndPort:50000 /Profile:10mbps"_qs));
        QCOMPARE(transportConfig().value(u"portRange"_qs).toString(), u"12000-50000"_qs);
        QCOMPARE(transportConfig().value(u"transport"_qs).toObject().value(u"profile"_qs).toString(), u"10Mbps"_qs);
        for (const char *line : {"wdsutil /Get-TransportServer /Show:Config", "wdsutil /Get-TransportServer /Server:MyWDSServer /Show:Config"}) {
            QVERIFY(example(QString::fromUtf8(line)));
            QVERIFY(lastOutput.contains(u"12000 - 50000"_qs));
        }
        auto running = [this] { return transportConfig().value(u"transportRunning"_qs).toBool(); };
        auto enabled = [this] { return transportConfig().value(u"transport"_qs).toObject().value(u"enabled"_qs).toBool(); };
        QVERIFY(example(u"wdsutil /Stop-TransportServer"_qs));
        QVERIFY(!running());
        QVERIFY(example(u"wdsutil /start-TransportServer"_qs));
        QVERIFY(running());
        QVERIFY(example(u"wdsutil /verbose /Stop-TransportServer /Server:MyWDSServer"_qs));
        QVERIFY(!running());
        QVERIFY(example(u"wdsutil /verbose /start-TransportServer /Server:MyWDSServer"_qs));
        QVERIFY(running());
        QVERIFY(example(u"wdsutil /Disable-TransportServer"_qs));
        QVERIFY(!running() && !enabled());
        QCOMPARE(bed->cli({u"/Start-TransportServer"_qs}).exitCode, 1); // disabled: enable first
        QVERIFY(example(u"wdsutil /Enable-TransportServer"_qs));
        QVERIFY(enabled() && !running());
        QVERIFY(example(u"wdsutil /verbose /Disable-TransportServer /Server:MyWDSServer"_qs));
        QVERIFY(!enabled());
        QVERIFY(example(u"wdsutil /verbose /Enable-TransportServer /Server:MyWDSServer"_qs));
        QVERIFY(enabled());
        QVERIFY(example(u"wdsutil /start-Server"_qs));
        QVERIFY(running());
        QVERIFY(example(u"wdsutil /Stop-Server"_qs));
        QVERIFY(!running());
        QVERIFY(example(u"wdsutil /verbose /start-Server /Server:MyWDSServer"_qs));
        QVERIFY(running());
        QVERIFY(example(u"wdsutil /verbose /Stop-Server /Server:MyWDSServer"_qs));
        QVERIFY(!running());

        bed->makeLocalFile(u"lab.img"_qs, 70'000);
        QVERIFY(run({u"/Add-Image"_qs, u"/ImageFile:lab.img"_qs, u"/ImageType:Install"_qs}));
        QVERIFY(example(u"wdsutil /Get-Server /Show:Config"_qs));
        QVERIFY(lastOutput.contains(u"239.0.0.1-239.0.0.100"_qs));
        QVERIFY(example(u"wdsutil /verbose /Get-Server /Server:MyWDSServer /Show:All /detailed"_qs));
        QVERIFY(lastOutput.contains(u"239.0.0.1-239.0.0.100"_qs) && lastOutput.contains(u"Install/ImageGroup1/lab.img"_qs));
        QVERIFY(example(u"wdsutil /Get-AllServers /Show:Config"_qs));
        QVERIFY(lastOutput.contains(u"239.0.0.1-239.0.0.100"_qs));
        QVERIFY(example(u"wdsutil /Verbose /Get-AllServers /Show:All /Detailed /Forest:Yes"_qs));
        QVERIFY(lastOutput.contains(u"Install/ImageGroup1/lab.img"_qs));
    }

    // Each page's line on a server of its own, where client 1 is a receiver
    // waiting for a ScheduledCast that has not started.
    void disconnectExamples_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("receiverExit");
        QTest::newRow("without Force: it finishes by unicast") << u"wdsutil /Disconnect-Client /ClientId:1"_qs << 0;
        QTest::newRow("with Force: it fails") << u"wdsutil /Disconnect-Client /Server:MyWDSServer /ClientId:1 /Force"_qs << 3;
    }

    void disconnectExamples()
    {
        QFETCH(QString, line);
        QFETCH(int, receiverExit);
        const QByteArray expected = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, 3'000'000));
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Night"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs}).exitCode, 0);
        QProcess *receiver = bed->startReceiver(u"pc1"_qs, u"Night"_qs);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientNamed(u"Night"_qs, u"pc1"_qs).has_value(); }));
        QCOMPARE(bed->clientNamed(u"Night"_qs, u"pc1"_qs)->value(u"id"_qs).toInt(), 1);
        QVERIFY(example(line));
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), receiverExit);
        if (receiverExit == 0)
            QCOMPARE(TestBed::sha256Of(bed->receiverOutput(u"pc1"_qs)), expected);
    }

    // Runs last: every example line of the covered commands ran above.
    void everyExampleLineRan()
    {
        const QMultiMap<QString, QString> lines = corpus();
        QVERIFY2(lines.size() >= 80, "the corpus was not read");
        for (auto it = lines.cbegin(); it != lines.cend(); ++it)
            if (!kNotYet.contains(it.key()))
                QVERIFY2(ran.contains(it.value()), qPrintable(u"never run: "_qs + it.value()));
    }
};

QTEST_GUILESS_MAIN(TestWdsutilExamples)
#include "tst_wdsutil_examples.moc"
