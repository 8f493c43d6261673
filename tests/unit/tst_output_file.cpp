// SPDX-License-Identifier: GPL-3.0-or-later
#include "receiver/output_file.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace deploycast;

class TestOutputFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appearsOnlyWhenCommitted()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(u"image.img"_qs);
        OutputFile output;
        Error error;
        QVERIFY(output.create(target, 10, &error));
        QVERIFY(output.writeAt(5, "world", 5, &error));
        QVERIFY(output.writeAt(0, "hello", 5, &error));
        QVERIFY(!QFile::exists(target));
        QVERIFY(QFile::exists(output.temporaryPath()));
        char back[10];
        QVERIFY(output.readAt(0, back, 10, &error));
        QCOMPARE(QByteArray(back, 10), QByteArray("helloworld"));
        QVERIFY(output.commit(&error));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("helloworld"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void discardLeavesNothing()
    {
        QTemporaryDir dir;
        {
            OutputFile output;
            Error error;
            QVERIFY(output.create(dir.filePath(u"image.img"_qs), 4096, &error));
        } // destroyed uncommitted, as on an abort
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void fullDiskIsReportedAtOnce()
    {
        QTemporaryDir dir;
        OutputFile output;
        Error error;
        // No disk here has an exabyte free: the reservation fails as a full disk would.
        QVERIFY(!output.create(dir.filePath(u"huge.img"_qs), qint64(1) << 60, &error));
        QCOMPARE(error.code, QString::fromLatin1(ErrorCode::StorageError));
        QVERIFY2(error.message.contains(u"cannot reserve"_qs), qPrintable(error.message));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void missingFolderIsReported()
    {
        OutputFile output;
        Error error;
        QVERIFY(!output.create(u"/nonexistent-deploycast-folder/x.img"_qs, 10, &error));
        QVERIFY(error.message.contains(u"cannot create"_qs));
    }
};

QTEST_GUILESS_MAIN(TestOutputFile)
#include "tst_output_file.moc"
