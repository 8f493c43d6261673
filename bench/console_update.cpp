// SPDX-License-Identifier: GPL-3.0-or-later
// How long the console's GUI thread spends on one update tick in which every
// one of N clients changed: decoding the pushed delta, applying it to the
// mirror, the models' signals, the sorted proxy, and repainting the visible
// table. Printed beside a baseline that resets the table every tick, as a
// naive model would.
//
//   bench_console_update [--clients N] [--ticks T]
//
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "client/server_connection.h"
#include "client/server_list.h"
#include "client_filter_proxy.h"
#include "client_table_model.h"
#include "samples.h"
#include "server_tree_model.h"

#include <QApplication>
#include <QCborArray>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QTableView>

#include <algorithm>
#include <cstdio>

using namespace deploycast;

namespace {

constexpr quint32 kSessionId = 1;

QCborMap snapshot(int clients)
{
    SessionInfo session;
    session.id = kSessionId;
    session.name = QStringLiteral("Lab");
    session.state = SessionState::Active;
    session.clientCount = clients;
    QCborArray clientMaps;
    for (int i = 1; i <= clients; ++i) {
        ClientInfo client;
        client.id = quint32(i);
        client.sessionId = kSessionId;
        client.sessionName = session.name;
        client.machineName = QStringLiteral("lab-pc-%1").arg(i, 4, 10, QLatin1Char('0'));
        client.ipAddress = QStringLiteral("10.0.%1.%2").arg(i / 250).arg(i % 250 + 1);
        client.macAddress = QStringLiteral("52:54:00:00:%1:%2").arg(i / 256, 2, 16, QLatin1Char('0')).arg(i % 256, 2, 16, QLatin1Char('0'));
        client.joinedAt = QDateTime::currentDateTimeUtc();
        client.state = ClientState::Receiving;
        clientMaps.append(client.toCbor());
    }
    return {{u"sessions"_qs, QCborArray{session.toCbor()}}, {u"clients"_qs, clientMaps}};
}

// One tick's delta, as the server sends it: only the fields that move, for
// every `stride`-th client.
QByteArray encodedDelta(int clients, int stride, int tick, QRandomGenerator &random)
{
    QCborArray changed;
    for (int i = 1 + tick % stride; i <= clients; i += stride) {
        const double percent = std::min(100.0, tick * 0.5 + random.bounded(5.0));
        changed.append(QCborMap{{u"id"_qs, i},
                                {u"percent"_qs, percent},
                                {u"bytes"_qs, qint64(percent * 1e6)},
                                {u"rate"_qs, qint64(random.bounded(120'000'000))},
                                {u"cpu"_qs, random.bounded(100.0)},
                                {u"network"_qs, random.bounded(100.0)}});
    }
    return QCborValue(QCborMap{{u"sequence"_qs, tick}, {u"clients"_qs, changed}, {u"last"_qs, true}}).toCbor();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption clientsOption(u"clients"_qs, u"Clients per tick."_qs, u"N"_qs, u"2000"_qs);
    const QCommandLineOption ticksOption(u"ticks"_qs, u"Ticks to time."_qs, u"T"_qs, u"40"_qs);
    parser.addOptions({clientsOption, ticksOption});
    parser.addHelpOption();
    parser.process(app);
    const int clients = parser.value(clientsOption).toInt();
    const int ticks = parser.value(ticksOption).toInt();

    // A recorded server, never connected: the data comes through its public
    // decode path, exactly as a live server's frames do.
    ServerList servers;
    ServerConnection *server = servers.addReplay(snapshot(clients));

    ServerTreeModel tree(&servers);
    ClientTableModel table(&servers);
    ClientFilterProxy proxy;
    proxy.setSourceModel(&table);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(ClientTableModel::TransferRate, Qt::DescendingOrder);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.resize(1200, 700);
    view.show();
    const ClientScope scope{ClientScope::Kind::Session, server, kSessionId};
    table.setScope(scope);
    QCoreApplication::processEvents();

    QRandomGenerator random(42);
    auto run = [&](int stride, bool resetEveryTick) {
        Samples samples;
        for (int tick = 0; tick < ticks; ++tick) {
            const QByteArray wire = encodedDelta(clients, stride, tick, random);
            QElapsedTimer timer;
            timer.start();
            server->applyDelta(QCborValue::fromCbor(wire).toMap());
            table.flushPendingChanges();
            if (resetEveryTick) {
                table.setScope({});
                table.setScope(scope);
            }
            view.viewport()->repaint();
            samples.ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        return samples;
    };
    std::printf("console_update: %d clients, %d ticks per case, table sorted by rate, models + proxy + repaint\n",
                clients, ticks);
    // Every client in every tick (the worst case), and a tenth of them (a
    // 250 ms push tick when clients report once a second, staggered).
    for (const int stride : {1, 10}) {
        const Samples precise = run(stride, false);
        const Samples reset = run(stride, true);
        std::printf("  %5d changed: precise signals median %6.2f ms (p95 %6.2f) | reset every tick (baseline) "
                    "median %6.2f ms (p95 %6.2f) | baseline/precise %.2fx\n",
                    clients / stride, precise.median(), precise.p95(), reset.median(), reset.p95(),
                    reset.median() / precise.median());
    }
    return 0;
}
