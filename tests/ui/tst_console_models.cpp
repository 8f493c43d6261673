// SPDX-License-Identifier: GPL-3.0-or-later
// The console's models, checked by QAbstractItemModelTester while a real
// deploycastd streams joins, progress, leaves, and goes away and comes back.
#include "client/server_connection.h"
#include "client/server_list.h"
#include "client_filter_proxy.h"
#include "client_table_model.h"
#include "server_tree_model.h"
#include "test_bed.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <csignal>

using namespace deploycast;

namespace {
// The console's models as the main window wires them (the table sorted by
// rate), each watched by QAbstractItemModelTester.
struct CheckedModels {
    ServerList servers;
    ServerTreeModel tree{&servers};
    ClientTableModel table{&servers};
    ClientFilterProxy proxy;
    static constexpr auto kMode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    QAbstractItemModelTester treeTester{&tree, kMode};
    QAbstractItemModelTester tableTester{&table, kMode};
    std::unique_ptr<QAbstractItemModelTester> proxyTester;

    CheckedModels()
    {
        proxy.setSourceModel(&table);
        proxy.sort(ClientTableModel::TransferRate, Qt::DescendingOrder);
        proxyTester = std::make_unique<QAbstractItemModelTester>(&proxy, kMode);
    }
    auto parts() { return std::tie(servers, tree, table, proxy); }
};

// The sort keys of a column, in the proxy's order.
QVariantList keysOf(const QAbstractProxyModel &proxy, int column)
{
    QVariantList keys;
    for (int row = 0; row < proxy.rowCount(); ++row)
        keys.append(proxy.index(row, column).data(ClientTableModel::SortRole));
    return keys;
}

// The IDs of the clients a proxy shows, in ID order (rows with equal keys may come in any order).
QList<quint32> clientsOf(const QAbstractProxyModel &proxy, const ClientTableModel &table)
{
    QList<quint32> clients;
    for (int row = 0; row < proxy.rowCount(); ++row)
        clients.append(table.clientAt(proxy.mapToSource(proxy.index(row, 0)).row()).id);
    std::sort(clients.begin(), clients.end());
    return clients;
}

// The reference order: QSortFilterProxyModel on the same sort role, with
// names compared as the console compares them (naturally: pc-9 before pc-10).
class ReferenceProxy : public QSortFilterProxyModel
{
public:
    ReferenceProxy()
        : m_collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale())
    {
        m_collator.setNumericMode(true);
        m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        const QVariant a = left.data(sortRole());
        const QVariant b = right.data(sortRole());
        if (a.typeId() == QMetaType::QString)
            return m_collator.compare(a.toString(), b.toString()) < 0;
        return QSortFilterProxyModel::lessThan(left, right);
    }

private:
    QCollator m_collator;
};

// Rows the table keeps for clients that have left the server.
int finishedRows(const ClientTableModel &table)
{
    int finished = 0;
    for (int row = 0; row < table.rowCount(); ++row)
        finished += table.index(row, 0).data(ClientTableModel::FinishedRole).toBool();
    return finished;
}
} // namespace

class TestConsoleModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelsStayConsistentUnderLiveChurn()
    {
        TestBed bed;
        bed.makeImage(u"lab.img"_qs, 4 * 1024 * 1024);
        QVERIFY(bed.startServer({u"--max-rate"_qs, u"2"_qs}));
        QCOMPARE(bed.newTransmission(u"Lab"_qs, u"lab.img"_qs).exitCode, 0);
        QCOMPARE(bed.newTransmission(u"Night"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Clients:50"_qs}).exitCode, 0);

        CheckedModels models;
        auto [servers, tree, table, proxy] = models.parts(); // references

        ServerConnection *server = servers.add({u"127.0.0.1"_qs, bed.port()});
        QVERIFY(TestBed::waitUntil([&] { return server->state() == ConnectionState::Connected; }));
        table.setScope({ClientScope::Kind::AllServers, nullptr, 0});
        QSignalSpy resets(&table, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&table, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);

        const QModelIndex lab = tree.findPath(u"127.0.0.1:%1/Multicast Transmissions/Lab"_qs.arg(bed.port()));
        QVERIFY(lab.isValid());
        QVERIFY(tree.findPath(u"127.0.0.1:%1/Multicast Transmissions/Night"_qs.arg(bed.port())).isValid());

        // Joins, progress, leaves.
        QList<QProcess *> receivers;
        for (const QString &machine : {u"pc1"_qs, u"pc2"_qs, u"pc3"_qs})
            receivers.append(bed.startReceiver(machine, u"Lab"_qs));
        QVERIFY(TestBed::waitUntil([&] { return table.rowCount() == 3; }));
        QVERIFY(TestBed::waitUntil([&] {
            return table.index(0, ClientTableModel::Progress).data(ClientTableModel::SortRole).toDouble() > 0;
        }));
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setFilterText(u"pc2"_qs);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterText({});
        for (QProcess *receiver : receivers)
            QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        // They leave the server, and stay in the table as finished, out of the proxy's default view.
        QVERIFY(TestBed::waitUntil([&] { return proxy.rowCount() == 0 && finishedRows(table) == 3; }));
        QCOMPARE(table.rowCount(), 3);
        QCOMPARE(table.index(0, ClientTableModel::State).data().toString(), u"completed by multicast"_qs);
        proxy.setStateFilter(StateFilter::Finished);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setStateFilter(StateFilter::Failed);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setStateFilter(StateFilter::OnServer);
        QVERIFY(inserted.count() >= 1);
        QVERIFY(changed.count() >= 1);

        // A client that waits, then a server loss: its row stays, greyed out.
        QProcess *waiting = bed.startReceiver(u"pc4"_qs, u"Night"_qs);
        QVERIFY(TestBed::waitUntil([&] { return proxy.rowCount() == 1; }));
        bed.stopServer();
        QVERIFY(TestBed::waitUntil([&] { return server->state() == ConnectionState::Lost; }));
        QCOMPARE(proxy.rowCount(), 1);
        QVERIFY(proxy.index(0, 0).data(ClientTableModel::StaleRole).toBool());
        QVERIFY(tree.index(0, 0, tree.serversIndex()).data().toString().contains(u"retrying in"_qs));
        QCOMPARE(TestBed::finishAndGetExitCode(waiting), 1);

        // The server comes back on the same port: the console reconnects by
        // itself and the snapshot removes the client that did not survive.
        QVERIFY(bed.startServer({u"--max-rate"_qs, u"2"_qs}));
        QVERIFY(TestBed::waitUntil([&] { return server->state() == ConnectionState::Connected; },
                                   (ServerConnection::kMaxBackoffSeconds + 10) * 1000));
        // The history kept across the restart says how it ended.
        QVERIFY(TestBed::waitUntil([&] { return proxy.rowCount() == 0 && finishedRows(table) == 4; }));
        proxy.setStateFilter(StateFilter::Failed);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, ClientTableModel::Name).data().toString(), u"pc4"_qs);
        QCOMPARE(proxy.index(0, ClientTableModel::State).data().toString(), u"left"_qs);
        proxy.setStateFilter(StateFilter::OnServer);
        QVERIFY(tree.findPath(u"127.0.0.1:%1/Multicast Transmissions/Night"_qs.arg(bed.port())).isValid());

        // Not one routine update reset the table.
        QCOMPARE(resets.count(), 0);
    }

    // Issue 7: hundreds of load-generator clients, 5% of them leaving and as
    // many joining every second, while the table is sorted and filtered.
    void modelsStayConsistentUnderLoadGeneratorChurn()
    {
        TestBed bed;
        bed.makeImage(u"lab.img"_qs, 16 * 1024 * 1024);
        QVERIFY(bed.startServer());
        for (const QString &name : {u"Lab"_qs, u"Night"_qs})
            QCOMPARE(bed.newTransmission(name, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Clients:5000"_qs}).exitCode, 0);

        CheckedModels models;
        auto [servers, tree, table, proxy] = models.parts(); // references
        servers.add({u"127.0.0.1"_qs, bed.port()});
        table.setScope({ClientScope::Kind::AllServers, nullptr, 0});

        const QStringList churn{u"--churn"_qs, u"5"_qs, u"--stuck"_qs, u"5"_qs, u"--rate-profile"_qs, u"uniform:10K-200K"_qs};
        QVERIFY(bed.startLoadgen(u"Lab"_qs, 300, churn));
        QVERIFY(bed.startLoadgen(u"Night"_qs, 100, churn + QStringList{u"--name-prefix"_qs, u"night"_qs}));
        QVERIFY(TestBed::waitUntil([&] { return table.rowCount() >= 380; }));
        QSignalSpy resets(&table, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        const int finishedBefore = finishedRows(table);
        QSignalSpy resorted(&proxy, &QAbstractItemModel::layoutChanged);
        // At least ten seconds of churn (about 200 leaves and 200 joins), with
        // the filter switched on and off under it; on a loaded machine the
        // refreshes gather more rows each, so it goes on (up to a minute)
        // until there have been 50 insertions and 50 removals to check.
        for (int second = 0; second < 60; ++second) {
            if (second >= 10 && inserted.count() >= 50 && finishedRows(table) - finishedBefore >= 50)
                break;
            proxy.setFilterText(second % 2 ? u"load-00"_qs : QString());
            QTest::qWait(1000);
        }
        QVERIFY2(inserted.count() >= 50, qPrintable(QString::number(inserted.count())));
        QVERIFY2(finishedRows(table) - finishedBefore >= 50, qPrintable(QString::number(finishedRows(table) - finishedBefore)));
        QVERIFY(resorted.count() >= 5);
        QCOMPARE(resets.count(), 0);

        // The order and the filter agree with QSortFilterProxyModel's, for every column both ways.
        table.setAutoRefresh(false);
        table.flushPendingChanges();
        // Every row, those on the server and those that left, both ways.
        proxy.setStateFilter(StateFilter::All);
        ReferenceProxy reference;
        reference.setSourceModel(&table);
        reference.setSortRole(ClientTableModel::SortRole);
        reference.setSortCaseSensitivity(Qt::CaseInsensitive);
        reference.setFilterCaseSensitivity(Qt::CaseInsensitive);
        reference.setFilterKeyColumn(ClientTableModel::Name);
        for (const QString &filter : {QString(), u"night"_qs}) {
            proxy.setFilterText(filter);
            reference.setFilterFixedString(filter);
            for (int column = 0; column < ClientTableModel::ColumnCount; ++column) {
                for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    proxy.sort(column, order);
                    reference.sort(column, order);
                    const QString where = u"column %1, order %2, filter '%3'"_qs.arg(column).arg(int(order)).arg(filter);
                    QVERIFY2(keysOf(proxy, column) == keysOf(reference, column), qPrintable(where));
                    QVERIFY2(clientsOf(proxy, table) == clientsOf(reference, table), qPrintable(where));
                }
            }
        }
        QVERIFY(proxy.rowCount() > 0 && proxy.rowCount() < table.rowCount());
    }

    void scopesFollowTheTree()
    {
        TestBed bed;
        bed.makeImage(u"lab.img"_qs, 1024 * 1024);
        QVERIFY(bed.startServer());
        for (const QString &name : {u"A"_qs, u"B"_qs})
            QCOMPARE(bed.cli({u"/New-MulticastTransmission"_qs, u"/FriendlyName:"_qs + name, u"/Image:lab.img"_qs,
                              u"/TransmissionType:ScheduledCast"_qs, u"/Clients:50"_qs}).exitCode, 0);
        ServerList servers;
        ServerTreeModel tree(&servers);
        ClientTableModel table(&servers);
        QAbstractItemModelTester tableTester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        servers.add({u"127.0.0.1"_qs, bed.port()});
        bed.startReceiver(u"a1"_qs, u"A"_qs);
        bed.startReceiver(u"a2"_qs, u"A"_qs);
        bed.startReceiver(u"b1"_qs, u"B"_qs);
        const QString root = u"127.0.0.1:%1"_qs.arg(bed.port());
        table.setScope(tree.scopeOf(tree.findPath(root)));
        QVERIFY(TestBed::waitUntil([&] { return table.rowCount() == 3; }));
        table.setScope(tree.scopeOf(tree.findPath(root + u"/Multicast Transmissions/A"_qs)));
        QCOMPARE(table.rowCount(), 2);
        table.setScope(tree.scopeOf(tree.findPath(root + u"/Multicast Transmissions/B"_qs)));
        QCOMPARE(table.rowCount(), 1);
        QCOMPARE(table.index(0, ClientTableModel::Name).data().toString(), u"b1"_qs);
        table.setScope(tree.scopeOf(tree.findPath(root + u"/Namespaces"_qs)));
        QCOMPARE(table.rowCount(), 0);
    }

    // Install images by group, boot images by architecture, kept live by the
    // server's "catalog" pushes; an image stands for its transmission.
    void catalogImagesHaveTheirNodes()
    {
        TestBed bed;
        bed.makeImage(u"Install/Lab/win.img"_qs, 100'000);
        QVERIFY(bed.startServer());
        ServerList servers;
        ServerTreeModel tree(&servers);
        QAbstractItemModelTester treeTester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        servers.add({u"127.0.0.1"_qs, bed.port()});
        const QString root = u"127.0.0.1:%1"_qs.arg(bed.port());
        QVERIFY(TestBed::waitUntil([&] { return tree.findPath(root + u"/Install Images/Lab/win"_qs).isValid(); }));
        QCOMPARE(tree.findPath(root + u"/Install Images"_qs).data().toString(), u"Install Images (1)"_qs);
        QCOMPARE(tree.findPath(root + u"/Boot Images"_qs).data().toString(), u"Boot Images (0)"_qs);

        bed.makeLocalFile(u"pe.img"_qs, 50'000);
        QCOMPARE(bed.cli({u"/Add-Image"_qs, u"/ImageFile:pe.img"_qs, u"/ImageType:Boot"_qs, u"/Architecture:arm64"_qs,
                          u"/Name:PE"_qs}).exitCode, 0);
        QVERIFY(TestBed::waitUntil([&] { return tree.findPath(root + u"/Boot Images/arm64/PE"_qs).isValid(); }));
        QVERIFY(tree.findPath(root + u"/Boot Images/arm64/PE"_qs).data().toString().startsWith(u"PE — pe.img, "_qs));

        const QModelIndex win = tree.findPath(root + u"/Install Images/Lab/win"_qs);
        QCOMPARE(tree.sessionIdOf(win), 0u); // no transmission yet
        QCOMPARE(tree.scopeOf(win).kind, ClientScope::Kind::Nothing);
        QCOMPARE(bed.cli({u"/New-MulticastTransmission"_qs, u"/FriendlyName:Lab"_qs, u"/Image:win"_qs, u"/ImageType:Install"_qs,
                          u"/TransmissionType:AutoCast"_qs}).exitCode, 0);
        QVERIFY(TestBed::waitUntil([&] { return tree.sessionIdOf(tree.findPath(root + u"/Install Images/Lab/win"_qs)) != 0; }));
        QCOMPARE(tree.sessionIdOf(tree.findPath(root + u"/Install Images/Lab/win"_qs)),
                 tree.sessionIdOf(tree.findPath(root + u"/Multicast Transmissions/Lab"_qs)));

        QCOMPARE(bed.cli({u"/Remove-Image"_qs, u"/Image:PE"_qs, u"/ImageType:Boot"_qs}).exitCode, 0);
        QVERIFY(TestBed::waitUntil([&] { return !tree.findPath(root + u"/Boot Images/arm64"_qs).isValid(); }));
        QCOMPARE(tree.findPath(root + u"/Boot Images"_qs).data().toString(), u"Boot Images (0)"_qs);
    }

    void fallbackClientsHaveTheirOwnNode()
    {
        TestBed bed;
        const QByteArray expected = TestBed::sha256Of(bed.makeImage(u"lab.img"_qs, 1024 * 1024));
        QVERIFY(bed.startServer());
        QCOMPARE(bed.newTransmission(u"A"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Clients:50"_qs}).exitCode, 0);
        ServerList servers;
        ServerTreeModel tree(&servers);
        ClientTableModel table(&servers);
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        QAbstractItemModelTester treeTester(&tree, mode);
        QAbstractItemModelTester tableTester(&table, mode);
        servers.add({u"127.0.0.1"_qs, bed.port()});
        QProcess *receiver = bed.startReceiver(u"pc"_qs, u"A"_qs);
        const QString fallbackPath = u"127.0.0.1:%1/Unicast Fallback"_qs.arg(bed.port());
        table.setScope(tree.scopeOf(tree.findPath(fallbackPath)));
        QVERIFY(TestBed::waitUntil([&] { return bed.clientsOf(u"A"_qs).size() == 1; }));
        const int id = bed.clientsOf(u"A"_qs).first().value(u"id"_qs).toInt();

        // Frozen, the receiver cannot finish: it stays in fallback while we look.
        QCOMPARE(::kill(pid_t(receiver->processId()), SIGSTOP), 0);
        QCOMPARE(bed.cli({u"/Disconnect-Client"_qs, QStringLiteral("/ClientId:%1").arg(id)}).exitCode, 0);
        QVERIFY(TestBed::waitUntil([&] { return tree.rowCount(tree.findPath(fallbackPath)) == 1; }));
        QVERIFY(tree.findPath(fallbackPath + u"/pc"_qs).isValid());
        // The table takes changes once per refresh tick.
        QVERIFY(TestBed::waitUntil([&] { return table.rowCount() == 1; }));
        QVERIFY(table.index(0, ClientTableModel::State).data().toString().contains(u"unicast"_qs));

        QCOMPARE(::kill(pid_t(receiver->processId()), SIGCONT), 0);
        QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QCOMPARE(TestBed::sha256Of(bed.receiverOutput(u"pc"_qs)), expected);
        QVERIFY(TestBed::waitUntil([&] { return tree.rowCount(tree.findPath(fallbackPath)) == 0; }));
        // Its row stays, saying how it ended.
        QVERIFY(TestBed::waitUntil([&] { return finishedRows(table) == 1; }));
        QCOMPARE(table.index(0, ClientTableModel::State).data().toString(), u"completed by unicast"_qs);
    }
};

QTEST_MAIN(TestConsoleModels)
#include "tst_console_models.moc"
