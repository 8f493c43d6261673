#include "main_window.h"

#include "cli/text_report.h"
#include "client/server_connection.h"
#include "client/server_list.h"
#include "client_filter_proxy.h"
#include "console_actions.h"
#include "disconnect_dialog.h"
#include "new_transmission_dialog.h"
#include "progress_delegate.h"
#include "server_credentials.h"
#include "server_properties_dialog.h"
#include "server_tree_model.h"

#include <QAction>
#include <QCloseEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

namespace deploycast {
namespace {

// Results of one bulk disconnect across servers, gathered as replies come.
struct DisconnectTally {
    int pendingServers = 0;
    int done = 0;
    QStringList gone;
    QStringList failed;
};

} // namespace

MainWindow::MainWindow(ServerList *servers, bool rememberLayout, QWidget *parent)
    : QMainWindow(parent)
    , m_servers(servers)
    , m_actions(new ConsoleActions(this))
    , m_treeModel(new ServerTreeModel(servers, this))
    , m_clientModel(new ClientTableModel(servers, this))
    , m_proxy(new ClientFilterProxy(this))
    , m_rememberLayout(rememberLayout)
{
    setWindowTitle(tr("Deploycast Console"));
    setObjectName(u"mainWindow"_qs);

    m_tree = new QTreeView;
    m_tree->setObjectName(u"serverTree"_qs);
    m_tree->setModel(m_treeModel);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    // Long names scroll sideways rather than being cut short.
    m_tree->setTextElideMode(Qt::ElideNone);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->expandAll();
    connect(m_treeModel, &QAbstractItemModel::rowsInserted, m_tree, [this](const QModelIndex &parent) {
        m_tree->expand(parent);
    });

    m_proxy->setSourceModel(m_clientModel);
    m_table = new QTableView;
    m_table->setObjectName(u"clientTable"_qs);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ClientTableModel::Id, Qt::AscendingOrder);
    m_table->setItemDelegateForColumn(ClientTableModel::Progress, new ProgressDelegate(m_table));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // uniform row heights
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    // Widths that fit typical values and the header; the admin's own widths
    // are restored over them.
    const QFontMetrics metrics = m_table->fontMetrics();
    const char *samples[] = {"00000", "lab-pc-000", "255.255.255.255", "00:00:00:00:00:00", "100% progress", "000.0 MB/s",
                             "00:00:00", "100%", "100%", "100%", "receiving", "Transmission name",
                             "deploy-server:7405"};
    static_assert(std::size(samples) == ClientTableModel::ColumnCount, "a sample width for every column");
    for (int column = 0; column < ClientTableModel::ColumnCount; ++column) {
        const QString header = m_clientModel->headerData(column, Qt::Horizontal).toString();
        m_table->setColumnWidth(column, std::max(metrics.horizontalAdvance(QLatin1String(samples[column])),
                                                 metrics.horizontalAdvance(header)) + 12);
    }
    m_table->horizontalHeader()->setSectionsMovable(true);
    // Where it is shown (all servers), the server matters as much as the ID.
    m_table->horizontalHeader()->moveSection(ClientTableModel::Server, ClientTableModel::Id + 1);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);

    m_filter = new QLineEdit;
    m_filter->setObjectName(u"filter"_qs);
    m_filter->setPlaceholderText(tr("Filter by name, IP address, MAC address or ID (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ClientFilterProxy::setFilterText);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_filter);
    rightLayout->addWidget(m_table);

    m_splitter = new QSplitter;
    m_splitter->setObjectName(u"splitter"_qs);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({370, 990});
    setCentralWidget(m_splitter);
    // Tab from the tree lands in the table, for the keyboard bulk disconnect.
    setTabOrder(m_tree, m_table);
    setTabOrder(m_table, m_filter);

    m_status = new QLabel;
    m_status->setObjectName(u"status"_qs);
    statusBar()->addPermanentWidget(m_status);

    buildMenus();
    buildContextMenus();
    new ServerCredentials(m_servers, this);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onTreeSelectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateActions); // filtered
    connect(m_treeModel, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    // The counts follow every change; the timer keeps "last update" fresh.
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_treeModel), static_cast<QAbstractItemModel *>(m_proxy)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatus);
    }
    auto *statusTimer = new QTimer(this);
    connect(statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    statusTimer->start(1000);

    if (m_rememberLayout)
        restoreSettings();
    m_tree->setCurrentIndex(m_treeModel->serversIndex());
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    ConsoleActions *a = m_actions;
    connect(a->disconnect, &QAction::triggered, this, [this] { disconnectSelected(false); });
    connect(a->forceDisconnect, &QAction::triggered, this, [this] { disconnectSelected(true); });
    connect(a->selectAll, &QAction::triggered, m_table, &QTableView::selectAll);
    connect(a->refresh, &QAction::triggered, this, [this] {
        for (ServerConnection *server : m_servers->servers())
            server->refresh();
    });
    connect(a->focusFilter, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(a->addServer, &QAction::triggered, this, &MainWindow::addServerInteractively);
    connect(a->removeServer, &QAction::triggered, this, &MainWindow::removeSelectedServer);
    connect(a->serverProperties, &QAction::triggered, this, &MainWindow::showServerProperties);
    connect(a->newTransmission, &QAction::triggered, this, &MainWindow::newTransmission);
    connect(a->startTransmission, &QAction::triggered, this, &MainWindow::startTransmission);
    connect(a->deactivateTransmission, &QAction::triggered, this, [this] { removeTransmission(false); });
    connect(a->deleteTransmission, &QAction::triggered, this, [this] { removeTransmission(true); });
    connect(a->properties, &QAction::triggered, this, &MainWindow::showProperties);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);

    // Ctrl+A belongs to the table only, so the filter field keeps its own.
    a->selectAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(a->selectAll);
    for (QAction *action : a->all())
        if (action != a->selectAll)
            addAction(action);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({a->addServer, a->removeServer, a->serverProperties});
    file->addSeparator();
    file->addAction(a->quit);
    QMenu *clients = menuBar()->addMenu(tr("&Clients"));
    clients->addActions({a->disconnect, a->forceDisconnect});
    clients->addSeparator();
    clients->addActions({a->selectAll, a->focusFilter});
    QMenu *transmissions = menuBar()->addMenu(tr("&Transmissions"));
    transmissions->addActions({a->newTransmission, a->startTransmission, a->deactivateTransmission,
                               a->deleteTransmission});
    transmissions->addSeparator();
    transmissions->addAction(a->properties);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(a->refresh);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolbar"_qs);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions({a->addServer, a->refresh});
    toolbar->addSeparator();
    toolbar->addActions({a->disconnect, a->forceDisconnect});
    toolbar->addSeparator();
    toolbar->addActions({a->newTransmission, a->startTransmission, a->deactivateTransmission, a->deleteTransmission});
}

