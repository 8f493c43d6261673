// SPDX-License-Identifier: GPL-3.0-or-later
// Disks as targets, and chunks of zeros that cost nothing: the real server
// and receiver, writing to real block devices (loop devices over files in
// the test's own folder, never a disk of the machine). Needs root, as CI
// runs; skipped otherwise.
#include "block_listener.h"
#include "test_bed.h"

#include "protocol/block_datagram.h"
#include "transfer/image_digests.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace deploycast;

namespace {
constexpr qint64 kMiB = 1024 * 1024;

TestBed::Result run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QByteArray readFile(const QString &path, qint64 offset, qint64 length)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return {};
    return file.read(length);
}

// A loop device over a file of `size` random bytes in `folder`, detached
// (and anything on it unmounted) when it goes.
class LoopDevice
{
public:
    LoopDevice(const QString &folder, qint64 size, bool partitions = false)
        : m_backing(QStringLiteral("%1/loop-%2.bin").arg(folder).arg(reinterpret_cast<quintptr>(this)))
    {
        QFile file(m_backing);
        if (!file.open(QIODevice::WriteOnly))
            return;
        QByteArray noise(kMiB, Qt::Uninitialized);
        for (qint64 written = 0; written < size; written += noise.size()) {
            for (qsizetype i = 0; i < noise.size(); ++i)
                noise[i] = char((written + i) * 2654435761u >> 13);
            file.write(noise.constData(), std::min<qint64>(noise.size(), size - written));
        }
        file.close();
        QStringList arguments{u"--find"_qs, u"--show"_qs};
        if (partitions)
            arguments << u"--partscan"_qs;
        const TestBed::Result attached = run(u"losetup"_qs, arguments << m_backing);
        if (attached.exitCode == 0)
            m_device = attached.out.trimmed();
        else
            m_error = attached.err;
    }
    ~LoopDevice()
    {
        for (const QString &point : m_mounts)
            run(u"umount"_qs, {point});
        if (m_swap)
            run(u"swapoff"_qs, {m_device});
        if (!m_device.isEmpty())
            run(u"losetup"_qs, {u"--detach"_qs, m_device});
        QFile::remove(m_backing);
    }
    QString device() const { return m_device; }
    QString error() const { return m_error; }
    QByteArray read(qint64 offset, qint64 length) const { return readFile(m_device, offset, length); }
    // An ext4 file system on the whole device, mounted. (These kernels read
    // no partition tables, so a mounted partition is left to the unit test
    // of DiskInspection.)
    QString formatAndMount(const QString &mountPoint)
    {
        if (const TestBed::Result made = run(u"mkfs.ext4"_qs, {u"-q"_qs, m_device}); made.exitCode != 0)
            return u"mkfs.ext4 failed: "_qs + made.err;
        QDir().mkpath(mountPoint);
        if (const TestBed::Result mounted = run(u"mount"_qs, {m_device, mountPoint}); mounted.exitCode != 0)
            return u"mount failed: "_qs + mounted.err;
        m_mounts.append(mountPoint);
        return {};
    }
    QString useAsSwap()
    {
        if (const TestBed::Result made = run(u"mkswap"_qs, {u"-f"_qs, m_device}); made.exitCode != 0)
            return u"mkswap failed: "_qs + made.err;
        if (const TestBed::Result on = run(u"swapon"_qs, {m_device}); on.exitCode != 0)
            return u"swapon failed: "_qs + on.err;
        m_swap = true;
        return {};
    }

private:
    QString m_backing;
    QString m_device;
    QString m_error;
    QStringList m_mounts;
    bool m_swap = false;
};

// Counts the datagrams a transmission carries, and those for blocks in a
// given range.
class DatagramCounter
{
public:
    bool open(const QString &group, quint16 port, const BlockRange &watched)
    {
        return m_listener.open(group, port, [this, watched](const BlockHeader &header) {
            ++m_total;
            if (header.index >= watched.first && header.index <= watched.last)
                ++m_inWatched;
        });
    }
    quint64 total() const { return m_total; }
    quint64 inWatched() const { return m_inWatched; }

private:
    BlockListener m_listener;
    quint64 m_total = 0;
    quint64 m_inWatched = 0;
};
} // namespace

