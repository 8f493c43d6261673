// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/command_line.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace deploycast::cli;

class TestCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedExamplesParse()
    {
        const ParseResult plain = parseCommandLine({u"/Disconnect-Client"_qs, u"/ClientId:1"_qs});
        QVERIFY2(plain.parsed, qPrintable(plain.error));
        QCOMPARE(plain.parsed->command->name, u"Disconnect-Client"_qs);
        QCOMPARE(plain.parsed->integer(u"ClientId"_qs), 1u);
        QVERIFY(!plain.parsed->has(u"Force"_qs));

        const ParseResult forced = parseCommandLine(
            {u"/Disconnect-Client"_qs, u"/Server:MyWDSServer"_qs, u"/ClientId:1"_qs, u"/Force"_qs});
        QVERIFY2(forced.parsed, qPrintable(forced.error));
        QCOMPARE(forced.parsed->value(u"Server"_qs), u"MyWDSServer"_qs);
        QVERIFY(forced.parsed->has(u"Force"_qs));
    }

    void namesAreCaseInsensitiveAndCanonicalised()
    {
        const ParseResult result = parseCommandLine({u"/get-allmulticasttransmissions"_qs, u"-SHOW:clients"_qs,
                                                     u"/format:JSON"_qs, u"/excludedeletepending"_qs});
        QVERIFY2(result.parsed, qPrintable(result.error));
        QCOMPARE(result.parsed->command->name, u"Get-AllMulticastTransmissions"_qs);
        QCOMPARE(result.parsed->value(u"Show"_qs), u"Clients"_qs);
        QCOMPARE(result.parsed->value(u"Format"_qs), u"Json"_qs);
        QVERIFY(result.parsed->has(u"ExcludeDeletePending"_qs));
    }

    void valuesKeepTheirColons()
    {
        const ParseResult result = parseCommandLine({u"/New-MulticastTransmission"_qs, u"/FriendlyName:Night run"_qs,
                                                     u"/Image:images/win11.img"_qs, u"/TransmissionType:ScheduledCast"_qs,
                                                     u"/Time:2026/12/01:22:05"_qs, u"/Server:10.0.0.1:7405"_qs});
        QVERIFY2(result.parsed, qPrintable(result.error));
        QCOMPARE(result.parsed->value(u"FriendlyName"_qs), u"Night run"_qs);
        QCOMPARE(result.parsed->value(u"Server"_qs), u"10.0.0.1:7405"_qs);
        QCOMPARE(result.parsed->time(u"Time"_qs), QDateTime(QDate(2026, 12, 1), QTime(22, 5)));
    }

    void helpIsRecognised()
    {
        const ParseResult general = parseCommandLine({u"/?"_qs});
        QVERIFY(general.parsed && general.parsed->help && !general.parsed->command);
        const ParseResult perCommand = parseCommandLine({u"/Disconnect-Client"_qs, u"/?"_qs});
        QVERIFY(perCommand.parsed && perCommand.parsed->help);
        QCOMPARE(perCommand.parsed->command->name, u"Disconnect-Client"_qs);
        QVERIFY(commandHelp(*perCommand.parsed->command).contains(u"/ClientId:<id>"_qs));
        QVERIFY(generalHelp().contains(u"/Get-AllFallbackClients"_qs));
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("nothing") << QStringList{} << u"no command given"_qs;
        QTest::newRow("unknown command") << QStringList{u"/Frobnicate"_qs} << u"unknown command '/Frobnicate'"_qs;
        QTest::newRow("not a switch") << QStringList{u"/Disconnect-Client"_qs, u"1"_qs} << u"'1' is not a /Command"_qs;
        QTest::newRow("unknown switch") << QStringList{u"/Disconnect-Client"_qs, u"/ClientId:1"_qs, u"/Bogus"_qs}
                                        << u"has no switch /Bogus"_qs;
        QTest::newRow("missing required") << QStringList{u"/Disconnect-Client"_qs} << u"needs /ClientId"_qs;
        QTest::newRow("missing value") << QStringList{u"/Disconnect-Client"_qs, u"/ClientId"_qs} << u"needs a value"_qs;
        QTest::newRow("empty value") << QStringList{u"/Disconnect-Client"_qs, u"/ClientId:"_qs} << u"needs a value"_qs;
        QTest::newRow("not a number") << QStringList{u"/Disconnect-Client"_qs, u"/ClientId:abc"_qs} << u"whole number"_qs;
        QTest::newRow("zero id") << QStringList{u"/Disconnect-Client"_qs, u"/ClientId:0"_qs} << u"whole number"_qs;
        QTest::newRow("id too large") << QStringList{u"/Disconnect-Client"_qs, u"/ClientId:4294967296"_qs} << u"whole number"_qs;
        QTest::newRow("flag with value") << QStringList{u"/Disconnect-Client"_qs, u"/ClientId:1"_qs, u"/Force:yes"_qs}
                                         << u"/Force takes no value"_qs;
        QTest::newRow("duplicate") << QStringList{u"/Disconnect-Client"_qs, u"/ClientId:1"_qs, u"/clientid:2"_qs}
                                   << u"given twice"_qs;
        QTest::newRow("two commands") << QStringList{u"/Get-Server"_qs, u"/Get-AllNamespaces"_qs} << u"one command at a time"_qs;
        QTest::newRow("bad choice") << QStringList{u"/Get-Server"_qs, u"/Show:Everything"_qs} << u"must be one of Config"_qs;
        QTest::newRow("bad time") << QStringList{u"/New-MulticastTransmission"_qs, u"/FriendlyName:a"_qs, u"/Image:b"_qs,
                                                  u"/TransmissionType:ScheduledCast"_qs, u"/Time:2026-12-01 22:00"_qs}
                                  << u"YYYY/MM/DD:hh:mm"_qs;
        QTest::newRow("impossible date") << QStringList{u"/New-MulticastTransmission"_qs, u"/FriendlyName:a"_qs,
                                                         u"/Image:b"_qs, u"/TransmissionType:ScheduledCast"_qs,
                                                         u"/Time:2026/02/30:10:00"_qs}
                                         << u"YYYY/MM/DD:hh:mm"_qs;
        QTest::newRow("switch of another command") << QStringList{u"/Start-MulticastTransmission"_qs, u"/FriendlyName:a"_qs,
                                                                   u"/Time:2026/12/01:10:00"_qs}
                                                   << u"has no switch /Time"_qs;
        QTest::newRow("command with value") << QStringList{u"/Get-Server:x"_qs} << u"takes no value"_qs;
        QTest::newRow("bare slash") << QStringList{u"/"_qs} << u"is not a /Command"_qs;
    }

    void badInputIsRefused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expectedError);
        const ParseResult result = parseCommandLine(arguments);
        QVERIFY(!result.parsed);
        QVERIFY2(result.error.contains(expectedError), qPrintable(result.error));
    }

    void wdsTimeIsStrict()
    {
        QVERIFY(parseWdsTime(u"2026/11/26:09:30"_qs).isValid());
        QVERIFY(!parseWdsTime(u"2026/02/30:10:00"_qs).isValid());
        QVERIFY(!parseWdsTime(u"2026/11/26:24:00"_qs).isValid());
        QVERIFY(!parseWdsTime(u"26/11/26:09:30"_qs).isValid());
    }

    void everyCommandHasHelpAndExamples()
    {
        for (const CommandSpec &spec : commandSpecs()) {
            QVERIFY2(!spec.summary.isEmpty(), qPrintable(spec.name));
            QVERIFY2(!spec.examples.isEmpty(), qPrintable(spec.name));
            for (const QString &example : spec.examples) {
                // Every documented example must itself parse.
                const ParseResult result = parseCommandLine(QProcess::splitCommand(example).mid(1));
                QVERIFY2(result.parsed, qPrintable(example + u" -> "_qs + result.error));
            }
        }
    }

    // The runner calls CommandSpec::run; a command without one would have
    // nothing to do once connected.
    void everyCommandHasAHandler()
    {
        for (const CommandSpec &spec : commandSpecs())
            QVERIFY2(spec.run != nullptr, qPrintable(spec.name));
    }

    // WDSUTIL's [Options] go anywhere on the line, before or after the command.
    void verboseAndProgressGoAnywhere()
    {
        for (const QStringList &line : {QStringList{u"/Verbose"_qs, u"/Progress"_qs, u"/Get-Server"_qs, u"/Show:Config"_qs},
                                        QStringList{u"/Get-AllNamespaces"_qs, u"/progress"_qs, u"/Show:All"_qs, u"/VERBOSE"_qs}}) {
            const ParseResult result = parseCommandLine(line);
            QVERIFY2(result.parsed, qPrintable(line.join(u' ') + u" -> "_qs + result.error));
            QVERIFY(result.parsed->has(u"Verbose"_qs) && result.parsed->has(u"Progress"_qs));
        }
    }

    void referenceDocumentsEveryCommandAndSwitch()
    {
        // docs/cli.md is written by hand; this keeps it from drifting from the grammar.
        QFile file(QStringLiteral(DEPLOYCAST_SOURCE_DIR "/docs/cli.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString reference = QString::fromUtf8(file.readAll());
        for (const CommandSpec &spec : commandSpecs()) {
            QVERIFY2(reference.contains(u"/"_qs + spec.name), qPrintable(spec.name));
            for (const SwitchSpec &option : spec.switches)
                QVERIFY2(reference.contains(u"/"_qs + option.name), qPrintable(spec.name + u" /"_qs + option.name));
        }
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_command_line.moc"
