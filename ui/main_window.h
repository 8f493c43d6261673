// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client_table_model.h"
#include "domain/session_info.h"
#include "protocol/management_api.h"
#include "table_export.h"

#include <QMainWindow>

class QAbstractItemView;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QToolBar;
class QTreeView;

namespace deploycast {

class ActivityDock;
class ActivityModel;
class ClientDetailsView;
class ClientFilterProxy;
class ConsoleActions;
class RequestDialog;
class ServerConnection;
class ServerCredentials;
class ServerList;
class ServerTreeModel;
class ThroughputChart;
class ThroughputRecorder;

// The console: the server tree on the left; on the right the selected
// transmission's chart above the clients of the selected node; the
// activity history and the selected client's details in docks; actions
// in the menu bar, toolbar and context menus. Widgets only read the models
// and trigger requests; no widget talks to a socket.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // rememberLayout: restore and save geometry, splitter and columns with
    // QSettings (off for screenshots, which must not depend on the user's).
    explicit MainWindow(ServerList *servers, bool rememberLayout = true, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Selects a tree node by path ("127.0.0.1:7405/Multicast Transmissions/Lab")
    // and puts the keyboard focus in the client table.
    bool selectPath(const QString &path);

    QTreeView *tree() const { return m_tree; }
    QTableView *table() const { return m_table; }
    ConsoleActions *actions() const { return m_actions; }
    ActivityModel *activity() const { return m_activity; }
    ActivityDock *activityDock() const { return m_activityDock; }
    ThroughputRecorder *recorder() const { return m_recorder; }
    ClientFilterProxy *clientProxy() const { return m_proxy; }
    // The client table as shown: its rows and visible columns, in order.
    TableSlice clientTableSlice() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // main_window.cpp: the window, its parts, menus and settings.
    QWidget *buildClientPane();
    void buildDocks();
    void buildMenus();
    void buildContextMenus();
    void showContextMenuAtCurrent(QAbstractItemView *view);
    void sizeToScreen();
    void restoreSettings();
    void saveSettings() const;
    void onTreeSelectionChanged();
    void fitNameColumn();
    void updateActions();
    // Why this console may not change anything on the server now; empty if it may.
    QString whyCannotChange(const ServerConnection *server) const;
    void updateStatus();
    void updateShownCount();
    void updateChart();
    void updateClientDetails();
    void showAbout();
    void openDocumentation();

    // main_window_requests.cpp: what the actions ask of servers.
    QList<ClientRef> selectedClients() const;
    // The transmission or namespace selected in the tree, if any.
    std::pair<ServerConnection *, SessionInfo> selectedSession() const;
    void disconnectSelected(bool force);
    void executeDisconnect(const QList<ClientRef> &clients, bool force);
    void addServerInteractively();
    void removeSelectedServer();
    void showServerProperties();
    void newTransmission();
    void startTransmission();
    void removeTransmission(bool force);
    void showProperties();
    void showClientProperties(const ClientRef &client);
    void copySelectedRows();
    void exportClients();
    // Sends a request; a failure is shown in a message box titled `title`.
    void request(ServerConnection *server, api::Method method, const QCborMap &params, const QString &title);
    // Sends a dialog's requests in turn; the dialog closes when all are
    // done, or shows the first refusal and stays open.
    void sendFromDialog(RequestDialog *dialog, ServerConnection *server,
                        QList<std::pair<api::Method, QCborMap>> requests);
    void showError(const QString &title, const QString &message);

    ServerList *m_servers;
    ConsoleActions *m_actions;
    ServerTreeModel *m_treeModel;
    ClientTableModel *m_clientModel;
    ClientFilterProxy *m_proxy;
    ActivityModel *m_activity;
    ThroughputRecorder *m_recorder;
    ServerCredentials *m_credentials;
    QSplitter *m_splitter;
    QSplitter *m_chartSplitter;
    QTreeView *m_tree;
    QTableView *m_table;
    ThroughputChart *m_chart;
    QLineEdit *m_filter;
    QComboBox *m_stateFilter;
    QLabel *m_shown;
    QLabel *m_status;
    QToolBar *m_toolbar;
    ActivityDock *m_activityDock;
    QDockWidget *m_detailsDock;
    ClientDetailsView *m_details;
    bool m_rememberLayout;
};

} // namespace deploycast
