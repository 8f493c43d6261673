// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/image_store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace deploycast;

class TestImageStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_root;
    QString m_store;

    static void touch(const QString &path)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("image");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_store = m_root.filePath(u"store"_qs);
        QVERIFY(QDir().mkpath(m_store + u"/images"_qs));
        touch(m_store + u"/images/win11.img"_qs);
        touch(m_root.filePath(u"secret"_qs));
        QVERIFY(QFile::link(m_root.filePath(u"secret"_qs), m_store + u"/escape.img"_qs));
        QVERIFY(QFile::link(m_store + u"/images/win11.img"_qs, m_store + u"/alias.img"_qs));
    }

    void filesInsideResolve()
    {
        ImageStore store(m_store);
        Error error;
        QCOMPARE(store.resolveFile(u"images/win11.img"_qs, &error).value_or(QString()),
                 QFileInfo(m_store + u"/images/win11.img"_qs).canonicalFilePath());
        QCOMPARE(store.resolveFile(u"images/../images/./win11.img"_qs, &error).has_value(), true);
        QCOMPARE(store.resolveFile(m_store + u"/images/win11.img"_qs, &error).has_value(), true);
        QCOMPARE(store.resolveFile(u"alias.img"_qs, &error).has_value(), true); // a link that stays inside
    }

    void escapesAreRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("code");
        QTest::newRow("dot-dot") << u"../secret"_qs << QString::fromLatin1(ErrorCode::PathOutsideStore);
        QTest::newRow("deep dot-dot") << u"images/../../secret"_qs << QString::fromLatin1(ErrorCode::PathOutsideStore);
        QTest::newRow("absolute elsewhere") << u"/etc/passwd"_qs << QString::fromLatin1(ErrorCode::PathOutsideStore);
        QTest::newRow("symlink out") << u"escape.img"_qs << QString::fromLatin1(ErrorCode::PathOutsideStore);
        QTest::newRow("store itself") << u"."_qs << QString::fromLatin1(ErrorCode::PathOutsideStore);
        QTest::newRow("missing") << u"images/none.img"_qs << QString::fromLatin1(ErrorCode::NotFound);
        QTest::newRow("folder") << u"images"_qs << QString::fromLatin1(ErrorCode::InvalidArgument);
        QTest::newRow("empty") << u""_qs << QString::fromLatin1(ErrorCode::InvalidArgument);
    }

    void escapesAreRefused()
    {
        QFETCH(QString, path);
        QFETCH(QString, code);
        ImageStore store(m_store);
        Error error;
        QVERIFY(!store.resolveFile(path, &error));
        QCOMPARE(error.code, code);
        QVERIFY(!error.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImageStore)
#include "tst_image_store.moc"