class TestDiskTargets : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;
    QString image;

    // An image of 40 chunks: random, then chunks 2 to 29 all zeros, then
    // random again, ending in a short chunk.
    static constexpr std::uint32_t kFirstZeroChunk = 2;
    static constexpr std::uint32_t kEndZeroChunk = 30;
    static constexpr qint64 kImageSize = 40 * kChunkBytes - 12345;

    QProcess *receiveTo(const QString &output, const QStringList &extra = {})
    {
        return bed->startReceiver(u"pc1"_qs, u"Disk"_qs, QStringList{u"--output"_qs, output} + extra);
    }
    static QString errorOf(QProcess *receiver) { return QString::fromUtf8(receiver->readAllStandardError()); }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("loop devices need root (CI runs as root)");
    }

    void init()
    {
        bed = std::make_unique<TestBed>();
        image = bed->makeImage(u"disk.img"_qs, kImageSize);
        QFile file(image);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(kFirstZeroChunk * kChunkBytes));
        QVERIFY(file.write(QByteArray((kEndZeroChunk - kFirstZeroChunk) * kChunkBytes, '\0')) > 0);
        file.close();
    }
    void cleanup() { bed.reset(); }

    void theImageLandsOnALoopDeviceAsItIs()
    {
        LoopDevice disk(bed->root(), 64 * kMiB);
        QVERIFY2(!disk.device().isEmpty(), qPrintable(disk.error()));
        const QByteArray beyond = disk.read(kImageSize, 64 * kMiB - kImageSize);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Disk"_qs, u"disk.img"_qs).exitCode, 0);
        QProcess *receiver = receiveTo(disk.device(), {u"--verify-after"_qs});
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        const QString said = errorOf(receiver);
        QVERIFY2(said.contains(u"reading "_qs + disk.device() + u" back"_qs), qPrintable(said));
        // What it held before was noise: the zero chunks were really zeroed.
        QVERIFY(disk.read(0, kImageSize) == readFile(image, 0, kImageSize));
        QVERIFY(disk.read(kImageSize, 64 * kMiB - kImageSize) == beyond); // nothing past the image
        QVERIFY2(QFileInfo(disk.device()).exists(), "the device node is still a device node");
        struct stat status{};
        QCOMPARE(::stat(QFile::encodeName(disk.device()).constData(), &status), 0);
        QVERIFY(S_ISBLK(status.st_mode));
    }

    void aDiskInUseIsRefusedAndLeftAlone_data()
    {
        QTest::addColumn<QString>("use");
        QTest::newRow("mounted") << u"mounted"_qs;
        QTest::newRow("swap") << u"swap"_qs;
    }

    void aDiskInUseIsRefusedAndLeftAlone()
    {
        QFETCH(QString, use);
        LoopDevice disk(bed->root(), 64 * kMiB);
        QVERIFY2(!disk.device().isEmpty(), qPrintable(disk.error()));
        const QString mountPoint = bed->root() + u"/mnt"_qs;
        const QString failed = use == u"swap"_qs ? disk.useAsSwap() : disk.formatAndMount(mountPoint);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QByteArray before = disk.read(0, 64 * kMiB);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Disk"_qs, u"disk.img"_qs).exitCode, 0);
        QProcess *receiver = receiveTo(disk.device());
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 5);
        const QString said = errorOf(receiver);
        const QString why = use == u"swap"_qs ? disk.device() + u" is in use as swap"_qs
                                               : disk.device() + u" is mounted at "_qs + mountPoint;
        QVERIFY2(said.contains(why), qPrintable(said));
        QVERIFY2(said.contains(u"nothing was written"_qs), qPrintable(said));
        QVERIFY(!bed->serverOutput().contains(u"joined"_qs));
        QVERIFY(disk.read(0, 64 * kMiB) == before);
    }

    void aDiskSmallerThanTheImageIsRefusedBeforeJoining()
    {
        LoopDevice disk(bed->root(), 16 * kMiB);
        QVERIFY2(!disk.device().isEmpty(), qPrintable(disk.error()));
        const QByteArray before = disk.read(0, 16 * kMiB);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Disk"_qs, u"disk.img"_qs).exitCode, 0);
        QProcess *receiver = receiveTo(disk.device());
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 5);
        const QString said = errorOf(receiver);
        QVERIFY2(said.contains(u"disk holds only 16777216 bytes"_qs) && said.contains(u"nothing was written"_qs), qPrintable(said));
        QVERIFY(!bed->serverOutput().contains(u"joined"_qs)); // refused by the join, never a client
        QCOMPARE(bed->clientsOf(u"Disk"_qs).size(), 0);
        QVERIFY(disk.read(0, 16 * kMiB) == before);
    }

    void aDeviceNodeWithNoDiskBehindItIsRefused()
    {
        // A node of its own, for a loop device number nothing has.
        const QString path = bed->outputDir() + u"/no-such-disk"_qs;
        QCOMPARE(::mknod(QFile::encodeName(path).constData(), S_IFBLK | 0600, makedev(7, 250)), 0);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Disk"_qs, u"disk.img"_qs).exitCode, 0);
        QProcess *receiver = receiveTo(path);
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 5);
        const QString said = errorOf(receiver);
        QVERIFY2(said.contains(path), qPrintable(said));
        QVERIFY(!bed->serverOutput().contains(u"joined"_qs));
        struct stat status{};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &status), 0);
        QVERIFY(S_ISBLK(status.st_mode));
    }

    void zerosAreNotSentAndBecomeHoles()
    {
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Disk"_qs, u"disk.img"_qs).exitCode, 0);
        const QJsonObject disk = bed->cliJson({u"/Get-AllMulticastTransmissions"_qs}).value(u"transmissions"_qs).toArray().first().toObject();
        DatagramCounter counter;
        const BlockRange zeros{kFirstZeroChunk * kChunkBlocks, kEndZeroChunk * kChunkBlocks - 1};
        QVERIFY(counter.open(disk.value(u"group"_qs).toString(), quint16(disk.value(u"port"_qs).toInt()), zeros));
        const QString output = bed->outputDir() + u"/disk.img"_qs;
        QProcess *receiver = receiveTo(output);
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QTest::qWait(200); // the last datagrams in flight
        QCOMPARE(TestBed::sha256Of(output), TestBed::sha256Of(image));
        QVERIFY(counter.total() > 0);
        QCOMPARE(counter.inWatched(), quint64(0));
        // What was sent is about what is not zeros, not the whole image.
        const quint64 dataBlocks = quint64(kImageSize - (kEndZeroChunk - kFirstZeroChunk) * kChunkBytes) / kBlockPayloadSize;
        QVERIFY2(counter.total() < quint64(kImageSize / qint64(kBlockPayloadSize)), qPrintable(QString::number(counter.total())));
        QVERIFY(counter.total() >= dataBlocks);
        // The zeros are a hole in the file, not written.
        struct stat status{};
        QCOMPARE(::stat(QFile::encodeName(output).constData(), &status), 0);
        QVERIFY2(qint64(status.st_blocks) * 512 < kImageSize - 20 * kMiB, qPrintable(QString::number(status.st_blocks)));
    }

    void aCompressedImageLandsIdenticalToItsOriginal()
    {
        // Imported compressed by the real CLI, as an admin would.
        const QString local = bed->root() + u"/bookworm.img"_qs;
        QVERIFY(QFile::copy(image, local));
        QVERIFY(bed->startServer());
        const TestBed::Result added = bed->cli({u"/Progress"_qs, u"/Add-Image"_qs, u"/ImageFile:bookworm.img"_qs,
                                                u"/ImageType:Install"_qs, u"/ImageGroup:Lab"_qs, u"/Compress:Yes"_qs});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(added.err.contains(u"Compressing bookworm.img: 100%"_qs), qPrintable(added.err));
        const QString stored = bed->root() + u"/store/Install/Lab/bookworm.img.zst"_qs;
        QVERIFY2(QFileInfo(stored).isFile(), qPrintable(stored));
        QVERIFY(QFileInfo(stored).size() < kImageSize / 2); // the zeros are gone
        // Plain zstd reads it: the seekable format is zstd's own.
        const TestBed::Result unzstd = run(u"zstd"_qs, {u"-q"_qs, u"-d"_qs, u"-f"_qs, stored, u"-o"_qs, bed->root() + u"/unzstd.img"_qs});
        QVERIFY2(unzstd.exitCode == 0, qPrintable(unzstd.err));
        QCOMPARE(TestBed::sha256Of(bed->root() + u"/unzstd.img"_qs), TestBed::sha256Of(image));

        // By unicast (no transmission yet), to a file.
        const QString byUnicast = bed->outputDir() + u"/unicast.img"_qs;
        QProcess *first = bed->startReceiver(u"pc1"_qs, {}, {u"--image"_qs, u"bookworm"_qs, u"--output"_qs, byUnicast});
        QCOMPARE(TestBed::finishAndGetExitCode(first), 0);
        QCOMPARE(TestBed::sha256Of(byUnicast), TestBed::sha256Of(image));
        // Its zero chunks were told from the digests (of the uncompressed
        // image), not decompressed and written: a hole.
        struct stat status{};
        QCOMPARE(::stat(QFile::encodeName(byUnicast).constData(), &status), 0);
        QVERIFY2(qint64(status.st_blocks) * 512 < kImageSize - 20 * kMiB, qPrintable(QString::number(status.st_blocks)));

        // By multicast with loss, to a disk, read back.
        LoopDevice disk(bed->root(), 64 * kMiB);
        QVERIFY2(!disk.device().isEmpty(), qPrintable(disk.error()));
        QCOMPARE(bed->cli({u"/New-MulticastTransmission"_qs, u"/FriendlyName:Disk"_qs, u"/Image:bookworm"_qs,
                           u"/ImageType:Install"_qs, u"/ImageGroup:Lab"_qs, u"/TransmissionType:AutoCast"_qs}).exitCode, 0);
        QProcessEnvironment lossy = QProcessEnvironment::systemEnvironment();
        lossy.insert(u"DEPLOYCAST_SIMULATE_LOSS"_qs, u"5"_qs);
        QProcess *second = bed->startReceiver(u"pc2"_qs, u"Disk"_qs, {u"--output"_qs, disk.device(), u"--verify-after"_qs}, lossy);
        QCOMPARE(TestBed::finishAndGetExitCode(second), 0);
        const QString said = errorOf(second);
        QVERIFY2(said.contains(QStringLiteral("bytes compressed, %1 bytes of image").arg(kImageSize)), qPrintable(said));
        QVERIFY(disk.read(0, kImageSize) == readFile(image, 0, kImageSize));
    }

    void aForcedDisconnectMidWriteLeavesAnUnusableDiskAndSaysSo()
    {
        LoopDevice disk(bed->root(), 64 * kMiB);
        QVERIFY2(!disk.device().isEmpty(), qPrintable(disk.error()));
        QVERIFY(bed->startServer({u"--max-rate"_qs, u"1"_qs}));
        QCOMPARE(bed->newTransmission(u"Disk"_qs, u"disk.img"_qs).exitCode, 0);
        QProcess *receiver = receiveTo(disk.device());
        // The zeros count as held at once (70%); past 75% data was written.
        QVERIFY(TestBed::waitUntil([&] {
            const auto client = bed->clientNamed(u"Disk"_qs, u"pc1"_qs);
            return client && client->value(u"percent"_qs).toDouble() > 75;
        }));
        const quint32 id = quint32(bed->clientNamed(u"Disk"_qs, u"pc1"_qs)->value(u"id"_qs).toInteger());
        QCOMPARE(bed->cli({u"/Disconnect-Client"_qs, QStringLiteral("/ClientId:%1").arg(id), u"/Force"_qs}).exitCode, 0);
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 3);
        const QString said = errorOf(receiver);
        QVERIFY2(said.contains(u"the disk "_qs + disk.device() + u" is not usable"_qs), qPrintable(said));
        struct stat status{};
        QCOMPARE(::stat(QFile::encodeName(disk.device()).constData(), &status), 0);
        QVERIFY(S_ISBLK(status.st_mode)); // never replaced or removed
    }
};

QTEST_MAIN(TestDiskTargets)
#include "tst_disk_targets.moc"
