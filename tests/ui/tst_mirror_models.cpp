// SPDX-License-Identifier: GPL-3.0-or-later
// The console's models fed straight through the mirror's decode path
// (ServerConnection::applySnapshot, applyDelta, applyHistory), with no
// server: every step is known, so every signal and row can be checked.
// tst_console_models does the same against live processes.
#include "activity_model.h"
#include "client/server_connection.h"
#include "client/server_list.h"
#include "client_filter_proxy.h"
#include "client_table_model.h"
#include "server_tree_model.h"

#include <QAbstractItemModelTester>
#include <QCborArray>
#include <QSignalSpy>
#include <QTest>

using namespace deploycast;

namespace {
const auto kMode = QAbstractItemModelTester::FailureReportingMode::QtTest;

QCborMap session(quint32 id, const QString &name)
{
    SessionInfo info;
    info.id = id;
    info.name = name;
    info.state = SessionState::Active;
    return info.toCbor();
}

QCborMap client(quint32 id, const QString &name, quint32 sessionId, double percent = 10)
{
    ClientInfo info;
    info.id = id;
    info.machineName = name;
    info.sessionId = sessionId;
    info.sessionName = u"Lab"_qs;
    info.ipAddress = u"10.0.0.%1"_qs.arg(id);
    info.joinedAt = QDateTime::fromString(u"2026-12-02T10:00:00Z"_qs, Qt::ISODate);
    info.percentComplete = percent;
    info.bytesReceived = qint64(percent * 1000);
    info.transferRate = 1000;
    info.state = ClientState::Receiving;
    return info.toCbor();
}

QCborMap historyEntry(quint64 sequence, HistoryEvent event, const QCborMap &clientMap = {})
{
    HistoryEntry entry;
    entry.sequence = sequence;
    entry.time = QDateTime::fromString(u"2026-12-02T10:05:00Z"_qs, Qt::ISODate).addSecs(qint64(sequence));
    entry.event = event;
    entry.sessionId = 1;
    entry.sessionName = u"Lab"_qs;
    if (!clientMap.isEmpty())
        entry.client = ClientInfo::fromCbor(clientMap);
    entry.reason = u"because"_qs;
    return entry.toCbor();
}

// A server's mirror and the console's models over it, each under
// QAbstractItemModelTester. The mirror starts as a replay of an empty
// recording: connected, no network, its clock frozen at the recording.
struct Console {
    ServerList servers;
    ServerConnection *server = servers.addReplay({{u"recordedAt"_qs, u"2026-12-02T10:10:00.000Z"_qs},
                                                  {u"server"_qs, QCborMap{{u"listen"_qs, u"lab.example:7405"_qs}}}});
    ServerTreeModel tree{&servers};
    ClientTableModel table{&servers};
    ClientFilterProxy proxy;
    ActivityModel activity{&servers};
    QAbstractItemModelTester treeTester{&tree, kMode};
    QAbstractItemModelTester tableTester{&table, kMode};
    QAbstractItemModelTester activityTester{&activity, kMode};
    std::unique_ptr<QAbstractItemModelTester> proxyTester;

    Console()
    {
        table.setAutoRefresh(false);
        proxy.setSourceModel(&table);
        proxyTester = std::make_unique<QAbstractItemModelTester>(&proxy, kMode);
        table.setScope({ClientScope::Kind::AllServers, nullptr, 0});
    }
    void snapshot(const QCborArray &clients, const QCborArray &history = {})
    {
        server->applySnapshot({{u"sessions"_qs, QCborArray{session(1, u"Lab"_qs)}},
                               {u"clients"_qs, clients},
                               {u"history"_qs, history},
                               {u"historyId"_qs, u"first"_qs}});
        table.flushPendingChanges();
    }
    void delta(const QCborMap &delta)
    {
        server->applyDelta(delta);
        table.flushPendingChanges();
    }
    void history(const QCborArray &entries, const QString &historyId = u"first"_qs)
    {
        server->applyHistory({{u"history"_qs, entries}, {u"historyId"_qs, historyId}}, true);
        table.flushPendingChanges();
    }
    QStringList names() const
    {
        QStringList names;
        for (int row = 0; row < proxy.rowCount(); ++row)
            names.append(proxy.index(row, ClientTableModel::Name).data().toString());
        return names;
    }
};
} // namespace

class TestMirrorModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aClientThatFinishesStaysAsFinished()
    {
        Console console;
        console.snapshot({client(1, u"pc-1"_qs, 1), client(2, u"pc-2"_qs, 1), client(3, u"pc-3"_qs, 1)});
        QCOMPARE(console.table.rowCount(), 3);
        QCOMPARE(console.proxy.rowCount(), 3);

        // Progress: one dataChanged for the changed row, no reset.
        QSignalSpy changed(&console.table, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&console.table, &QAbstractItemModel::modelReset);
        console.delta({{u"clients"_qs, QCborArray{QCborMap{{u"id"_qs, 2}, {u"percent"_qs, 55.0}}}}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);

        // pc-2 completes: its final entry comes first, then it leaves the server's list.
        console.history({historyEntry(1, HistoryEvent::Completed, client(2, u"pc-2"_qs, 1, 100))});
        console.delta({{u"removedClients"_qs, QCborArray{2}}});
        QCOMPARE(console.table.rowCount(), 3); // the row stays
        QCOMPARE(console.proxy.rowCount(), 2); // but not among those on the server
        QVERIFY(console.server->finishedClients().contains(2));
        QVERIFY(!console.server->clients().contains(2));
        console.proxy.setStateFilter(StateFilter::Finished);
        QCOMPARE(console.names(), QStringList{u"pc-2"_qs});
        QCOMPARE(console.proxy.index(0, ClientTableModel::State).data().toString(), u"completed by multicast"_qs);
        QCOMPARE(console.proxy.index(0, ClientTableModel::Progress).data(ClientTableModel::SortRole).toDouble(), 100.0);

        // pc-3 leaves with no history (an older server): it goes from the table.
        console.delta({{u"removedClients"_qs, QCborArray{3}}});
        QCOMPARE(console.table.rowCount(), 2);
        console.proxy.setStateFilter(StateFilter::All);
        QCOMPARE(console.proxy.rowCount(), 2);
        QCOMPARE(resets.count(), 0);
    }

    void theFailedFilterAndTheTreeAgree()
    {
        Console console;
        console.snapshot({client(1, u"pc-1"_qs, 1), client(2, u"pc-2"_qs, 1)},
                         {historyEntry(1, HistoryEvent::TransmissionStarted),
                          historyEntry(2, HistoryEvent::Forced, client(7, u"gone-7"_qs, 1)),
                          historyEntry(3, HistoryEvent::Completed, client(8, u"done-8"_qs, 1, 100))});
        // The snapshot's history brings back clients that finished before this console looked.
        QCOMPARE(console.table.rowCount(), 4);
        console.proxy.setStateFilter(StateFilter::Failed);
        QCOMPARE(console.names(), QStringList{u"gone-7"_qs});
        console.proxy.setStateFilter(StateFilter::Finished);
        QCOMPARE(console.proxy.rowCount(), 2);
        // The tree counts the clients on the server only.
        const QModelIndex lab = console.tree.findPath(u"lab.example:7405/Multicast Transmissions"_qs);
        QVERIFY(lab.isValid());
        QCOMPARE(console.tree.rowCount(lab), 1);
    }

    void historyIsAppliedOnceAndForgottenWhenTheServerStartsAgain()
    {
        Console console;
        QSignalSpy noteworthy(&console.activity, &ActivityModel::noteworthy);
        const QCborArray entries{historyEntry(1, HistoryEvent::TransmissionStarted),
                                 historyEntry(2, HistoryEvent::Failed, client(4, u"pc-4"_qs, 1))};
        console.snapshot({}, entries);
        QCOMPARE(console.activity.rowCount(), 2);
        QCOMPARE(noteworthy.count(), 0); // a snapshot's history is not news
        console.history(entries); // pushed again: nothing new
        QCOMPARE(console.activity.rowCount(), 2);
        console.history({historyEntry(3, HistoryEvent::TransmissionFinished)});
        QCOMPARE(console.activity.rowCount(), 3);
        QCOMPARE(noteworthy.count(), 1);
        QCOMPARE(console.activity.index(2, ActivityModel::Event).data().toString(), u"transmission finished"_qs);
        QCOMPARE(console.activity.index(1, ActivityModel::Subject).data().toString(),
                 u"client 4 pc-4 (10.0.0.4) in 'Lab'"_qs);
        QVERIFY(console.server->finishedClients().contains(4));
        // The server's state was wiped: another history, whose numbers start
        // again. The old one goes, finished clients with it, and the new one
        // is taken whole.
        console.history({historyEntry(1, HistoryEvent::TransmissionStarted), historyEntry(2, HistoryEvent::Left, client(9, u"pc-9"_qs, 1))},
                        u"second"_qs);
        QCOMPARE(console.activity.rowCount(), 2);
        QVERIFY(!console.server->finishedClients().contains(4));
        QVERIFY(console.server->finishedClients().contains(9));
        QCOMPARE(console.table.rowCount(), 1);
    }

    void namesSortNaturally()
    {
        Console console;
        console.snapshot({client(1, u"lab-pc-10"_qs, 1), client(2, u"lab-pc-9"_qs, 1), client(3, u"Lab-pc-1"_qs, 1),
                          client(4, u"lab-pc-100"_qs, 1)});
        console.proxy.sort(ClientTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(console.names(), (QStringList{u"Lab-pc-1"_qs, u"lab-pc-9"_qs, u"lab-pc-10"_qs, u"lab-pc-100"_qs}));
        console.proxy.sort(ClientTableModel::Name, Qt::DescendingOrder);
        QCOMPARE(console.names().first(), u"lab-pc-100"_qs);
    }

    void theTextFilterAndTheStateFilterCombine()
    {
        Console console;
        console.snapshot({client(1, u"room1-pc"_qs, 1), client(2, u"room2-pc"_qs, 1)},
                         {historyEntry(1, HistoryEvent::Left, client(3, u"room1-old"_qs, 1))});
        console.proxy.setFilterText(u"room1"_qs);
        QCOMPARE(console.names(), QStringList{u"room1-pc"_qs});
        console.proxy.setStateFilter(StateFilter::All);
        QCOMPARE(console.proxy.rowCount(), 2);
        console.proxy.setFilterText({});
        QCOMPARE(console.proxy.rowCount(), 3);
    }
};

QTEST_MAIN(TestMirrorModels)
#include "tst_mirror_models.moc"
