#pragma once

#include "protocol/management_api.h"
#include "client_table_model.h"
#include "domain/session_info.h"

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTreeView;

namespace deploycast {

class ClientFilterProxy;
class ConsoleActions;
class ServerConnection;
class ServerList;
class ServerTreeModel;
struct ClientSummary;

// The console: the server tree on the left, the selected node's clients on
// the right, actions in the menu bar, toolbar and context menus. Widgets
// only read the models and trigger requests; no widget talks to a socket.
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

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildContextMenus();
    void restoreSettings();
    void saveSettings() const;

    void onTreeSelectionChanged();
    void updateActions();
    // Why this console may not change anything on the server now; empty if it may.
    QString whyCannotChange(const ServerConnection *server) const;
    void updateStatus();

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
    // Sends a request; a failure is shown in a message box titled `title`.
    void request(ServerConnection *server, api::Method method, const QCborMap &params, const QString &title);
    void showError(const QString &title, const QString &message);

    ServerList *m_servers;
    ConsoleActions *m_actions;
    ServerTreeModel *m_treeModel;
    ClientTableModel *m_clientModel;
    ClientFilterProxy *m_proxy;
    QSplitter *m_splitter;
    QTreeView *m_tree;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_status;
    bool m_rememberLayout;
};

} // namespace deploycast
