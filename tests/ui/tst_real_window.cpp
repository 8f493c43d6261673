// SPDX-License-Identifier: GPL-3.0-or-later
// The real console binary in a real X server (Xvfb, not offscreen), driven by
// real key events from outside the process (xdotool): Ctrl+A, Delete, Enter.
// The outcome is checked through the command line, and a screenshot of the
// screen is kept next to the test's output.
#include "test_bed.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

class TestRealWindow : public QObject
{
    Q_OBJECT
private:
    QProcess m_xvfb;
    QString m_display;

    static bool run(const QString &program, const QStringList &arguments, const QString &display, QByteArray *output = nullptr)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DISPLAY"_qs, display);
        process.setProcessEnvironment(environment);
        process.start(program, arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            return false;
        if (output)
            *output = process.readAllStandardOutput();
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *tool : {"Xvfb", "xdotool", "import"})
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is not installed (scripts/install-deps installs it)").arg(QLatin1String(tool))));
        // -displayfd picks a free display number and tells us which.
        m_xvfb.start(u"Xvfb"_qs, {u"-displayfd"_qs, u"1"_qs, u"-screen"_qs, u"0"_qs, u"1366x800x24"_qs, u"-nolisten"_qs, u"tcp"_qs});
        QVERIFY(m_xvfb.waitForStarted());
        QVERIFY(TestBed::waitUntil([this] { return m_xvfb.canReadLine(); }, 20000));
        m_display = u':' + QString::fromLatin1(m_xvfb.readLine().trimmed());
    }

    void cleanupTestCase()
    {
        m_xvfb.terminate();
        m_xvfb.waitForFinished(5000);
    }

    void selectAllDeleteEnterByRealKeys()
    {
        TestBed bed;
        const QByteArray expected = TestBed::sha256Of(bed.makeImage(u"lab.img"_qs, 2 * 1024 * 1024));
        QVERIFY(bed.startServer());
        QCOMPARE(bed.newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Clients:100"_qs}).exitCode, 0);
        QList<QProcess *> receivers;
        for (const QString &machine : {u"pc1"_qs, u"pc2"_qs, u"pc3"_qs})
            receivers.append(bed.startReceiver(machine, u"Lab"_qs));
        QVERIFY(TestBed::waitUntil([&] { return bed.clientsOf(u"Lab"_qs).size() == 3; }));

        QProcess console;
        console.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DISPLAY"_qs, m_display);
        environment.insert(u"QT_QPA_PLATFORM"_qs, u"xcb"_qs);
        environment.insert(u"XDG_CONFIG_HOME"_qs, bed.root() + u"/config"_qs);
        environment.insert(u"LANG"_qs, u"C.UTF-8"_qs);
        console.setProcessEnvironment(environment);
        console.start(QStringLiteral(DEPLOYCAST_CONSOLE_BIN),
                      {u"--server"_qs, bed.server(), u"--select"_qs, bed.server() + u"/Multicast Transmissions/Lab"_qs});
        QVERIFY(console.waitForStarted());

        // Find the window once it shows the transmission (its title names the
        // selected node, so the clients are in), give it the keyboard (there is
        // no window manager), then type.
        QByteArray windows;
        const bool shown = TestBed::waitUntil([&] {
            return run(u"xdotool"_qs, {u"search"_qs, u"--name"_qs, u"^Lab — Deploycast Console$"_qs}, m_display, &windows);
        }, 60000);
        if (!shown) { // what there is instead, and what the console and the server said
            QByteArray titles;
            run(u"xdotool"_qs, {u"search"_qs, u"--name"_qs, u"."_qs, u"getwindowname"_qs, u"%@"_qs}, m_display, &titles);
            qWarning("windows: %s\nconsole: %s\nserver: %s", titles.constData(), console.readAll().constData(),
                     qPrintable(bed.serverOutput().right(3000)));
        }
        QVERIFY(shown);
        const QString window = QString::fromLatin1(windows.split('\n').first());
        QVERIFY(run(u"xdotool"_qs, {u"windowfocus"_qs, u"--sync"_qs, window}, m_display));
        QVERIFY(TestBed::waitUntil([&] {
            QByteArray focused;
            return run(u"xdotool"_qs, {u"getwindowfocus"_qs}, m_display, &focused) && focused.trimmed() == window.toLatin1();
        }));
        QVERIFY(run(u"xdotool"_qs, {u"key"_qs, u"ctrl+a"_qs}, m_display));
        QVERIFY(run(u"xdotool"_qs, {u"key"_qs, u"Delete"_qs}, m_display));
        QByteArray dialogs;
        QVERIFY(TestBed::waitUntil([&] {
            return run(u"xdotool"_qs, {u"search"_qs, u"--name"_qs, u"Disconnect Clients"_qs}, m_display, &dialogs);
        }));
        const QString shot = QDir::currentPath() + u"/screenshots/real-window-dialog.png"_qs;
        QDir().mkpath(QDir::currentPath() + u"/screenshots"_qs);
        QVERIFY(run(u"import"_qs, {u"-window"_qs, u"root"_qs, shot}, m_display));
        qInfo("screenshot: %s", qPrintable(shot));
        QVERIFY(run(u"xdotool"_qs, {u"key"_qs, u"Return"_qs}, m_display));

        // Through the command line: the clients left the transmission, and
        // each finished by unicast with the right image.
        QVERIFY(TestBed::waitUntil([&] { return bed.clientsOf(u"Lab"_qs).isEmpty(); }));
        for (QProcess *receiver : receivers)
            QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QCOMPARE(TestBed::sha256Of(bed.receiverOutput(u"pc1"_qs)), expected);
        console.terminate();
        console.waitForFinished(5000);
    }
};

QTEST_GUILESS_MAIN(TestRealWindow)
#include "tst_real_window.moc"