void MainWindow::buildContextMenus()
{
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        QMenu menu;
        menu.addActions({m_actions->disconnect, m_actions->forceDisconnect});
        menu.addSeparator();
        menu.addActions({m_actions->selectAll, m_actions->refresh});
        menu.exec(m_table->viewport()->mapToGlobal(position));
    });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        QMenu menu;
        menu.addActions({m_actions->newTransmission, m_actions->startTransmission, m_actions->deactivateTransmission,
                         m_actions->deleteTransmission, m_actions->properties});
        menu.addSeparator();
        menu.addActions({m_actions->addServer, m_actions->removeServer, m_actions->serverProperties, m_actions->refresh});
        menu.exec(m_tree->viewport()->mapToGlobal(position));
    });
    // Columns can be shown and hidden from the header's menu.
    QHeaderView *header = m_table->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &position) {
        QMenu menu;
        for (int column = 0; column < ClientTableModel::ColumnCount; ++column) {
            QAction *toggle = menu.addAction(m_clientModel->headerData(column, Qt::Horizontal).toString());
            toggle->setCheckable(true);
            toggle->setChecked(!header->isSectionHidden(column));
            connect(toggle, &QAction::toggled, header, [header, column](bool shown) {
                header->setSectionHidden(column, !shown);
            });
        }
        menu.exec(header->mapToGlobal(position));
    });
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_qs).toByteArray());
    restoreState(settings.value(u"window/state"_qs).toByteArray());
    m_splitter->restoreState(settings.value(u"window/splitter"_qs).toByteArray());
    // Column widths, order, visibility and the sort column.
    m_table->horizontalHeader()->restoreState(settings.value(u"window/clientColumns"_qs).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_qs, saveGeometry());
    settings.setValue(u"window/state"_qs, saveState());
    settings.setValue(u"window/splitter"_qs, m_splitter->saveState());
    settings.setValue(u"window/clientColumns"_qs, m_table->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_rememberLayout)
        saveSettings();
    event->accept();
}

