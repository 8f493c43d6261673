// SPDX-License-Identifier: GPL-3.0-or-later
#include "receiver/output_file.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace deploycast;

class TestOutputFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appearsOnlyWhenCommitted()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(u"image.img"_qs);
        OutputFile output(target);
        Error error;
        QVERIFY(output.create(10, &error));
        QVERIFY(output.writeAt(5, "world", 5, &error));
        QVERIFY(output.writeAt(0, "hello", 5, &error));
        QVERIFY(!QFile::exists(target));
        QVERIFY(QFile::exists(output.temporaryPath()));
        char back[10];
        QVERIFY(output.readAt(0, back, 10, &error));
        QCOMPARE(QByteArray(back, 10), QByteArray("helloworld"));
        QVERIFY(output.flush(&error));
        QVERIFY(output.commit(&error));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("helloworld"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void aZeroedRangeReadsAsZerosAndTakesNoSpace()
    {
        QTemporaryDir dir;
        constexpr qint64 kSize = 8 * 1024 * 1024;
        OutputFile output(dir.filePath(u"image.img"_qs));
        Error error;
        QVERIFY(output.create(kSize, &error));
        const QByteArray ones(kSize, '\1');
        QVERIFY(output.writeAt(0, ones.constData(), kSize, &error));
        QVERIFY(output.flush(&error));
        // An unaligned range, as a chunk of 1,048,600 bytes is.
        QVERIFY2(output.zeroRange(1000, kSize - 3000, &error), qPrintable(error.message));
        QByteArray back(kSize, '\2');
        QVERIFY(output.readAt(0, back.data(), kSize, &error));
        QCOMPARE(back.left(1000), ones.left(1000));
        QCOMPARE(back.mid(1000, kSize - 3000), QByteArray(kSize - 3000, '\0'));
        QCOMPARE(back.right(2000), ones.right(2000));
        QVERIFY(output.flush(&error));
        struct stat status{};
        QCOMPARE(::stat(QFile::encodeName(output.temporaryPath()).constData(), &status), 0);
        if (qint64(status.st_blocks) * 512 >= kSize / 2)
            QSKIP("this file system keeps no holes (the range still reads as zeros)");
        QVERIFY(qint64(status.st_blocks) * 512 < kSize / 4);
    }

    void discardLeavesNothing()
    {
        QTemporaryDir dir;
        {
            OutputFile output(dir.filePath(u"image.img"_qs));
            Error error;
            QVERIFY(output.create(4096, &error));
        } // destroyed uncommitted, as on an abort
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void fullDiskIsReportedAtOnce()
    {
        QTemporaryDir dir;
        OutputFile output(dir.filePath(u"huge.img"_qs));
        Error error;
        // No disk here has an exabyte free: the reservation fails as a full disk would.
        QVERIFY(!output.create(qint64(1) << 60, &error));
        QCOMPARE(error.code, QString::fromLatin1(ErrorCode::StorageError));
        QVERIFY2(error.message.contains(u"cannot reserve"_qs), qPrintable(error.message));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void missingFolderIsReported()
    {
        OutputFile output(u"/nonexistent-deploycast-folder/x.img"_qs);
        Error error;
        QVERIFY(!output.create(10, &error));
        QVERIFY(error.message.contains(u"cannot create"_qs));
    }
};

QTEST_GUILESS_MAIN(TestOutputFile)
#include "tst_output_file.moc"
