// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log on disk: requests with their outcomes, rotation by size with
// a bounded number of files, and reading back across them.
#include "security/audit_log.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace deploycast;

class TestAuditLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aRequestAndItsOutcomeReadAsOneEntry()
    {
        QTemporaryDir state;
        AuditLog log(state.path(), {1024 * 1024, 3});
        Error error;
        QVERIFY(log.recordRequest({u"10.0.0.5:5000"_qs, u"ab12cd34"_qs, u"setPolicy"_qs, u"{\"policy\":\"None\"}"_qs, {}}, &error));
        log.recordOutcome(u"ok"_qs);
        log.record({u"10.0.0.6:5001"_qs, {}, u"hello"_qs, u"admin"_qs, u"auth-failed: no token"_qs});
        const QCborArray entries = log.last(0);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).toMap().value(u"command"_qs).toString(), u"setPolicy"_qs);
        QCOMPARE(entries.at(0).toMap().value(u"result"_qs).toString(), u"ok"_qs);
        QCOMPARE(entries.at(1).toMap().value(u"result"_qs).toString(), u"auth-failed: no token"_qs);
        QCOMPARE(QFileInfo(state.filePath(u"audit.log"_qs)).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
    }

    void aRequestThatCannotBeRecordedIsRefused()
    {
        QTemporaryDir state;
        QVERIFY(QDir(state.path()).mkdir(u"audit.log"_qs)); // cannot be appended to
        AuditLog log(state.path(), {1024 * 1024, 3});
        Error error;
        QVERIFY(!log.recordRequest({u"p"_qs, u"t"_qs, u"createSession"_qs, {}, {}}, &error));
        QVERIFY(error.message.contains(u"audit log"_qs));
    }

    void rotationKeepsAFewFilesOfBoundedSize()
    {
        QTemporaryDir state;
        AuditLog log(state.path(), {4096, 2});
        for (int i = 0; i < 200; ++i)
            log.record({u"peer"_qs, u"id"_qs, u"hello"_qs, QStringLiteral("attempt %1").arg(i), u"auth-failed"_qs});
        const QStringList files = QDir(state.path()).entryList({u"audit.log*"_qs}, QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{u"audit.log"_qs, u"audit.log.1"_qs, u"audit.log.2"_qs}));
        for (const QString &name : files)
            QVERIFY(QFileInfo(state.filePath(name)).size() < 4096 + 300);
        // The newest, across files, oldest first.
        const QCborArray last = log.last(30);
        QCOMPARE(last.size(), 30);
        QCOMPARE(last.last().toMap().value(u"targets"_qs).toString(), u"attempt 199"_qs);
        QCOMPARE(last.first().toMap().value(u"targets"_qs).toString(), u"attempt 170"_qs);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_audit_log.moc"
