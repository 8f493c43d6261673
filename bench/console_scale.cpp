// SPDX-License-Identifier: GPL-3.0-or-later
// The console at data-centre scale (issue 7): 20 real deploycastd on
// loopback, 5 transmissions each, 10,000 deploycast-loadgen clients
// reporting every second, one console connected to all 20. Prints each
// figure beside its target, and the same console pieces with Qt's
// QSortFilterProxyModel in place of ClientFilterProxy as the baseline.
//
//   bench_console_scale [--servers 20] [--transmissions 5] [--clients 10000] [--ticks 10]
//                       [--screenshot FILE]
//
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "activity_model.h"
#include "client/server_connection.h"
#include "client/server_list.h"
#include "client_filter_proxy.h"
#include "client_table_model.h"
#include "samples.h"
#include "scale_bed.h"
#include "server_tree_model.h"
#include "throughput_recorder.h"

#include <QApplication>
#include <QCborValue>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <time.h>

using namespace deploycast;

namespace {

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// GUI-thread CPU time, as the targets count it: on a two-core machine that
// also runs 20 servers and 10,000 clients, wall time would mostly measure
// the wait for a core.
template<typename Work>
double timeMs(Work work)
{
    const double start = threadCpuMs();
    work();
    return threadCpuMs() - start;
}

// The console's model/view pieces as the main window wires them: the server
// tree, the client table, sorted by rate, and the activity list below them,
// at 1366×768, with the throughput recorder. The proxy is ClientFilterProxy,
// or QSortFilterProxyModel for the baseline.
struct Console {
    ServerList servers;
    ServerTreeModel tree{&servers};
    ClientTableModel table{&servers};
    ActivityModel activity{&servers};
    ThroughputRecorder recorder{&servers};
    QTableView *activityView = new QTableView;
    std::unique_ptr<QAbstractProxyModel> proxy;
    std::function<void(const QString &)> setFilter;
    QWidget window;
    QLineEdit *filter = new QLineEdit;
    QTreeView *treeView = new QTreeView;
    QTableView *tableView = new QTableView;

