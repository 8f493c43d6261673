// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/folder_bundle.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace deploycast;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// Every file and folder under root with its bytes and permissions, to compare trees.
QMap<QString, QByteArray> treeOf(const QString &root)
{
    QMap<QString, QByteArray> tree;
    QDirIterator walk(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (walk.hasNext()) {
        const QFileInfo info(walk.next());
        QByteArray content = QByteArray::number(int(info.permissions()), 16) + ':';
        if (info.isFile()) {
            QFile file(info.filePath());
            if (file.open(QIODevice::ReadOnly))
                content += file.readAll();
        }
        tree.insert(QDir(root).relativeFilePath(info.filePath()), content);
    }
    return tree;
}

// A bundle made by hand, for the malformed ones.
QByteArray bundleOf(const QCborArray &entries, const QByteArray &content)
{
    const QByteArray manifest = QCborValue(QCborMap{{u"entries"_qs, entries}}).toCbor();
    QByteArray bundle("DCFOLDR1");
    uchar length[4];
    qToBigEndian(quint32(manifest.size()), length);
    return bundle + QByteArray(reinterpret_cast<const char *>(length), 4) + manifest + content;
}

} // namespace

// Folder bundles (a namespace's folder): the tree goes in, the same tree
// comes out; a malformed or hostile bundle writes nothing.
class TestFolderBundle : public QObject
{
    Q_OBJECT
    QTemporaryDir work;

private Q_SLOTS:
    void aTreeComesOutAsItWent()
    {
        const QString source = work.path() + u"/source"_qs;
        writeFile(source + u"/a.bin"_qs, QByteArray(3 * 1024 * 1024 + 17, 'a'));
        writeFile(source + u"/sub/b.txt"_qs, "hello\n");
        writeFile(source + u"/sub/deeper/.hidden"_qs, "dot");
        writeFile(source + u"/empty"_qs, {});
        QVERIFY(QDir().mkpath(source + u"/empty folder"_qs));
        QFile::setPermissions(source + u"/sub/b.txt"_qs, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(QFile::link(u"/etc/passwd"_qs, source + u"/link"_qs));

        QStringList skipped;
        Error error;
        const auto entries = FolderBundle::scan(source, &skipped, &error);
        QVERIFY2(entries, qPrintable(error.message));
        QCOMPARE(skipped, QStringList{u"link"_qs}); // a link never travels
        QCOMPARE(entries->size(), 7);
        const QString bundle = work.path() + u"/tree.bundle"_qs;
        int lastPercent = -1;
        QVERIFY2(FolderBundle::write(source, *entries, bundle, [&lastPercent](int percent) { lastPercent = percent; return true; }, &error),
                 qPrintable(error.message));
        QCOMPARE(lastPercent, 100);
        QCOMPARE(QDir(work.path()).entryList({u"*.part"_qs}, QDir::Files | QDir::Hidden), QStringList());

        const QString target = work.path() + u"/target"_qs;
        QVERIFY2(FolderBundle::unpack(bundle, target, &error), qPrintable(error.message));
        QMap<QString, QByteArray> expected = treeOf(source);
        expected.remove(u"link"_qs);
        QCOMPARE(treeOf(target), expected);
        // Never onto something that exists, and nothing left beside it.
        QVERIFY(!FolderBundle::unpack(bundle, target, &error));
        QCOMPARE(QDir(work.path()).entryList({u".target*"_qs}, QDir::AllEntries | QDir::Hidden), QStringList());
    }

    void aChangedTreeHasAnotherFingerprint()
    {
        const QString source = work.path() + u"/changing"_qs;
        writeFile(source + u"/f"_qs, "one");
        QStringList skipped;
        Error error;
        const QByteArray before = FolderBundle::fingerprint(*FolderBundle::scan(source, &skipped, &error));
        QCOMPARE(FolderBundle::fingerprint(*FolderBundle::scan(source, &skipped, &error)), before);
        writeFile(source + u"/g"_qs, "two");
        QVERIFY(FolderBundle::fingerprint(*FolderBundle::scan(source, &skipped, &error)) != before);
    }

    void aFileChangedWhileBundledFailsTheBundle()
    {
        const QString source = work.path() + u"/moving"_qs;
        writeFile(source + u"/f"_qs, "one");
        QStringList skipped;
        Error error;
        const auto entries = FolderBundle::scan(source, &skipped, &error);
        writeFile(source + u"/f"_qs, "three");
        const QString bundle = work.path() + u"/moving.bundle"_qs;
        QVERIFY(!FolderBundle::write(source, *entries, bundle, [](int) { return true; }, &error));
        QVERIFY2(error.message.contains(u"changed"_qs) || error.message.contains(u"shorter"_qs), qPrintable(error.message));
        QVERIFY(!QFile::exists(bundle));
        QCOMPARE(QDir(work.path()).entryList({u"*.part"_qs}, QDir::Files | QDir::Hidden), QStringList());
    }

    // A link put in a scanned file's place is never followed: it could lead
    // to any file the server may read.
    void aLinkSwappedInAfterTheScanIsNotRead()
    {
        const QString source = work.path() + u"/swapped"_qs;
        writeFile(source + u"/f"_qs, "one");
        writeFile(work.path() + u"/secret"_qs, "top secret");
        QStringList skipped;
        Error error;
        const auto entries = FolderBundle::scan(source, &skipped, &error);
        QVERIFY(QFile::remove(source + u"/f"_qs));
        QVERIFY(QFile::link(work.path() + u"/secret"_qs, source + u"/f"_qs));
        const QString bundle = work.path() + u"/swapped.bundle"_qs;
        QVERIFY(!FolderBundle::write(source, *entries, bundle, [](int) { return true; }, &error));
        QVERIFY(!QFile::exists(bundle));
    }

    // A tree whose folders are read-only is still written, and they keep their mode.
    void readOnlyFoldersAreFilledThenClosed()
    {
        const QString source = work.path() + u"/readonly"_qs;
        writeFile(source + u"/locked/f"_qs, "inside");
        QFile::setPermissions(source + u"/locked"_qs, QFile::ReadOwner | QFile::ExeOwner);
        QStringList skipped;
        Error error;
        const auto entries = FolderBundle::scan(source, &skipped, &error);
        const QString bundle = work.path() + u"/readonly.bundle"_qs;
        QVERIFY2(FolderBundle::write(source, *entries, bundle, [](int) { return true; }, &error), qPrintable(error.message));
        const QString target = work.path() + u"/readonly-out"_qs;
        QVERIFY2(FolderBundle::unpack(bundle, target, &error), qPrintable(error.message));
        QCOMPARE(treeOf(target), treeOf(source));
        QFile::setPermissions(source + u"/locked"_qs, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(target + u"/locked"_qs, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void malformedBundlesWriteNothing_data()
    {
        QTest::addColumn<QByteArray>("bundle");
        QTest::addColumn<QString>("expected");
        auto file = [](const QString &path, qint64 size) { return QCborMap{{u"path"_qs, path}, {u"size"_qs, size}}; };
        QTest::newRow("not a bundle") << QByteArray("hello, world") << u"does not begin"_qs;
        QTest::newRow("manifest past the end") << QByteArray("DCFOLDR1\x7f\xff\xff\xff", 12) << u"manifest"_qs;
        QTest::newRow("parent folder") << bundleOf({file(u"../escape"_qs, 1)}, "x") << u"../escape"_qs;
        // Each folder listed before what it holds, and still out of the tree.
        auto folder = [](const QString &path) { return QCborMap{{u"path"_qs, path}, {u"folder"_qs, true}}; };
        QTest::newRow("parent folder, listed") << bundleOf({folder(u"a"_qs), folder(u"a/.."_qs), folder(u"a/../.."_qs),
                                                            file(u"a/../../escape"_qs, 1)}, "x") << u"'a/..'"_qs;
        QTest::newRow("absolute") << bundleOf({file(u"/etc/cron.d/x"_qs, 1)}, "x") << u"/etc/cron.d/x"_qs;
        QTest::newRow("inside a folder not listed") << bundleOf({file(u"a/b"_qs, 1)}, "x") << u"a/b"_qs;
        QTest::newRow("twice") << bundleOf({file(u"a"_qs, 1), file(u"a"_qs, 1)}, "xy") << u"'a'"_qs;
        QTest::newRow("control character") << bundleOf({file(u"a\u001b[2J"_qs, 1)}, "x") << u"path"_qs;
        QTest::newRow("sizes too large") << bundleOf({file(u"a"_qs, 5)}, "x") << u"add up"_qs;
        QTest::newRow("bytes left over") << bundleOf({file(u"a"_qs, 1)}, "xyz") << u"add up"_qs;
        QTest::newRow("negative size") << bundleOf({file(u"a"_qs, -1)}, "") << u"size"_qs;
    }
    void malformedBundlesWriteNothing()
    {
        QFETCH(QByteArray, bundle);
        QFETCH(QString, expected);
        const QString path = work.path() + u"/bad.bundle"_qs;
        writeFile(path, bundle);
        const QString target = work.path() + u"/bad"_qs;
        Error error;
        QVERIFY(!FolderBundle::unpack(path, target, &error));
        QVERIFY2(error.message.contains(expected), qPrintable(error.message));
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY(!QFileInfo::exists(work.path() + u"/escape"_qs));
        QCOMPARE(QDir(work.path()).entryList({u".bad*"_qs}, QDir::AllEntries | QDir::Hidden), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestFolderBundle)
#include "tst_folder_bundle.moc"