bool MainWindow::selectPath(const QString &path)
{
    const QModelIndex index = m_treeModel->findPath(path);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_table->setFocus(Qt::OtherFocusReason);
    return true;
}

void MainWindow::onTreeSelectionChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    // The title names what the table shows, as file managers do.
    const QString node = current.data(ServerTreeModel::PathNameRole).toString();
    setWindowTitle(current == m_treeModel->serversIndex() || node.isEmpty()
                       ? tr("Deploycast Console")
                       : tr("%1 — Deploycast Console").arg(node));
    m_clientModel->setScope(m_treeModel->scopeOf(current));
    m_table->setColumnHidden(ClientTableModel::Session,
                             m_clientModel->scope().kind == ClientScope::Kind::Session);
    // Client IDs are per server: with several servers in the table, say whose.
    m_table->setColumnHidden(ClientTableModel::Server, m_clientModel->scope().kind != ClientScope::Kind::AllServers);
    updateActions();
}

QList<ClientRef> MainWindow::selectedClients() const
{
    QList<ClientRef> clients;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        clients.append(m_clientModel->clientAt(m_proxy->mapToSource(index).row()));
    return clients;
}

void MainWindow::updateActions()
{
    const QList<ClientRef> selected = selectedClients();
    QString whyNotDisconnect;
    if (selected.isEmpty())
        whyNotDisconnect = tr("Select one or more clients first.");
    for (const ClientRef &client : selected) {
        whyNotDisconnect = whyCannotChange(client.server);
        if (!whyNotDisconnect.isEmpty())
            break;
    }
    ConsoleActions::setAvailable(m_actions->disconnect, whyNotDisconnect.isEmpty(), whyNotDisconnect);
    ConsoleActions::setAvailable(m_actions->forceDisconnect, whyNotDisconnect.isEmpty(), whyNotDisconnect);
    ConsoleActions::setAvailable(m_actions->selectAll, m_proxy->rowCount() > 0, tr("The table is empty."));
    ConsoleActions::setAvailable(m_actions->refresh, !m_servers->servers().isEmpty(), tr("There are no servers."));

    const QModelIndex current = m_tree->currentIndex();
    ServerConnection *server = m_treeModel->serverOf(current);
    const bool connected = server && server->state() == ConnectionState::Connected;
    ConsoleActions::setAvailable(m_actions->removeServer, server, tr("Select a server in the tree first."));
    ConsoleActions::setAvailable(m_actions->serverProperties, connected,
                                 server ? tr("%1 is not connected.").arg(server->address())
                                        : tr("Select a server in the tree first."));
    const QString whyNotNew = server ? whyCannotChange(server) : tr("Select a server in the tree first.");
    ConsoleActions::setAvailable(m_actions->newTransmission, whyNotNew.isEmpty(), whyNotNew);

    const quint32 sessionId = m_treeModel->sessionIdOf(current);
    const auto session = server ? server->sessions().constFind(sessionId) : QHash<quint32, SessionInfo>::const_iterator();
    const bool hasSession = server && sessionId != 0 && session != server->sessions().constEnd();
    const QString pickOne = tr("Select a transmission or namespace in the tree first.");
    const QString whyNotSession = !hasSession ? pickOne : whyCannotChange(server);
    const bool canStart = whyNotSession.isEmpty() && session->type == CastType::ScheduledCast
                          && (session->state == SessionState::Waiting || session->state == SessionState::Finished);
    ConsoleActions::setAvailable(m_actions->startTransmission, canStart,
                                 whyNotSession.isEmpty() ? tr("Only a waiting or finished ScheduledCast can be started.")
                                                         : whyNotSession);
    const bool canDeactivate = whyNotSession.isEmpty() && session->state != SessionState::Deactivated;
    ConsoleActions::setAvailable(m_actions->deactivateTransmission, canDeactivate,
                                 whyNotSession.isEmpty() ? tr("It is already deactivated.") : whyNotSession);
    ConsoleActions::setAvailable(m_actions->deleteTransmission, whyNotSession.isEmpty(), whyNotSession);
    ConsoleActions::setAvailable(m_actions->properties, hasSession, pickOne);
}

