// SPDX-License-Identifier: GPL-3.0-or-later
// What the console remembers and hands on: the history of outcomes across
// console and server restarts, the client table exported as CSV, and the
// Force warning's contrast on a dark palette. Against a real deploycastd
// and real receivers.
#include "activity_model.h"
#include "client/server_connection.h"
#include "client/server_list.h"
#include "client_filter_proxy.h"
#include "deterministic_look.h"
#include "disconnect_dialog.h"
#include "main_window.h"
#include "palette_colors.h"
#include "table_saving.h"
#include "test_bed.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QTableView>
#include <QTest>

using namespace deploycast;

namespace {
// Whether the activity list has an entry of this event for this machine.
bool activityHas(const ActivityModel *activity, HistoryEvent event, const QString &machine)
{
    for (int row = 0; row < activity->rowCount(); ++row) {
        const HistoryEntry &entry = activity->rowAt(row).entry;
        if (entry.event == event && entry.client.machineName == machine)
            return true;
    }
    return false;
}

// The machine names the client table shows.
QStringList shownNames(const MainWindow &window)
{
    QStringList names;
    const QAbstractItemModel *model = window.table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, ClientTableModel::Name).data().toString());
    names.sort();
    return names;
}

void showState(MainWindow *window, StateFilter filter)
{
    auto *states = window->findChild<QComboBox *>(u"stateFilter"_qs);
    states->setCurrentIndex(states->findData(int(filter)));
}

// A CSV line split at commas outside quotes (the console's fields here have no line breaks).
QStringList csvFields(const QString &line)
{
    QStringList fields{QString()};
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == u'"' && quoted && i + 1 < line.size() && line.at(i + 1) == u'"') {
            fields.last() += u'"';
            ++i;
        } else if (c == u'"') {
            quoted = !quoted;
        } else if (c == u',' && !quoted) {
            fields.append(QString());
        } else {
            fields.last() += c;
        }
    }
    return fields;
}
} // namespace

