// SPDX-License-Identifier: GPL-3.0-or-later
// How deploycast-receive ends: stopped by a signal, killed and run again,
// and pointed at something that is not a file. Real receiver, real server.
#include "test_bed.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

#include <csignal>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

namespace {
constexpr qint64 kMiB = 1024 * 1024;

bool hasPartFile(const QStringList &files)
{
    return std::any_of(files.cbegin(), files.cend(), [](const QString &name) { return name.endsWith(u".part"_qs); });
}
} // namespace

class TestReceiverExits : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;

    // A receiver some way into a slow transfer.
    QProcess *receiverMidTransfer(const QString &machine)
    {
        QProcess *receiver = bed->startReceiver(machine, u"Lab"_qs);
        TestBed::waitUntil([&] {
            const auto client = bed->clientNamed(u"Lab"_qs, machine);
            return client && client->value(u"percent"_qs).toDouble() >= 5;
        });
        return receiver;
    }

private Q_SLOTS:
    void init()
    {
        bed = std::make_unique<TestBed>();
        bed->makeImage(u"lab.img"_qs, 16 * kMiB);
    }
    void cleanup() { bed.reset(); }

    void aSignalMidTransferExitsWithItsCodeAndLeavesNoPart_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("SIGTERM") << int(SIGTERM) << 143;
        QTest::newRow("SIGINT") << int(SIGINT) << 130;
    }

    void aSignalMidTransferExitsWithItsCodeAndLeavesNoPart()
    {
        QFETCH(int, signal);
        QFETCH(int, exitCode);
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"2"_qs}));
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        QProcess *receiver = receiverMidTransfer(u"pc1"_qs);
        QVERIFY(hasPartFile(bed->leftoverFiles()));
        ::kill(pid_t(receiver->processId()), signal);
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), exitCode);
        QCOMPARE(bed->leftoverFiles(), QStringList());
        QVERIFY(QString::fromUtf8(receiver->readAllStandardError()).contains(u"interrupted"_qs));
    }

    void aPartLeftByACrashIsCleanedUpByTheNextRun()
    {
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"4"_qs}));
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        QProcess *crashed = receiverMidTransfer(u"pc1"_qs);
        ::kill(pid_t(crashed->processId()), SIGKILL);
        QCOMPARE(TestBed::finishAndGetExitCode(crashed), -2);
        QVERIFY(hasPartFile(bed->leftoverFiles())); // SIGKILL leaves it: nothing can run then
        // A part that a running receiver still writes is not touched: this
        // one writes to the same target meanwhile.
        QProcess *other = bed->startReceiver(u"pc1-twin"_qs, u"Lab"_qs, {u"--output"_qs, bed->receiverOutput(u"pc1"_qs)});
        QVERIFY(TestBed::waitUntil([&] { return bed->clientNamed(u"Lab"_qs, u"pc1-twin"_qs).has_value(); }));
        QProcess *again = bed->startReceiver(u"pc1"_qs, u"Lab"_qs);
        QCOMPARE(TestBed::finishAndGetExitCode(again, 120000), 0);
        QCOMPARE(TestBed::finishAndGetExitCode(other, 120000), 0);
        QCOMPARE(bed->leftoverFiles(), QStringList{u"pc1.img"_qs});
    }

    void anOutputThatIsNotAFileIsRefusedBeforeJoining_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("FIFO") << u"fifo"_qs;
        QTest::newRow("socket") << u"socket"_qs;
        QTest::newRow("folder") << u"folder"_qs;
        QTest::newRow("character device") << u"char"_qs;
    }

    void anOutputThatIsNotAFileIsRefusedBeforeJoining()
    {
        QFETCH(QString, kind);
        const QString path = bed->outputDir() + u"/target"_qs;
        const QByteArray native = QFile::encodeName(path);
        if (kind == u"fifo"_qs) {
            QCOMPARE(::mkfifo(native.constData(), 0600), 0);
        } else if (kind == u"socket"_qs) {
            const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            sockaddr_un address{};
            address.sun_family = AF_UNIX;
            std::strncpy(address.sun_path, native.constData(), sizeof address.sun_path - 1);
            QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
            ::close(fd);
        } else if (kind == u"folder"_qs) {
            QVERIFY(QDir().mkpath(path));
        } else {
            if (::geteuid() != 0)
                QSKIP("making a device node needs root (CI runs as root)");
            // A node of its own here, never the real /dev/null or a disk:
            // a receiver that wrongly took it would only replace this one.
            QCOMPARE(::mknod(native.constData(), S_IFCHR | 0600, makedev(1, 3)), 0);
        }
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        QProcess receiver;
        receiver.start(TestBed::program(u"deploycast-receive"_qs),
                       {u"--server"_qs, bed->server(), u"--transmission"_qs, u"Lab"_qs, u"--output"_qs, path});
        QVERIFY(receiver.waitForFinished(30000));
        QCOMPARE(receiver.exitCode(), 2);
        const QString error = QString::fromUtf8(receiver.readAllStandardError());
        QVERIFY2(error.contains(path) && error.contains(u"not a regular file"_qs), qPrintable(error));
        QVERIFY(!bed->serverOutput().contains(u"joined"_qs)); // refused before joining
        QVERIFY(!QFileInfo(path).isFile());                    // and left as it was
        QVERIFY(QFileInfo::exists(path));
    }
};

QTEST_MAIN(TestReceiverExits)
#include "tst_receiver_exits.moc"