QString MainWindow::whyCannotChange(const ServerConnection *server) const
{
    if (server->state() != ConnectionState::Connected)
        return tr("%1 is not connected.").arg(server->address());
    if (!server->mayModify())
        return tr("This console holds a viewer token for %1: viewers can watch but not change anything.")
            .arg(server->address());
    return {};
}

void MainWindow::updateStatus()
{
    int transmissions = 0;
    int clients = 0;
    QDateTime lastUpdate;
    for (const ServerConnection *server : m_servers->servers()) {
        for (const SessionInfo &session : server->sessions())
            transmissions += session.kind == SessionKind::Transmission;
        clients += int(server->clients().size());
        if (server->lastUpdate() > lastUpdate)
            lastUpdate = server->lastUpdate();
    }
    m_status->setText(tr("%n server(s)", nullptr, int(m_servers->servers().size())) + u", "_qs
                      + tr("%n transmission(s)", nullptr, transmissions) + u", "_qs
                      + tr("%n client(s)", nullptr, clients) + u" — "_qs
                      + (lastUpdate.isValid() ? tr("last update %1").arg(lastUpdate.toLocalTime().toString(u"HH:mm:ss"_qs))
                                              : tr("no update yet")));
}

void MainWindow::disconnectSelected(bool force)
{
    const QList<ClientRef> clients = selectedClients();
    if (clients.isEmpty() || !m_actions->disconnect->isEnabled())
        return;
    QList<ClientSummary> summaries;
    for (const ClientRef &ref : clients) {
        const ClientInfo info = ref.server->clients().value(ref.id);
        summaries.append({ref.id, info.machineName, info.ipAddress});
    }
    auto *dialog = new DisconnectDialog(summaries, force, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, clients, dialog] { executeDisconnect(clients, dialog->force()); });
    dialog->open();
}

void MainWindow::executeDisconnect(const QList<ClientRef> &clients, bool force)
{
    // Rows may have gone while the dialog was open: re-read which still exist,
    // then send one bulk request per server.
    auto tally = std::make_shared<DisconnectTally>();
    QHash<ServerConnection *, QList<quint32>> byServer;
    for (const ClientRef &ref : clients) {
        if (!m_servers->servers().contains(ref.server) || !ref.server->clients().contains(ref.id))
            tally->gone.append(tr("client %1 had already left").arg(ref.id));
        else
            byServer[ref.server].append(ref.id);
    }
    auto report = [this, tally, force] {
        const QString summary = tr("%n client(s) disconnected", nullptr, tally->done)
                                + (force ? tr(" with Force") : QString());
        if (tally->gone.isEmpty() && tally->failed.isEmpty()) {
            statusBar()->showMessage(summary + u'.', 10000);
            return;
        }
        QString details = summary + u".\n\n"_qs;
        if (!tally->gone.isEmpty())
            details += tr("Already gone (%1):\n").arg(tally->gone.size()) + tally->gone.join(u'\n') + u"\n\n"_qs;
        if (!tally->failed.isEmpty())
            details += tr("Failed (%1):\n").arg(tally->failed.size()) + tally->failed.join(u'\n');
        showError(tr("Disconnect: partly done"), details.trimmed());
    };
    tally->pendingServers = int(byServer.size());
    if (byServer.isEmpty()) {
        report();
        return;
    }
    for (auto it = byServer.begin(); it != byServer.end(); ++it) {
        ServerConnection *server = it.key();
        server->disconnectClients(it.value(), force, [tally, report, server](const QList<DisconnectOutcome> &outcomes,
                                                                            const Error &error) {
            if (!error.isNull())
                tally->failed.append(tr("%1: %2").arg(server->address(), localizedMessage(error)));
            for (const DisconnectOutcome &outcome : outcomes) {
                if (outcome.result == u"done"_qs)
                    ++tally->done;
                else if (outcome.result == u"gone"_qs)
                    tally->gone.append(outcome.message);
                else
                    tally->failed.append(outcome.message);
            }
            if (--tally->pendingServers == 0)
                report();
        });
    }
}

void MainWindow::request(ServerConnection *server, api::Method method, const QCborMap &params, const QString &title)
{
    server->call(method, params, [this, title](const QCborMap &, const Error &error) {
        if (!error.isNull())
            showError(title, localizedMessage(error));
    });
}