class TestConsoleHistory : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;

    QString transmissionPath() const { return u"127.0.0.1:%1/Multicast Transmissions/Lab"_qs.arg(bed->port()); }

    int clientId(const QString &machine) const
    {
        const std::optional<QJsonObject> client = bed->clientNamed(u"Lab"_qs, machine);
        return client ? client->value(u"id"_qs).toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"DeploycastTests"_qs);
        QApplication::setApplicationName(u"tst_console_history"_qs);
    }

    void init()
    {
        bed = std::make_unique<TestBed>();
        bed->makeImage(u"lab.img"_qs, 2 * 1024 * 1024);
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Clients:100"_qs}).exitCode, 0);
    }

    void cleanup()
    {
        bed.reset();
        QSettings().clear();
    }

    void theHistorySurvivesAConsoleRestartAndAServerRestart()
    {
        QProcess *forced = bed->startReceiver(u"pc1"_qs, u"Lab"_qs);
        QProcess *staying = bed->startReceiver(u"pc2"_qs, u"Lab"_qs);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientsOf(u"Lab"_qs).size() == 2; }));
        QCOMPARE(bed->cli({u"/Disconnect-Client"_qs, u"/ClientId:%1"_qs.arg(clientId(u"pc1"_qs)), u"/Force"_qs}).exitCode, 0);
        QCOMPARE(TestBed::finishAndGetExitCode(forced), 3);

        auto servers = std::make_unique<ServerList>();
        servers->add({u"127.0.0.1"_qs, bed->port()});
        auto window = std::make_unique<MainWindow>(servers.get());
        QVERIFY(TestBed::waitUntil([&] { return activityHas(window->activity(), HistoryEvent::Forced, u"pc1"_qs); }));
        QVERIFY(TestBed::waitUntil([&] { return window->selectPath(transmissionPath()); }));
        QVERIFY(TestBed::waitUntil([&] { return shownNames(*window) == QStringList{u"pc2"_qs}; }));
        showState(window.get(), StateFilter::Failed);
        QCOMPARE(shownNames(*window), QStringList{u"pc1"_qs});

        // The console restarts: the server hands the history back.
        window.reset();
        servers = std::make_unique<ServerList>();
        servers->add({u"127.0.0.1"_qs, bed->port()});
        window = std::make_unique<MainWindow>(servers.get());
        QVERIFY(TestBed::waitUntil([&] { return activityHas(window->activity(), HistoryEvent::Forced, u"pc1"_qs); }));
        QVERIFY(TestBed::waitUntil([&] { return window->selectPath(transmissionPath()); }));
        showState(window.get(), StateFilter::Failed);
        QVERIFY(TestBed::waitUntil([&] { return shownNames(*window) == QStringList{u"pc1"_qs}; }));

        // The server restarts: pc2 leaves with it, and the history says so,
        // to this console when it reconnects and to a console opened afterwards.
        bed->stopServer();
        QCOMPARE(TestBed::finishAndGetExitCode(staying), 1);
        QVERIFY(bed->startServer());
        QVERIFY(TestBed::waitUntil([&] { return activityHas(window->activity(), HistoryEvent::Left, u"pc2"_qs); },
                                   (ServerConnection::kMaxBackoffSeconds + 10) * 1000));
        QVERIFY(activityHas(window->activity(), HistoryEvent::Forced, u"pc1"_qs));
        window.reset();
        servers = std::make_unique<ServerList>();
        servers->add({u"127.0.0.1"_qs, bed->port()});
        window = std::make_unique<MainWindow>(servers.get());
        QVERIFY(TestBed::waitUntil([&] {
            return activityHas(window->activity(), HistoryEvent::Forced, u"pc1"_qs)
                   && activityHas(window->activity(), HistoryEvent::Left, u"pc2"_qs);
        }));
        QVERIFY(TestBed::waitUntil([&] { return window->selectPath(transmissionPath()); }));
        showState(window.get(), StateFilter::Finished);
        QVERIFY(TestBed::waitUntil([&] { return shownNames(*window) == (QStringList{u"pc1"_qs, u"pc2"_qs}); }));
        // And the command line shows the same history.
        const QJsonArray history = bed->cliJson({u"/Get-History"_qs}).value(u"history"_qs).toArray();
        QStringList events;
        for (const QJsonValue &entry : history)
            events.append(entry[u"event"_qs].toString() + u' ' + entry[u"client"_qs][u"name"_qs].toString());
        QVERIFY2(events.contains(u"forced pc1"_qs) && events.contains(u"left pc2"_qs), qPrintable(events.join(u", "_qs)));
    }

    void theCsvExportMatchesTheTable()
    {
        for (const QString &machine : {u"pc1"_qs, u"pc2"_qs, u"pc, \"3\""_qs})
            bed->startReceiver(machine, u"Lab"_qs);
        QVERIFY(TestBed::waitUntil([&] { return bed->clientsOf(u"Lab"_qs).size() == 3; }));
        ServerList servers;
        servers.add({u"127.0.0.1"_qs, bed->port()});
        MainWindow window(&servers);
        QVERIFY(TestBed::waitUntil([&] { return window.selectPath(transmissionPath()); }));
        QVERIFY(TestBed::waitUntil([&] { return window.table()->model()->rowCount() == 3; }));
        window.table()->sortByColumn(ClientTableModel::Name, Qt::DescendingOrder);
        window.table()->setColumnHidden(ClientTableModel::MacAddress, true);

        // Export and read the table in the same turn of the event loop, so both see the same moment.
        const QString path = bed->root() + u"/clients.csv"_qs;
        const TableSlice slice = window.clientTableSlice();
        QString error;
        QVERIFY2(saveTable(path, slice, {}, &error), qPrintable(error));
        QStringList expected;
        const QAbstractItemModel *model = window.table()->model();
        QStringList header;
        for (int column : slice.columns)
            header.append(model->headerData(column, Qt::Horizontal).toString());
        QVERIFY(!header.contains(u"MAC address"_qs));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u"\r\n"_qs, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), model->rowCount() + 1);
        QCOMPARE(csvFields(lines.first()), header);
        for (int row = 0; row < model->rowCount(); ++row) {
            QStringList cells;
            for (int column : slice.columns)
                cells.append(model->index(row, column).data().toString());
            QCOMPARE(csvFields(lines.at(row + 1)), cells);
        }
        QCOMPARE(csvFields(lines.at(1)).at(header.indexOf(u"Name"_qs)), u"pc2"_qs); // the table's order
    }

    void theForceWarningReadsOnADarkPalette()
    {
        QApplication::setPalette(darkPalette());
        DisconnectDialog dialog({{bed->server(), u"Lab"_qs, 1, u"pc1"_qs, u"10.0.0.1"_qs, true}}, true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *warning = dialog.findChild<QLabel *>(u"explanation"_qs);
        const QColor background = warning->palette().color(QPalette::Window);
        const QColor text = warning->palette().color(QPalette::WindowText);
        QVERIFY2(contrastRatio(text, background) >= kWarningContrast,
                 qPrintable(u"%1 on %2: %3:1"_qs.arg(text.name(), background.name()).arg(contrastRatio(text, background))));
        // And as drawn: the glyphs' strongest pixels reach that contrast against the dialog's background.
        const QImage drawn = warning->grab().toImage();
        const QColor drawnBackground = drawn.pixelColor(0, drawn.height() - 1);
        double strongest = 1;
        for (int y = 0; y < drawn.height(); ++y)
            for (int x = 0; x < drawn.width(); ++x)
                strongest = std::max(strongest, contrastRatio(drawn.pixelColor(x, y), drawnBackground));
        QVERIFY2(strongest >= kWarningContrast, qPrintable(QString::number(strongest)));
        QApplication::setPalette(QPalette());
    }
};

QTEST_MAIN(TestConsoleHistory)
#include "tst_console_history.moc"
