// SPDX-License-Identifier: GPL-3.0-or-later
// The console's pure parts: what a bulk disconnect says, how tables are
// exported, the warning's contrast, the time left.
#include "client_table_model.h"
#include "disconnect_summary.h"
#include "palette_colors.h"
#include "table_export.h"

#include <QGuiApplication>
#include <QJsonObject>
#include <QStandardItemModel>
#include <QTest>

using namespace deploycast;

class TestConsolePieces : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theSummaryCountsEachOutcome()
    {
        DisconnectSummary summary;
        for (int i = 0; i < 6; ++i)
            summary.add({quint32(i + 1), u"done"_qs, {}, u"fallback"_qs});
        summary.add({7, u"done"_qs, {}, u"failed"_qs});
        summary.add({8, u"gone"_qs, u"no client with ID 8"_qs, {}});
        summary.addAlreadyGone(9);
        QCOMPARE(summary.text(), u"6 continuing by unicast, 1 failed (no fallback), 2 had already left."_qs);
        QVERIFY(!summary.needsAttention());

        DisconnectSummary forced;
        forced.add({1, u"done"_qs, {}, u"stopped"_qs});
        forced.add({2, u"not-allowed"_qs, u"client 2 is already finishing by unicast"_qs, {}});
        forced.addServerFailure(u"lab:7405"_qs, u"connection lost"_qs, 3);
        QCOMPARE(forced.text(), u"1 stopped with Force, 4 not disconnected."_qs);
        QVERIFY(forced.needsAttention());
        QVERIFY(forced.details().contains(u"already finishing"_qs));
        QCOMPARE(DisconnectSummary().text(), u"No client was disconnected."_qs);
    }

    void csvQuotesAndDefusesFormulas()
    {
        QStandardItemModel model(3, 2);
        model.setHorizontalHeaderLabels({u"Name"_qs, u"Note"_qs});
        model.setItem(0, 0, new QStandardItem(u"pc, the first"_qs));
        model.setItem(0, 1, new QStandardItem(u"said \"hi\""_qs));
        model.setItem(1, 0, new QStandardItem(u"=HYPERLINK(\"http://x\")"_qs));
        model.setItem(1, 1, new QStandardItem(u"two\nlines"_qs));
        model.setItem(2, 0, new QStandardItem(u"plain"_qs));
        model.setItem(2, 1, new QStandardItem(u"\ttabbed"_qs));
        const TableSlice slice{&model, {0, 1, 2}, {1, 0}};
        QCOMPARE(toCsv(slice), u"Note,Name\r\n"
                               "\"said \"\"hi\"\"\",\"pc, the first\"\r\n"
                               "\"two\nlines\",\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
                               "'\ttabbed,plain\r\n"_qs);
        QCOMPARE(toTabSeparated({&model, {2}, {0, 1}}), u"plain\t' tabbed\n"_qs);
        QCOMPARE(toTabSeparated({&model, {1}, {0}}), u"'=HYPERLINK(\"http://x\")\n"_qs);
        const QJsonArray json = toJson({&model, {0}, {0}});
        QCOMPARE(json.at(0).toObject().value(u"Name"_qs).toString(), u"pc, the first"_qs);
    }

    void theWarningReadsOnLightAndDarkPalettes()
    {
        QCOMPARE(qRound(contrastRatio(Qt::black, Qt::white)), 21);
        QCOMPARE(contrastRatio(Qt::red, Qt::red), 1.0);
        for (const QColor &window : {QColor(0xef, 0xef, 0xef), QColor(Qt::white), QColor(0x2b, 0x2b, 0x2b),
                                     QColor(0x1e, 0x1e, 0x1e), QColor(0x80, 0x80, 0x80)}) {
            QPalette palette;
            palette.setColor(QPalette::Window, window);
            const QColor warning = warningTextColor(palette);
            QVERIFY2(contrastRatio(warning, window) >= kWarningContrast,
                     qPrintable(u"%1 on %2: %3"_qs.arg(warning.name(), window.name()).arg(contrastRatio(warning, window))));
            QVERIFY(warning.red() >= warning.green()); // still a red
        }
        // The colour the console used to hard-code fails on a dark palette: the check can fail.
        QVERIFY(contrastRatio(QColor(0xa0, 0, 0), QColor(0x2b, 0x2b, 0x2b)) < kWarningContrast);
    }

    void timeLeftFollowsTheRate()
    {
        ClientInfo client;
        client.bytesReceived = 25 * 1000 * 1000;
        client.percentComplete = 25;
        client.transferRate = 1000 * 1000;
        QCOMPARE(ClientTableModel::etaSeconds(client), std::optional<qint64>(75));
        client.transferRate = 0;
        QVERIFY(!ClientTableModel::etaSeconds(client));
        client.transferRate = 1000;
        client.outcome = HistoryEvent::Completed;
        QVERIFY(!ClientTableModel::etaSeconds(client));
    }
};

QTEST_MAIN(TestConsolePieces)
#include "tst_console_pieces.moc"
