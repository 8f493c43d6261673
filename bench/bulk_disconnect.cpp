// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk disconnect at scale (issue 7): one real deploycastd with thousands of
// deploycast-loadgen clients, the real console window; 1,000 clients
// selected, Disconnect, OK in the confirmation dialog, and the clock runs
// until every one of them is gone from the console's table. The baseline
// is what a console without a bulk request does: one request per client,
// each waiting for the last.
//
//   bench_bulk_disconnect [--clients 4000] [--select 1000]
//
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "client/server_connection.h"
#include "client/server_list.h"
#include "client_table_model.h"
#include "console_actions.h"
#include "disconnect_dialog.h"
#include "main_window.h"
#include "scale_bed.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTableView>

#include <cstdio>
#include <functional>

using namespace deploycast;

namespace {

struct Bench {
    MainWindow &window;
    ServerConnection *server;
    int select;

    QAbstractProxyModel *proxy() const { return qobject_cast<QAbstractProxyModel *>(window.table()->model()); }
    ClientTableModel *table() const { return qobject_cast<ClientTableModel *>(proxy()->sourceModel()); }

    // Selects the first `select` rows of the table; returns their client IDs.
    QList<quint32> selectRows() const
    {
        QTableView *view = window.table();
        view->selectionModel()->select(QItemSelection(proxy()->index(0, 0), proxy()->index(select - 1, 0)),
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QList<quint32> ids;
        for (const QModelIndex &index : view->selectionModel()->selectedRows())
            ids.append(table()->clientAt(proxy()->mapToSource(index).row()).id);
        return ids;
    }

    bool allGone(const QList<quint32> &ids) const
    {
        for (quint32 id : ids)
            if (table()->rowOf({server, id}) >= 0)
                return false;
        return true;
    }

    // Milliseconds from OK in the dialog until the table has none of them.
    double throughTheDialog(bool force) const
    {
        const QList<quint32> ids = selectRows();
        (force ? window.actions()->forceDisconnect : window.actions()->disconnect)->trigger();
        auto *dialog = window.findChild<DisconnectDialog *>();
        if (!dialog || ids.size() != select)
            return -1;
        QElapsedTimer timer;
        timer.start();
        dialog->accept();
        return waitFor([&] { return allGone(ids); }, 60000) ? double(timer.nsecsElapsed()) / 1e6 : -1;
    }

    // The baseline: one request per client, in turn.
    double oneByOne() const
    {
        const QList<quint32> ids = selectRows();
        QElapsedTimer timer;
        timer.start();
        for (quint32 id : ids) {
            bool answered = false;
            server->disconnectClients({id}, true, [&](const QList<DisconnectOutcome> &, const Error &) { answered = true; });
            if (!waitFor([&] { return answered; }, 30000))
                return -1;
        }
        return waitFor([&] { return allGone(ids); }, 60000) ? double(timer.nsecsElapsed()) / 1e6 : -1;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption clientsOption(u"clients"_qs, u"Load-generator clients on the server."_qs, u"N"_qs, u"4000"_qs);
    const QCommandLineOption selectOption(u"select"_qs, u"Clients to disconnect at once."_qs, u"N"_qs, u"1000"_qs);
    parser.addOptions({clientsOption, selectOption});
    parser.addHelpOption();
    parser.process(app);
    const int clients = parser.value(clientsOption).toInt();
    const int select = parser.value(selectOption).toInt();
    if (clients < 3 * select + 1) {
        std::fprintf(stderr, "bench_bulk_disconnect: --clients must be more than 3 x --select (three rounds)\n");
        return 2;
    }

    ScaleBed bed(1, 1);
    if (!bed.start() || !bed.startLoadgen(clients, {u"--rate-profile"_qs, u"uniform:5K-50K"_qs})) {
        std::fprintf(stderr, "bench_bulk_disconnect: the test bed did not start\n");
        return 1;
    }
    ServerList servers;
    MainWindow window(&servers, false);
    window.resize(1366, 768);
    window.show();
    ServerConnection *server = servers.add(*parseHostPort(bed.serverAddresses().first(), 7405, nullptr));
    Bench bench{window, server, select};
    if (!waitFor([&] { return bench.proxy()->rowCount() == clients; }, 120000)) {
        std::fprintf(stderr, "bench_bulk_disconnect: only %d of %d clients reached the console\n",
                     bench.proxy()->rowCount(), clients);
        return 1;
    }
    std::printf("bulk_disconnect: one deploycastd, %d load-generator clients, %d selected in the console\n", clients, select);
    const double force = bench.throughTheDialog(true);
    const double plain = bench.throughTheDialog(false);
    const double baseline = bench.oneByOne();
    auto row = [&](const char *what, double ms) {
        std::printf("  %-52s %8.1f ms  target <= 1000 ms  %-4s | one request per client %8.1f ms (%.1fx)\n", what, ms,
                    ms >= 0 && ms <= 1000 ? "met" : "MISS", baseline, baseline / ms);
    };
    row("OK to all gone in the console, with Force", force);
    row("OK to all gone in the console, without Force", plain);
    return force < 0 || plain < 0 || baseline < 0 ? 1 : 0;
}
