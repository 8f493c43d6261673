// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/state_store.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace deploycast;

class TestStateStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void idsSurviveReload()
    {
        QTemporaryDir dir;
        Error error;
        {
            StateStore store(dir.path());
            QVERIFY(store.load(&error));
            QCOMPARE(store.allocateClientId(&error), std::optional<quint32>(1));
            QCOMPARE(store.allocateClientId(&error), std::optional<quint32>(2));
            SessionInfo session;
            session.id = *store.allocateSessionId(&error);
            session.name = u"Lab"_qs;
            session.type = CastType::ScheduledCast;
            session.minClients = 4;
            QVERIFY(store.saveSessions({session}, &error));
        }
        StateStore reloaded(dir.path());
        QVERIFY(reloaded.load(&error));
        QCOMPARE(reloaded.allocateClientId(&error), std::optional<quint32>(3));
        QCOMPARE(reloaded.sessions().size(), 1);
        QCOMPARE(reloaded.sessions().first().name, u"Lab"_qs);
        QCOMPARE(reloaded.sessions().first().type, CastType::ScheduledCast);
        QCOMPARE(reloaded.sessions().first().minClients, 4);
        QCOMPARE(reloaded.allocateSessionId(&error), std::optional<quint32>(2));
    }

    void failedWriteHandsOutNoId()
    {
        QTemporaryDir dir;
        Error error;
        StateStore store(dir.path());
        QVERIFY(store.load(&error));
        QCOMPARE(store.allocateClientId(&error), std::optional<quint32>(1));
        // Make the file impossible to replace, even for root: a folder in its way.
        QVERIFY(QDir(dir.path()).remove(u"state.json"_qs));
        QVERIFY(QDir(dir.path()).mkdir(u"state.json"_qs));
        QVERIFY(!store.allocateClientId(&error));
        QCOMPARE(error.code, QString::fromLatin1(ErrorCode::StorageError));
        QVERIFY(!store.saveSessions({SessionInfo{}}, &error));
        QVERIFY(store.sessions().isEmpty()); // the failed save changed nothing
        // Once the disk is usable again, the ID that was refused is the next one.
        QVERIFY(QDir(dir.path()).rmdir(u"state.json"_qs));
        QCOMPARE(store.allocateClientId(&error), std::optional<quint32>(2));
    }

    void damagedFileIsReported()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"state.json"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        StateStore store(dir.path());
        Error error;
        QVERIFY(!store.load(&error));
        QVERIFY(error.message.contains(u"damaged"_qs));
    }
};

QTEST_GUILESS_MAIN(TestStateStore)
#include "tst_state_store.moc"
