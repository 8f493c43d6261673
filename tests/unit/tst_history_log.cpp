// SPDX-License-Identifier: GPL-3.0-or-later
// The server's activity history: numbered, bounded, kept across restarts,
// and read back whatever a crash or a careless edit left in its file.
#include "server/history_log.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace deploycast;

namespace {
HistoryEntry clientEvent(HistoryEvent event, quint32 id, const QString &reason = {})
{
    HistoryEntry entry;
    entry.event = event;
    entry.client.id = id;
    entry.client.machineName = u"pc-%1"_qs.arg(id);
    entry.client.sessionId = 1;
    entry.sessionId = 1;
    entry.sessionName = u"Lab"_qs;
    entry.reason = reason;
    return entry;
}

int linesIn(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return int(file.readAll().count('\n'));
}
} // namespace

class TestHistoryLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entriesAreNumberedAndKeptAcrossARestart()
    {
        QTemporaryDir state;
        {
            HistoryLog log(state.path());
            log.load();
            QCOMPARE(log.record(clientEvent(HistoryEvent::Completed, 7)).sequence, 1u);
            QCOMPARE(log.record(clientEvent(HistoryEvent::Forced, 8, u"disconnected with Force"_qs)).sequence, 2u);
        }
        // Machine names and addresses: for the server's user only (0600).
        const QFile::Permissions permissions = QFile(state.filePath(u"history.jsonl"_qs)).permissions();
        QVERIFY(permissions & QFile::ReadOwner);
        QCOMPARE(permissions & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther), QFile::Permissions());
        HistoryLog reopened(state.path());
        reopened.load();
        QCOMPARE(reopened.size(), 2);
        const QList<HistoryEntry> entries = reopened.last(10);
        QCOMPARE(entries.at(1).event, HistoryEvent::Forced);
        QCOMPARE(entries.at(1).client.machineName, u"pc-8"_qs);
        QCOMPARE(entries.at(1).reason, u"disconnected with Force"_qs);
        // Numbers go on from where they were: never reused.
        QCOMPARE(reopened.record(clientEvent(HistoryEvent::Left, 9)).sequence, 3u);
    }

    void theMemoryAndTheFileAreBounded()
    {
        QTemporaryDir state;
        const QString path = state.filePath(u"history.jsonl"_qs);
        HistoryLog log(state.path(), 10);
        log.load();
        for (quint32 id = 1; id <= 25; ++id)
            log.record(clientEvent(HistoryEvent::Completed, id));
        QCOMPARE(log.size(), 10);
        QCOMPARE(log.last(100).first().client.id, 16u);
        QVERIFY2(linesIn(path) <= 20, qPrintable(QString::number(linesIn(path)))); // rewritten at twice the bound
        HistoryLog reopened(state.path(), 10);
        reopened.load();
        QCOMPARE(reopened.size(), 10);
        QCOMPARE(reopened.last(1).first().client.id, 25u);
        QCOMPARE(reopened.lastSequence(), 25u);
    }

    void damagedLinesAreSkipped()
    {
        QTemporaryDir state;
        {
            HistoryLog log(state.path());
            log.load();
            log.record(clientEvent(HistoryEvent::Completed, 1));
            log.record(clientEvent(HistoryEvent::Completed, 2));
        }
        QFile file(state.filePath(u"history.jsonl"_qs));
        QVERIFY(file.open(QIODevice::Append));
        file.write("not json\n{\"event\":\"no-such-event\",\"time\":\"2026-01-01T00:00:00Z\",\"sequence\":9}\n");
        file.write(QByteArray(HistoryLog::kMaxLineBytes * 2, 'x') + '\n');
        file.write("{\"event\":\"completed\",\"sequence\":1,\"time\":\"2026-01-01T00:00:00Z\"}\n"); // a number seen already
        file.write("{\"event\":\"left\",\"sequence\":3,\"time\":\"2026-01-01T00:00:00Z\",\"client\":{\"id\":3}}"); // no newline: cut short
        file.close();
        HistoryLog reopened(state.path());
        reopened.load();
        QCOMPARE(reopened.size(), 3);
        QCOMPARE(reopened.last(1).first().event, HistoryEvent::Left);
        QCOMPARE(reopened.record(clientEvent(HistoryEvent::Completed, 4)).sequence, 4u);
    }

    void readersPageAndFilter()
    {
        QTemporaryDir state;
        HistoryLog log(state.path());
        log.load();
        for (quint32 id = 1; id <= 6; ++id)
            log.record(clientEvent(id % 2 ? HistoryEvent::Completed : HistoryEvent::Failed, id % 3 + 1));
        const QList<HistoryEntry> after = log.after(4, 100);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.first().sequence, 5u);
        QCOMPARE(log.after(0, 2).size(), 2);
        QCOMPARE(log.after(6, 100).size(), 0);
        const QList<HistoryEntry> before = log.last(2, 5);
        QCOMPARE(before.size(), 2);
        QCOMPARE(before.first().sequence, 3u);
        QCOMPARE(before.last().sequence, 4u);
        for (const HistoryEntry &entry : log.last(100, 0, 2))
            QCOMPARE(entry.client.id, 2u);
        QCOMPARE(log.last(100, 0, 2).size(), 2);
    }

    void anEntryTravelsWhole()
    {
        HistoryEntry entry = clientEvent(HistoryEvent::PolicyDisconnected, 5, u"below 100 KB/s"_qs);
        entry.sequence = 12;
        entry.time = QDateTime::fromString(u"2026-12-02T10:00:00.250Z"_qs, Qt::ISODateWithMs);
        entry.reasonText = u"disconnected by the slow-client policy: %1"_qs;
        entry.reasonArgs = {u"below 100 KB/s"_qs};
        entry.client.blocksRepaired = 42;
        const std::optional<HistoryEntry> back = HistoryEntry::fromCbor(entry.toCbor());
        QVERIFY(back);
        QCOMPARE(back->sequence, 12u);
        QCOMPARE(back->time, entry.time);
        QCOMPARE(back->event, HistoryEvent::PolicyDisconnected);
        QCOMPARE(back->client.blocksRepaired, 42);
        QCOMPARE(back->reasonArgs, entry.reasonArgs);
        QVERIFY(isFinal(back->event));
        QVERIFY(!isFinal(HistoryEvent::FellBack));
        QVERIFY(!HistoryEntry::fromCbor({{u"event"_qs, u"completed"_qs}})); // no time
    }
};

QTEST_GUILESS_MAIN(TestHistoryLog)
#include "tst_history_log.moc"
