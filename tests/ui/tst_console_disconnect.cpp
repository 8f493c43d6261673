// SPDX-License-Identifier: GPL-3.0-or-later
// The console's Disconnect, driven by the keyboard alone, against a real
// deploycastd and real deploycast-receive processes.
#include "client/server_connection.h"
#include "client/server_list.h"
#include "common/translations.h"
#include "console_actions.h"
#include "disconnect_dialog.h"
#include "main_window.h"
#include "server_properties_dialog.h"
#include "test_bed.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonObject>
#include <QSpinBox>
#include <QStatusBar>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QTest>
#include <QAbstractButton>
#include <QTimer>
#include <QFile>
#include <QTreeView>
#include <QTreeWidget>
#include <QWindow>

#include <csignal>

using namespace deploycast;

class TestConsoleDisconnect : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestBed> bed;
    std::unique_ptr<ServerList> servers;
    std::unique_ptr<MainWindow> window;
    QList<QProcess *> receivers;
    QByteArray expectedHash;

    QString transmissionPath() const { return u"127.0.0.1:%1/Multicast Transmissions/Lab"_qs.arg(bed->port()); }

    // Three receivers waiting in a ScheduledCast that never starts by itself,
    // and the console with that transmission selected and the focus in the tree.
    void setUpConsoleWithWaitingClients(const QStringList &receiverArguments = {})
    {
        QVERIFY(bed->startServer());
        QCOMPARE(bed->newTransmission(u"Lab"_qs, u"lab.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Clients:100"_qs}).exitCode, 0);
        for (const QString &machine : {u"pc1"_qs, u"pc2"_qs, u"pc3"_qs})
            receivers.append(bed->startReceiver(machine, u"Lab"_qs, receiverArguments));
        QVERIFY(TestBed::waitUntil([&] { return bed->clientsOf(u"Lab"_qs).size() == 3; }));

        servers = std::make_unique<ServerList>();
        servers->add({u"127.0.0.1"_qs, bed->port()});
        window = std::make_unique<MainWindow>(servers.get());
        window->resize(1200, 700);
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(TestBed::waitUntil([&] { return window->selectPath(transmissionPath()); }));
        QVERIFY(TestBed::waitUntil([&] { return window->table()->model()->rowCount() == 3; }));
        window->tree()->setFocus();
        QVERIFY(TestBed::waitUntil([&] { return window->tree()->hasFocus(); }));
    }

    // Tab into the table, Ctrl+A, then the given key: the dialog is open.
    DisconnectDialog *selectAllAndPress(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier, int rows = 3)
    {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        if (QApplication::focusWidget() != window->table())
            return nullptr;
        QTest::keyClick(window->table(), Qt::Key_A, Qt::ControlModifier);
        if (window->table()->selectionModel()->selectedRows().size() != rows)
            return nullptr;
        QTest::keyClick(window->table(), key, modifiers);
        return openedDialog();
    }

    // The Disconnect dialog once it is open and active, or null.
    DisconnectDialog *openedDialog()
    {
        DisconnectDialog *dialog = nullptr;
        TestBed::waitUntil([&] {
            dialog = qobject_cast<DisconnectDialog *>(QApplication::activeModalWidget());
            return dialog != nullptr;
        }, 5000);
        if (!dialog)
            return nullptr;
        // The offscreen platform does not move activation to a new window by
        // itself; a window system would.
        dialog->windowHandle()->requestActivate();
        if (!QTest::qWaitForWindowActive(dialog->windowHandle()))
            return nullptr;
        QApplication::setActiveWindow(dialog);
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"DeploycastTests"_qs);
        QApplication::setApplicationName(u"tst_console_disconnect"_qs);
        QApplication::setEffectEnabled(Qt::UI_AnimateCombo, false);
        installTranslations();
    }

    void init()
    {
        bed = std::make_unique<TestBed>();
        expectedHash = TestBed::sha256Of(bed->makeImage(u"lab.img"_qs, 2 * 1024 * 1024));
        receivers.clear();
    }

    void cleanup()
    {
        if (QWidget *modal = QApplication::activeModalWidget())
            modal->close();
        window.reset();
        servers.reset();
        bed.reset();
        QSettings().clear(); // each test starts from the default layout
    }

    void tabCtrlADeleteEnterFallsBackToUnicast()
    {
        setUpConsoleWithWaitingClients();
        DisconnectDialog *dialog = selectAllAndPress(Qt::Key_Delete);
        QVERIFY(dialog);
        // One group (this server, Lab) of three clients.
        auto *list = dialog->findChild<QTreeWidget *>(u"clientList"_qs);
        QCOMPARE(list->topLevelItemCount(), 1);
        QVERIFY(list->topLevelItem(0)->text(0).contains(u"Lab"_qs));
        QCOMPARE(list->topLevelItem(0)->childCount(), 3);
        QVERIFY(dialog->findChild<QLabel *>(u"question"_qs)->text().contains(u"3 client"_qs));
        QVERIFY(!dialog->force());
        QVERIFY(dialog->enterConfirms());
        // Focus and default agree: Enter presses the button that has the focus.
        auto *confirm = dialog->findChild<QPushButton *>(u"confirm"_qs);
        QCOMPARE(QApplication::focusWidget(), confirm);
        QVERIFY(confirm->isDefault());
        QTest::keyClick(dialog, Qt::Key_Enter);
        for (QProcess *receiver : std::as_const(receivers))
            QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        for (const QString &machine : {u"pc1"_qs, u"pc2"_qs, u"pc3"_qs})
            QCOMPARE(TestBed::sha256Of(bed->receiverOutput(machine)), expectedHash);
        QVERIFY(TestBed::waitUntil([&] { return window->table()->model()->rowCount() == 0; }));
    }

    void shiftDeleteEnterDisconnectsNothing()
    {
        setUpConsoleWithWaitingClients();
        DisconnectDialog *dialog = selectAllAndPress(Qt::Key_Delete, Qt::ShiftModifier);
        QVERIFY(dialog);
        QVERIFY(dialog->force());
        QVERIFY(!dialog->enterConfirms());
        // Cancel has the focus and is the default: Enter cancels.
        QPushButton *cancel = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
        QCOMPARE(QApplication::focusWidget(), cancel);
        QVERIFY(cancel->isDefault());
        QTest::keyClick(dialog, Qt::Key_Return);
        QVERIFY(TestBed::waitUntil([] { return QApplication::activeModalWidget() == nullptr; }));
        QTest::qWait(500); // room for a wrongly sent request to take effect
        QCOMPARE(bed->clientsOf(u"Lab"_qs).size(), 3);
        for (QProcess *receiver : std::as_const(receivers))
            QCOMPARE(receiver->state(), QProcess::Running);

        // The explicitly labelled button does it.
        QApplication::setActiveWindow(window.get());
        window->table()->setFocus();
        QCOMPARE(window->table()->selectionModel()->selectedRows().size(), 3);
        QTest::keyClick(window->table(), Qt::Key_Delete, Qt::ShiftModifier);
        dialog = openedDialog();
        QVERIFY(dialog);
        auto *confirm = dialog->findChild<QPushButton *>(u"confirm"_qs);
        QCOMPARE(confirm->text(), u"Force disconnect 3 clients"_qs);
        confirm->click();
        for (QProcess *receiver : std::as_const(receivers))
            QCOMPARE(TestBed::finishAndGetExitCode(receiver), 3);
        QVERIFY(bed->leftoverFiles().isEmpty());
    }

    void enterDoesNotConfirmAcrossTransmissions()
    {
        setUpConsoleWithWaitingClients();
        bed->makeImage(u"other.img"_qs, 1024 * 1024);
        QCOMPARE(bed->newTransmission(u"Other"_qs, u"other.img"_qs, {u"/TransmissionType:ScheduledCast"_qs, u"/Clients:100"_qs}).exitCode, 0);
        receivers.append(bed->startReceiver(u"pc4"_qs, u"Other"_qs));
        QVERIFY(TestBed::waitUntil([&] { return window->selectPath(bed->server()); }));
        QVERIFY(TestBed::waitUntil([&] { return window->table()->model()->rowCount() == 4; }));
        window->tree()->setFocus();
        DisconnectDialog *dialog = selectAllAndPress(Qt::Key_Delete, Qt::NoModifier, 4);
        QVERIFY(dialog);
        QCOMPARE(dialog->groupCount(), 2);
        QVERIFY(!dialog->enterConfirms());
        QCOMPARE(dialog->findChild<QTreeWidget *>(u"clientList"_qs)->topLevelItemCount(), 2);
        QVERIFY(dialog->findChild<QLabel *>(u"enterHint"_qs)->isVisible());
        QTest::keyClick(dialog, Qt::Key_Enter);
        QVERIFY(TestBed::waitUntil([] { return QApplication::activeModalWidget() == nullptr; }));
        QTest::qWait(500);
        QCOMPARE(bed->clientsOf(u"Lab"_qs).size(), 3);
        QCOMPARE(bed->clientsOf(u"Other"_qs).size(), 1);
    }

    void tabLeavesTheTableWithTheSelectionIntact()
    {
        setUpConsoleWithWaitingClients();
        QTest::keyClick(window->tree(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), window->table());
        QTest::keyClick(window->table(), Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(window->table()->selectionModel()->selectedRows().size(), 3);
        QTest::keyClick(window->table(), Qt::Key_Tab);
        QVERIFY(QApplication::focusWidget() != window->table());
        QCOMPARE(QApplication::focusWidget()->objectName(), u"filter"_qs);
        QCOMPARE(window->table()->selectionModel()->selectedRows().size(), 3);
        // Escape in the filter clears it and gives the keyboard back to the table.
        QTest::keyClicks(QApplication::focusWidget(), u"pc2"_qs);
        QCOMPARE(window->table()->model()->rowCount(), 1);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(window->findChild<QLineEdit *>(u"filter"_qs)->text(), QString());
        QCOMPARE(QApplication::focusWidget(), window->table());
        QCOMPARE(window->table()->model()->rowCount(), 3);
    }

    void escapeChangesNothing()
    {
        setUpConsoleWithWaitingClients();
        DisconnectDialog *dialog = selectAllAndPress(Qt::Key_Delete);
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(TestBed::waitUntil([] { return QApplication::activeModalWidget() == nullptr; }));
        QTest::qWait(500); // room for a wrongly sent request to take effect
        QCOMPARE(bed->clientsOf(u"Lab"_qs).size(), 3);
        for (QProcess *receiver : std::as_const(receivers))
            QCOMPARE(receiver->state(), QProcess::Running);
    }

    void altFTogglesTheWarning()
    {
        setUpConsoleWithWaitingClients();
        DisconnectDialog *dialog = selectAllAndPress(Qt::Key_Delete);
        QVERIFY(dialog);
        QPushButton *cancel = nullptr;
        QPushButton *ok = nullptr;
        for (QPushButton *button : dialog->findChildren<QPushButton *>())
            (button->isDefault() ? ok : cancel) = button;
        QVERIFY(ok && cancel);
        QCOMPARE(QApplication::focusWidget(), ok); // one transmission, no Force: Enter confirms, and OK has the focus
        QLabel *icon = dialog->findChild<QLabel *>(u"warningIcon"_qs);
        QLabel *text = dialog->findChild<QLabel *>(u"explanation"_qs);
        QVERIFY(!icon->isVisible());
        QCOMPARE(ok->text(), u"Disconnect"_qs);
        QVERIFY(text->text().contains(u"continue by unicast"_qs));

        // A mnemonic "animates" the click: the box toggles a moment later.
        QTest::keyClick(dialog, Qt::Key_F, Qt::AltModifier);
        QTRY_VERIFY(dialog->force());
        QVERIFY(icon->isVisible());
        QCOMPARE(ok->text(), u"Force disconnect 3 clients"_qs);
        QVERIFY(text->text().contains(u"no fallback"_qs));
        // With Force, Cancel is the default and has the focus.
        QVERIFY(cancel->isDefault() && !ok->isDefault());
        QCOMPARE(QApplication::focusWidget(), cancel);

        QTest::keyClick(dialog, Qt::Key_F, Qt::AltModifier);
        QTRY_VERIFY(!dialog->force());
        QVERIFY(!icon->isVisible());
        QCOMPARE(ok->text(), u"Disconnect"_qs);
        QTest::keyClick(dialog, Qt::Key_Escape);
    }

    void bulkSummaryCountsWhatReallyHappened()
    {
        // pc1 to pc3 fall back, pc5 (--no-fallback) fails, pc4 leaves
        // while the dialog is open.
        setUpConsoleWithWaitingClients();
        receivers.append(bed->startReceiver(u"pc4"_qs, u"Lab"_qs));
        QProcess *noFallback = bed->startReceiver(u"pc5"_qs, u"Lab"_qs, {u"--no-fallback"_qs});
        QVERIFY(TestBed::waitUntil([&] { return window->table()->model()->rowCount() == 5; }));
        window->tree()->setFocus();
        DisconnectDialog *dialog = selectAllAndPress(Qt::Key_Delete, Qt::NoModifier, 5);
        QVERIFY(dialog);
        // The client that cannot fall back is marked.
        QVERIFY(dialog->findChild<QLabel *>(u"noFallback"_qs)->text().contains(u"1 of them cannot fall back"_qs));
        QProcess *leaving = receivers.takeLast();
        ::kill(pid_t(leaving->processId()), SIGKILL);
        QVERIFY(TestBed::waitUntil([&] { return window->table()->model()->rowCount() == 4; }));
        QTest::keyClick(dialog, Qt::Key_Enter);
        for (QProcess *receiver : std::as_const(receivers))
            QCOMPARE(TestBed::finishAndGetExitCode(receiver), 0);
        QVERIFY(TestBed::finishAndGetExitCode(noFallback) != 0);
        QVERIFY(TestBed::waitUntil([&] { return !window->statusBar()->currentMessage().isEmpty(); }));
        QCOMPARE(window->statusBar()->currentMessage(),
                 u"3 continuing by unicast, 1 failed (no fallback), 1 had already left."_qs);
    }

    void selectionSurvivesUpdates()
    {
        setUpConsoleWithWaitingClients();
        QTableView *table = window->table();
        table->selectionModel()->select(table->model()->index(0, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(table->model()->index(2, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        auto selectedIds = [table] {
            QList<int> ids;
            for (const QModelIndex &row : table->selectionModel()->selectedRows())
                ids.append(row.data().toInt());
            std::sort(ids.begin(), ids.end());
            return ids;
        };
        const QList<int> before = selectedIds();
        QCOMPARE(before.size(), 2);
        // Receivers report every second; wait for two pushed updates.
        QSignalSpy updates(table->model(), &QAbstractItemModel::dataChanged);
        QVERIFY(TestBed::waitUntil([&] { return updates.count() >= 2; }));
        QCOMPARE(selectedIds(), before);
    }

    void layoutIsRemembered()
    {
        setUpConsoleWithWaitingClients();
        window->table()->setColumnWidth(ClientTableModel::Name, 234);
        window->table()->setColumnHidden(ClientTableModel::MacAddress, true);
        window->close();
        MainWindow reopened(servers.get());
        QCOMPARE(reopened.table()->columnWidth(ClientTableModel::Name), 234);
        QVERIFY(reopened.table()->isColumnHidden(ClientTableModel::MacAddress));
    }

    void serverPropertiesSetTheTransportAndThePolicy()
    {
        setUpConsoleWithWaitingClients();
        QVERIFY(window->selectPath(bed->server()));
        QAction *properties = window->actions()->serverProperties;
        QVERIFY(properties->isEnabled());
        properties->trigger();
        ServerPropertiesDialog *dialog = nullptr;
        QVERIFY(TestBed::waitUntil([&] {
            dialog = window->findChild<ServerPropertiesDialog *>();
            return dialog && dialog->isVisible();
        }));
        auto *policy = dialog->findChild<QComboBox *>(u"policy"_qs);
        auto *threshold = dialog->findChild<QSpinBox *>(u"threshold"_qs);
        auto *streamCount = dialog->findChild<QComboBox *>(u"streamCount"_qs);
        // A range the server would refuse cannot be sent.
        auto *firstGroup = dialog->findChild<QLineEdit *>(u"firstGroup"_qs);
        auto *lastGroup = dialog->findChild<QLineEdit *>(u"lastGroup"_qs);
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        firstGroup->setText(u"10.0.0.1"_qs);
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(u"transportProblem"_qs)->text().contains(u"multicast"_qs));
        firstGroup->setText(u"239.5.0.1"_qs);
        lastGroup->setText(u"239.5.0.9"_qs);
        QVERIFY(ok->isEnabled());
        auto *firstGroupV6 = dialog->findChild<QLineEdit *>(u"firstGroupV6"_qs);
        firstGroupV6->setText(u"ff15::1:0:1"_qs); // another /96 than the end's
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(u"transportProblem"_qs)->text().contains(u"/96"_qs));
        firstGroupV6->setText(u"ff15::1:1"_qs);
        dialog->findChild<QLineEdit *>(u"lastGroupV6"_qs)->setText(u"ff15::1:40"_qs);
        QVERIFY(ok->isEnabled());
        dialog->findChild<QSpinBox *>(u"firstPort"_qs)->setValue(30000);
        dialog->findChild<QSpinBox *>(u"lastPort"_qs)->setValue(30100);
        auto *profile = dialog->findChild<QComboBox *>(u"profile"_qs);
        profile->setCurrentIndex(profile->findData(u"100Mbps"_qs));
        policy->setCurrentIndex(policy->findData(u"AutoDisconnect"_qs));
        QVERIFY(threshold->isEnabled());
        QVERIFY(!streamCount->isEnabled());
        policy->setCurrentIndex(policy->findData(u"Multistream"_qs));
        QVERIFY(streamCount->isEnabled());
        threshold->setValue(5000);
        streamCount->setCurrentIndex(streamCount->findData(3));
        ok->click();
        QVERIFY(TestBed::waitUntil([&] { return !dialog->isVisible(); }));
        QVERIFY(TestBed::waitUntil([&] {
            const QJsonObject config = bed->cliJson({u"/Get-Server"_qs, u"/Show:Config"_qs}).value(u"server"_qs).toObject();
            const QJsonObject set = config.value(u"slowClientPolicy"_qs).toObject();
            return set.value(u"policy"_qs).toString() == u"Multistream"_qs && set.value(u"thresholdKBps"_qs).toInt() == 5000
                   && set.value(u"streamCount"_qs).toInt() == 3 && config.value(u"multicastRange"_qs).toString() == u"239.5.0.1-239.5.0.9"_qs
                   && config.value(u"multicastRangeV6"_qs).toString() == u"ff15::1:1-ff15::1:40"_qs
                   && config.value(u"portRange"_qs).toString() == u"30000-30100"_qs
                   && config.value(u"transport"_qs).toObject().value(u"profile"_qs).toString() == u"100Mbps"_qs;
        }));
    }

    void aViewerTokenDisablesChangesWithAReason()
    {
        setUpConsoleWithWaitingClients();
        ServerConnection *server = servers->servers().first();
        QCOMPARE(server->role(), u"admin"_qs); // the local server's admin token, read from its state folder
        const QString viewerToken = bed->token(u"viewer"_qs);
        QVERIFY(!viewerToken.isEmpty());
        server->setToken(viewerToken);
        server->retryNow();
        QVERIFY(TestBed::waitUntil([&] { return server->state() == ConnectionState::Connected && server->role() == u"viewer"_qs; }));
        QVERIFY(TestBed::waitUntil([&] { return window->selectPath(transmissionPath()); }));
        window->table()->selectAll();
        QAction *disconnect = window->actions()->disconnect;
        QVERIFY(TestBed::waitUntil([&] { return !disconnect->isEnabled(); }));
        QVERIFY2(disconnect->toolTip().contains(u"viewer token"_qs), qPrintable(disconnect->toolTip()));
        QVERIFY(!window->actions()->forceDisconnect->isEnabled());
        QVERIFY(!window->actions()->deleteTransmission->isEnabled());
        QVERIFY(window->actions()->deleteTransmission->toolTip().contains(u"viewer token"_qs));
        QVERIFY(window->actions()->selectAll->isEnabled()); // watching is still allowed
    }

    void anUnknownCertificateIsTrustedOnlyWhenTheAdminSaysSo()
    {
        // A console on "another machine": the server's state folder is not
        // visible, so its certificate is unknown until the admin trusts it.
        QVERIFY(bed->startServer());
        qputenv("DEPLOYCAST_STATE_DIR", (bed->root() + u"/elsewhere"_qs).toLocal8Bit());
        servers = std::make_unique<ServerList>();
        servers->add({u"127.0.0.1"_qs, bed->port()});
        ServerConnection *server = servers->servers().first();
        server->setToken(bed->token(u"admin"_qs));
        QString question;
        bool answered = false;
        bool trust = false;
        // The question is modal: answer it from the event loop once it shows.
        auto *poll = new QTimer(servers.get());
        connect(poll, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (answered || !box)
                return;
            answered = true;
            question = box->informativeText();
            for (QAbstractButton *button : box->buttons())
                if (box->buttonRole(button) == (trust ? QMessageBox::AcceptRole : QMessageBox::RejectRole))
                    button->click();
        });
        poll->start(100);
        window = std::make_unique<MainWindow>(servers.get());
        window->show();
        // First time: refuse. Nothing is pinned and the server stays refused.
        QVERIFY(TestBed::waitUntil([&] { return answered; }));
        QVERIFY2(question.contains(u"SHA256:"_qs), qPrintable(question));
        QVERIFY(TestBed::waitUntil([&] { return server->state() == ConnectionState::Refused; }));
        QVERIFY(!QFile::exists(bed->root() + u"/known_hosts"_qs));
        // Then trust it: pinned, and connected.
        answered = false;
        trust = true;
        server->retryNow();
        QVERIFY(TestBed::waitUntil([&] { return server->state() == ConnectionState::Connected; }));
        QVERIFY(QFile::exists(bed->root() + u"/known_hosts"_qs));
    }

    void actionsSayWhyTheyAreDisabled()
    {
        setUpConsoleWithWaitingClients();
        window->table()->clearSelection();
        QAction *disconnect = window->actions()->disconnect;
        QVERIFY(!disconnect->isEnabled());
        QVERIFY(disconnect->toolTip().contains(u"Select one or more clients"_qs));
        window->table()->selectAll();
        QVERIFY(disconnect->isEnabled());
        QCOMPARE(disconnect->shortcut(), QKeySequence(QKeySequence::Delete));
        QCOMPARE(window->actions()->forceDisconnect->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_Delete));
        // The server goes away: its clients stay, greyed, and cannot be disconnected.
        bed->stopServer();
        QVERIFY(TestBed::waitUntil([&] { return !disconnect->isEnabled(); }));
        QVERIFY(disconnect->toolTip().contains(u"is not connected"_qs));
        QCOMPARE(window->table()->model()->rowCount(), 3);
    }
};

QTEST_MAIN(TestConsoleDisconnect)
#include "tst_console_disconnect.moc"