    explicit Console(bool baseline)
    {
        if (baseline) {
            auto *qtProxy = new QSortFilterProxyModel;
            qtProxy->setSortRole(ClientTableModel::SortRole);
            qtProxy->setDynamicSortFilter(true);
            qtProxy->setFilterKeyColumn(ClientTableModel::Name);
            qtProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
            setFilter = [qtProxy](const QString &text) { qtProxy->setFilterFixedString(text); };
            proxy.reset(qtProxy);
        } else {
            auto *ours = new ClientFilterProxy;
            setFilter = [ours](const QString &text) { ours->setFilterText(text); };
            proxy.reset(ours);
        }
        proxy->setSourceModel(&table);
        QObject::connect(filter, &QLineEdit::textChanged, filter, [this](const QString &text) { setFilter(text); });
        treeView->setModel(&tree);
        tableView->setModel(proxy.get());
        tableView->setSortingEnabled(true);
        tableView->sortByColumn(ClientTableModel::TransferRate, Qt::DescendingOrder);
        tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
        tableView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        tableView->verticalHeader()->hide();
        auto *splitter = new QSplitter;
        auto *right = new QWidget;
        auto *rightLayout = new QVBoxLayout(right);
        rightLayout->addWidget(filter);
        rightLayout->addWidget(tableView);
        splitter->addWidget(treeView);
        splitter->addWidget(right);
        splitter->setSizes({300, 1066});
        activityView->setModel(&activity);
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(splitter, 3);
        layout->addWidget(activityView, 1);
        recorder.setSampling(false); // timed below, one sample at a time
        window.resize(1366, 768);
        window.show();
        table.setScope({ClientScope::Kind::AllServers, nullptr, 0});
    }
    // Shows the table as it is now, as the next paint event would.
    void repaint() { tableView->viewport()->repaint(); }
};

struct Figures {
    double initialLoadMs = 0;
    Samples tick;
    Samples tickModels; // the part before the repaint
    int tickRows = 0;
    Samples sort;
    Samples filter;
    Samples throughputSample; // every 2 s in the console
    Samples stallCheck;       // every 2 s in the console
};

QList<QCborMap> recordSnapshots(const QStringList &servers)
{
    QList<QCborMap> snapshots;
    for (const QString &server : servers) {
        QProcess cli;
        cli.start(ScaleBed::binary("deploycast"), {u"/Get-Server"_qs, u"/Show:Snapshot"_qs, u"/Format:Cbor"_qs,
                                                    u"/Server:"_qs + server});
        cli.waitForFinished(60000);
        snapshots.append(QCborValue::fromCbor(cli.readAllStandardOutput()).toMap());
    }
    return snapshots;
}

Figures measure(bool baseline, const QList<QCborMap> &snapshots, const QStringList &servers, int clients, int ticks)
{
    Figures figures;
    {
        // Initial load: the recorded snapshots go through the same decode
        // path as live ones; timed from the first until the tree and table
        // are filled and painted.
        Console console(baseline);
        QCoreApplication::processEvents();
        figures.initialLoadMs = timeMs([&] {
            for (const QCborMap &snapshot : snapshots)
                console.servers.addReplay(snapshot);
            console.table.flushPendingChanges();
            console.treeView->expandAll();
            console.window.repaint();
        });
        if (console.proxy->rowCount() != clients)
            std::fprintf(stderr, "initial load: %d rows, not %d\n", console.proxy->rowCount(), clients);
    }

    Console console(baseline);
    for (const QString &server : servers)
        console.servers.add(*parseHostPort(server, 7405, nullptr));
    if (!waitFor([&] { console.table.flushPendingChanges(); return console.proxy->rowCount() == clients; }, 120000))
        std::fprintf(stderr, "live: only %d of %d clients arrived\n", console.proxy->rowCount(), clients);
    console.table.setAutoRefresh(false);
    console.table.flushPendingChanges();
    // Live ticks: the load generator's clients all report at the top of each
    // second; once every one of them has changed, one refresh applies it all.
    for (int tick = 0; tick < ticks; ++tick) {
        if (!waitFor([&] { return console.table.pendingChangedClients() >= clients; }, 10000)) {
            std::fprintf(stderr, "tick %d: only %lld clients changed\n", tick,
                         static_cast<long long>(console.table.pendingChangedClients()));
            continue;
        }
        figures.tickRows = int(console.table.pendingChangedClients());
        double modelsMs = 0;
        figures.tick.ms.push_back(timeMs([&] {
            modelsMs = timeMs([&] { console.table.flushPendingChanges(); });
            console.repaint();
        }));
        figures.tickModels.ms.push_back(modelsMs);
    }
    // The console's periodic work besides the ticks: the chart's and the
    // detail panel's sample of every client, and the search for stalls.
    for (int sample = 0; sample < 5; ++sample) {
        figures.throughputSample.ms.push_back(timeMs([&] { console.recorder.sample(QDateTime::currentDateTimeUtc()); }));
        figures.stallCheck.ms.push_back(timeMs([&] { console.table.checkStalls(); }));
    }
    for (int column = 0; column < ClientTableModel::ColumnCount; ++column)
        figures.sort.ms.push_back(timeMs([&] {
            console.tableView->sortByColumn(column, Qt::AscendingOrder);
            console.repaint();
        }));
    console.tableView->sortByColumn(ClientTableModel::TransferRate, Qt::DescendingOrder);
    // An admin types a machine name, then clears it again. (What a key
    // press does to the line edit, without QTest's event processing, which
    // would apply the servers' pushes inside the measurement.)
    const QString typed = u"load-0042"_qs;
    for (const QChar key : typed)
        figures.filter.ms.push_back(timeMs([&] {
            console.filter->insert(key);
            console.repaint();
        }));
    for (qsizetype i = 0; i < typed.size(); ++i)
        figures.filter.ms.push_back(timeMs([&] {
            console.filter->backspace();
            console.repaint();
        }));
    return figures;
}

void printRow(const char *what, double ours, double target, double baseline, const char *unit = "ms")
{
    std::printf("  %-58s %9.2f %s  target <= %5.0f %s  %-4s | QSortFilterProxyModel %9.2f %s (%.1fx)\n", what, ours,
                unit, target, unit, ours <= target ? "met" : "MISS", baseline, unit, baseline / ours);
}

// One deploycastd with all the clients and one console subscribed: what the
// server writes (the pushed deltas, TLS included) and the CPU it uses, over
// ten seconds of reports. The baseline is a full snapshot every second.
bool measureServer(ScaleBed &bed, int clients)
{
    if (!bed.startLoadgen(clients, {u"--rate-profile"_qs, u"uniform:5K-50K"_qs, u"--stuck"_qs, u"2"_qs}, 1)) {
        std::fprintf(stderr, "server phase: the load generator's clients did not all join\n");
        return false;
    }
    const QString address = bed.serverAddresses().first();
    Console console(false);
    console.servers.add(*parseHostPort(address, 7405, nullptr));
    if (!waitFor([&] { return console.proxy->rowCount() == clients; }, 120000)) {
        std::fprintf(stderr, "server phase: %d of %d clients reached the console\n", console.proxy->rowCount(), clients);
        return false;
    }
    QTest::qWait(3000); // past the snapshot
    const qint64 pid = bed.serverPid(0);
    const qint64 written = bytesWrittenBy(pid);
    const double cpu = cpuSecondsOf(pid);
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(10000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double megabytesPerSecond = double(bytesWrittenBy(pid) - written) / seconds / 1e6;
    const double cpuPercent = 100.0 * (cpuSecondsOf(pid) - cpu) / seconds;
    const double snapshotMegabytes = double(recordSnapshots({address}).first().toCborValue().toCbor().size()) / 1e6;
    std::printf("  one deploycastd with %d clients reporting every second, one console subscribed:\n", clients);
    std::printf("  %-58s %9.2f MB/s target <= %5.0f MB/s %-4s | full snapshot every second %9.2f MB/s (%.1fx)\n",
                "push traffic to the console (all the server writes)", megabytesPerSecond, 1.0,
                megabytesPerSecond <= 1 ? "met" : "MISS", snapshotMegabytes, snapshotMegabytes / megabytesPerSecond);
    std::printf("  %-58s %9.1f %%    target <= %5.0f %%    %s\n", "deploycastd CPU, of one core", cpuPercent, 50.0,
                cpuPercent <= 50 ? "met" : "MISS");
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption serversOption(u"servers"_qs, u"deploycastd processes."_qs, u"N"_qs, u"20"_qs);
    const QCommandLineOption transmissionsOption(u"transmissions"_qs, u"Transmissions per server."_qs, u"N"_qs, u"5"_qs);
    const QCommandLineOption clientsOption(u"clients"_qs, u"Load-generator clients in all."_qs, u"N"_qs, u"10000"_qs);
    const QCommandLineOption ticksOption(u"ticks"_qs, u"Update ticks to time."_qs, u"N"_qs, u"10"_qs);
    const QCommandLineOption screenshotOption(u"screenshot"_qs, u"Also take a picture of the real console at full load."_qs, u"FILE"_qs);
    const QCommandLineOption serverOnlyOption(u"server-only"_qs, u"Measure only the server side (push traffic, CPU)."_qs);
    parser.addOptions({serversOption, transmissionsOption, clientsOption, ticksOption, screenshotOption, serverOnlyOption});
    parser.addHelpOption();
    parser.process(app);
    const int serverCount = parser.value(serversOption).toInt();
    const int clients = parser.value(clientsOption).toInt();
    const int ticks = parser.value(ticksOption).toInt();

    ScaleBed bed(serverCount, parser.value(transmissionsOption).toInt());
    if (parser.isSet(serverOnlyOption))
        return bed.start() && measureServer(bed, clients) ? 0 : 1;
    if (!bed.start() || !bed.startLoadgen(clients, {u"--synchronized"_qs, u"--rate-profile"_qs, u"uniform:5K-50K"_qs,
                                                    u"--stuck"_qs, u"2"_qs})) {
        std::fprintf(stderr, "bench_console_scale: the test bed did not start\n");
        return 1;
    }
    std::printf("console_scale: %d deploycastd x %s transmissions, %d load-generator clients reporting every second;\n"
                "  console figures are GUI-thread CPU time\n",
                serverCount, qPrintable(parser.value(transmissionsOption)), clients);
    std::fflush(stdout);

    const QList<QCborMap> snapshots = recordSnapshots(bed.serverAddresses());
    const Figures ours = measure(false, snapshots, bed.serverAddresses(), clients, ticks);
    const Figures qt = measure(true, snapshots, bed.serverAddresses(), clients, ticks);
    printRow("initial load of all snapshots, tree + table filled", ours.initialLoadMs, 300, qt.initialLoadMs);
    printRow(qPrintable(QStringLiteral("update tick, %1 clients changed (median)").arg(ours.tickRows)),
             ours.tick.median(), 5, qt.tick.median());
    printRow("update tick (worst)", ours.tick.max(), 5, qt.tick.max());
    printRow("  of which models + proxy, without the repaint (median)", ours.tickModels.median(), 5, qt.tickModels.median());
    printRow(qPrintable(QStringLiteral("sort by a column (worst of all %1)").arg(ClientTableModel::ColumnCount)),
             ours.sort.max(), 50, qt.sort.max());
    printRow("filter keystroke to repainted table (worst of 18)", ours.filter.max(), 30, qt.filter.max());
    // No baseline: the console did none of this before; the budget is a tick's.
    std::printf("  %-58s %9.2f ms  target <= %5.0f ms  %s\n", "throughput sample of every client, every 2 s (median)",
                ours.throughputSample.median(), 5.0, ours.throughputSample.median() <= 5 ? "met" : "MISS");
    std::printf("  %-58s %9.2f ms  target <= %5.0f ms  %s\n", "stall check of every row, every 2 s (median)",
                ours.stallCheck.median(), 5.0, ours.stallCheck.median() <= 5 ? "met" : "MISS");
    std::fflush(stdout);

    // The real console's memory: deploycast-console connected to all servers.
    QStringList consoleArguments;
    for (const QString &server : bed.serverAddresses())
        consoleArguments << u"--server"_qs << server;
    QProcess console;
    console.start(ScaleBed::binary("deploycast-console"), consoleArguments);
    QTest::qWait(20000);
    const double consoleMb = double(residentBytesOf(console.processId())) / 1e6;
    console.terminate();
    console.waitForFinished(10000);
    std::printf("  %-58s %9.1f MB  target <= %5.0f MB  %s\n", "deploycast-console resident memory", consoleMb, 150.0,
                consoleMb <= 150 ? "met" : "MISS");
    if (parser.isSet(screenshotOption)) {
        QProcess shot;
        shot.start(ScaleBed::binary("deploycast-console"),
                   consoleArguments + QStringList{u"--screenshot"_qs, parser.value(screenshotOption), u"--timeout"_qs, u"120"_qs});
        shot.waitForFinished(180000);
        std::printf("  screenshot: %s (exit %d)\n", qPrintable(parser.value(screenshotOption)), shot.exitCode());
    }
    std::fflush(stdout);
    return measureServer(bed, clients) ? 0 : 1;
}