void MainWindow::showError(const QString &title, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::addServerInteractively()
{
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Add Server"), tr("Server (host or IP, optional :port):"),
                                               QLineEdit::Normal, {}, &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    QString error;
    const std::optional<HostPort> address = parseHostPort(text.trimmed(), 7405, &error);
    if (!address) {
        showError(tr("Add Server"), error);
        return;
    }
    m_servers->add(*address);
    QSettings settings;
    QStringList saved = settings.value(u"servers"_qs).toStringList();
    const QString entry = QStringLiteral("%1:%2").arg(address->host).arg(address->port);
    if (!saved.contains(entry, Qt::CaseInsensitive))
        settings.setValue(u"servers"_qs, saved << entry);
}

void MainWindow::removeSelectedServer()
{
    ServerConnection *server = m_treeModel->serverOf(m_tree->currentIndex());
    if (!server)
        return;
    QSettings settings;
    QStringList saved = settings.value(u"servers"_qs).toStringList();
    saved.removeIf([server](const QString &entry) { return entry.compare(server->address(), Qt::CaseInsensitive) == 0; });
    settings.setValue(u"servers"_qs, saved);
    m_tree->setCurrentIndex(m_treeModel->serversIndex());
    m_servers->remove(server);
}

void MainWindow::showServerProperties()
{
    ServerConnection *server = m_treeModel->serverOf(m_tree->currentIndex());
    if (!server)
        return;
    server->call(api::Method::GetServer, {}, [this, server](const QCborMap &result, const Error &error) {
        if (!error.isNull()) {
            showError(tr("Server Properties"), localizedMessage(error));
            return;
        }
        auto *dialog = new ServerPropertiesDialog(result.value(u"server"_qs).toMap(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog, server] {
            request(server, api::Method::SetTransport, dialog->transportRequest(), tr("Server Properties"));
            request(server, api::Method::SetPolicy, dialog->policyRequest(), tr("Server Properties"));
        });
        dialog->open();
    });
}

void MainWindow::newTransmission()
{
    ServerConnection *server = m_treeModel->serverOf(m_tree->currentIndex());
    if (!server)
        return;
    // One transmission per image, as in WDS: only images without one are offered.
    QList<CatalogImage> offered;
    for (const CatalogImage &image : server->images())
        if (!server->transmissionOf(image.path))
            offered.append(image);
    auto *dialog = new NewTransmissionDialog(offered, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, server] {
        request(server, api::Method::CreateSession, dialog->request().toCbor(), tr("New Multicast Transmission"));
    });
    dialog->open();
}

std::pair<ServerConnection *, SessionInfo> MainWindow::selectedSession() const
{
    ServerConnection *server = m_treeModel->serverOf(m_tree->currentIndex());
    const quint32 id = m_treeModel->sessionIdOf(m_tree->currentIndex());
    if (!server || !server->sessions().contains(id))
        return {nullptr, {}};
    return {server, server->sessions().value(id)};
}

void MainWindow::startTransmission()
{
    const auto [server, session] = selectedSession();
    if (!server)
        return;
    request(server, api::Method::StartSession, api::sessionRef(session.kind, session.name), tr("Start"));
}

void MainWindow::removeTransmission(bool force)
{
    const auto [server, session] = selectedSession();
    if (!server)
        return;
    auto send = [this, server, session, force] {
        QCborMap params = api::sessionRef(session.kind, session.name);
        params[u"force"_qs] = force;
        request(server, api::Method::RemoveSession, params, tr("Remove"));
    };
    if (!force) {
        send();
        return;
    }
    auto *confirm = new QMessageBox(QMessageBox::Warning, tr("Delete %1").arg(session.name),
                                    tr("Delete '%1' now? Its %n client(s) stop at once, with no fallback, and may be "
                                       "left unusable.", nullptr, session.clientCount).arg(session.name),
                                    QMessageBox::Cancel, this);
    QPushButton *deleteButton = confirm->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setDefaultButton(QMessageBox::Cancel);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::buttonClicked, this, [send, deleteButton](QAbstractButton *button) {
        if (button == static_cast<QAbstractButton *>(deleteButton))
            send();
    });
    confirm->open();
}

void MainWindow::showProperties()
{
    const auto [server, session] = selectedSession();
    if (!server)
        return;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Properties of %1").arg(session.name),
                                cli::sessionReport(session), QMessageBox::Close, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    box->open();
}

} // namespace deploycast
