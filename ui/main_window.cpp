// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "activity_dock.h"
#include "activity_model.h"
#include "client/server_connection.h"
#include "client/server_list.h"
#include "client_details_view.h"
#include "client_filter_proxy.h"
#include "console_actions.h"
#include "progress_delegate.h"
#include "server_credentials.h"
#include "server_tree_model.h"
#include "throughput_chart.h"
#include "throughput_recorder.h"
#include "tray_notifier.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QResizeEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace deploycast {
namespace {
// The first window, before the admin sizes it: this, or what the screen has.
constexpr QSize kPreferredSize(1360, 860);
constexpr double kTreeShare = 0.27; // of the window's width

// The focused view draws a ring in the highlight colour, so the admin sees
// where the keyboard is (the styles' own focus rectangle is faint).
const char *const kFocusRing = "QTreeView:focus, QTableView:focus { border: 2px solid palette(highlight); }";
} // namespace

MainWindow::MainWindow(ServerList *servers, bool rememberLayout, QWidget *parent)
    : QMainWindow(parent)
    , m_servers(servers)
    , m_actions(new ConsoleActions(this))
    , m_treeModel(new ServerTreeModel(servers, this))
    , m_clientModel(new ClientTableModel(servers, this))
    , m_proxy(new ClientFilterProxy(this))
    , m_activity(new ActivityModel(servers, this))
    , m_recorder(new ThroughputRecorder(servers, this))
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
    m_tree->setStyleSheet(QLatin1String(kFocusRing));
    m_tree->expandAll();
    connect(m_treeModel, &QAbstractItemModel::rowsInserted, m_tree, [this](const QModelIndex &parent) {
        m_tree->expand(parent);
    });

    m_splitter = new QSplitter;
    m_splitter->setObjectName(u"splitter"_qs);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(buildClientPane());
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);
    // Tab goes tree -> table -> filter -> state filter, and out of the table
    // rather than from cell to cell (which would collapse a selection).
    setTabOrder(m_tree, m_table);
    setTabOrder(m_table, m_filter);
    setTabOrder(m_filter, m_stateFilter);

    m_status = new QLabel;
    m_status->setObjectName(u"status"_qs);
    statusBar()->addPermanentWidget(m_status);

    buildDocks();
    buildMenus();
    buildContextMenus();
    m_credentials = new ServerCredentials(m_servers, this);
    auto *notifier = new TrayNotifier(m_activity, this);
    // Without a tray, news goes to the status bar, but never over what the
    // admin's own action just reported there (the Activity dock has it all).
    connect(notifier, &TrayNotifier::message, this, [this](const QString &text) {
        if (statusBar()->currentMessage().isEmpty())
            statusBar()->showMessage(text, 15000);
    });

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onTreeSelectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateClientDetails);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateActions); // filtered
    connect(m_treeModel, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_clientModel, &ClientTableModel::changesApplied, this, &MainWindow::updateClientDetails);
    connect(m_clientModel, &ClientTableModel::changesApplied, this, &MainWindow::updateActions); // a selected client may have left
    connect(m_recorder, &ThroughputRecorder::sampled, this, &MainWindow::updateChart);
    // The counts follow every change; the timer keeps "last update" fresh.
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_treeModel), static_cast<QAbstractItemModel *>(m_proxy)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatus);
    }
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &MainWindow::updateShownCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateShownCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateShownCount);
    auto *nameFit = new QTimer(this);
    nameFit->setSingleShot(true);
    nameFit->setInterval(500);
    connect(nameFit, &QTimer::timeout, this, &MainWindow::fitNameColumn);
    connect(m_clientModel, &QAbstractItemModel::rowsInserted, nameFit, qOverload<>(&QTimer::start));
    auto *statusTimer = new QTimer(this);
    connect(statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    statusTimer->start(1000);

    sizeToScreen();
    if (m_rememberLayout)
        restoreSettings();
    m_tree->setCurrentIndex(m_treeModel->serversIndex());
    updateActions();
    updateStatus();
    updateShownCount();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::buildClientPane()
{
    m_proxy->setSourceModel(m_clientModel);
    m_table = new QTableView;
    m_table->setObjectName(u"clientTable"_qs);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setTabKeyNavigation(false);
    m_table->setStyleSheet(QLatin1String(kFocusRing));
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
                             "00:00:00", "00:00:00", "100%", "100%", "100%", "receiving", "Transmission name",
                             "deploy-server:7405"};
    static_assert(std::size(samples) == ClientTableModel::ColumnCount, "a sample width for every column");
    for (int column = 0; column < ClientTableModel::ColumnCount; ++column) {
        const QString header = m_clientModel->headerData(column, Qt::Horizontal).toString();
        m_table->setColumnWidth(column, std::max(metrics.horizontalAdvance(QLatin1String(samples[column])),
                                                 metrics.horizontalAdvance(header)) + 16);
    }
    m_table->horizontalHeader()->setSectionsMovable(true);
    // Where it is shown (all servers), the server matters as much as the ID.
    m_table->horizontalHeader()->moveSection(ClientTableModel::Server, ClientTableModel::Id + 1);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);

    m_filter = new QLineEdit;
    m_filter->setObjectName(u"filter"_qs);
    m_filter->setPlaceholderText(tr("Filter by name, IP address, MAC address or ID (Ctrl+F; Escape clears)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ClientFilterProxy::setFilterText);
    // Escape clears the filter and hands the keyboard back to the table.
    auto *clear = new QShortcut(QKeySequence(Qt::Key_Escape), m_filter, nullptr, nullptr, Qt::WidgetShortcut);
    connect(clear, &QShortcut::activated, this, [this] {
        m_filter->clear();
        m_table->setFocus(Qt::ShortcutFocusReason);
    });

    m_stateFilter = new QComboBox;
    m_stateFilter->setObjectName(u"stateFilter"_qs);
    m_stateFilter->setToolTip(tr("Which clients the table shows: those on the server now, or those that have left"));
    m_stateFilter->addItem(tr("On the server"), int(StateFilter::OnServer));
    m_stateFilter->addItem(tr("Stalled"), int(StateFilter::Stalled));
    m_stateFilter->addItem(tr("Finished"), int(StateFilter::Finished));
    m_stateFilter->addItem(tr("Failed or stopped"), int(StateFilter::Failed));
    m_stateFilter->addItem(tr("All"), int(StateFilter::All));
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStateFilter(StateFilter(m_stateFilter->currentData().toInt()));
        updateShownCount();
    });
    m_shown = new QLabel;
    m_shown->setObjectName(u"shown"_qs);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_stateFilter);
    filterRow->addWidget(m_shown);

    m_chart = new ThroughputChart;
    m_chart->hide();
    m_chartSplitter = new QSplitter(Qt::Vertical);
    m_chartSplitter->setObjectName(u"chartSplitter"_qs);
    m_chartSplitter->addWidget(m_chart);
    m_chartSplitter->addWidget(m_table);
    m_chartSplitter->setStretchFactor(0, 0);
    m_chartSplitter->setStretchFactor(1, 1);
    m_chartSplitter->setChildrenCollapsible(false);

    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_chartSplitter, 1);
    return pane;
}

void MainWindow::buildDocks()
{
    m_activityDock = new ActivityDock(m_activity, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);
    m_details = new ClientDetailsView(m_recorder);
    m_detailsDock = new QDockWidget(tr("Client Details"), this);
    m_detailsDock->setObjectName(u"clientDetailsDock"_qs);
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);
    m_detailsDock->hide(); // Ctrl+I shows it
}

void MainWindow::buildMenus()
{
    ConsoleActions *a = m_actions;
    connect(a->disconnect, &QAction::triggered, this, [this] { disconnectSelected(false); });
    connect(a->forceDisconnect, &QAction::triggered, this, [this] { disconnectSelected(true); });
    connect(a->selectAll, &QAction::triggered, m_table, &QTableView::selectAll);
    connect(a->copyRows, &QAction::triggered, this, &MainWindow::copySelectedRows);
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
    connect(a->exportClients, &QAction::triggered, this, &MainWindow::exportClients);
    connect(a->exportHistory, &QAction::triggered, m_activityDock, &ActivityDock::exportHistory);
    a->showActivity->setCheckable(true);
    a->showActivity->setChecked(true);
    connect(a->showActivity, &QAction::toggled, m_activityDock, &QDockWidget::setVisible);
    connect(m_activityDock, &QDockWidget::visibilityChanged, a->showActivity, [this](bool visible) {
        if (!isMinimized())
            m_actions->showActivity->setChecked(visible);
    });
    a->clientDetails->setCheckable(true);
    connect(a->clientDetails, &QAction::toggled, this, [this](bool shown) {
        m_detailsDock->setVisible(shown);
        if (shown) // wide enough for its values, taken from the table
            resizeDocks({m_detailsDock}, {m_details->minimumSizeHint().width() + 24}, Qt::Horizontal);
    });
    connect(m_detailsDock, &QDockWidget::visibilityChanged, a->clientDetails, [this](bool visible) {
        if (!isMinimized())
            m_actions->clientDetails->setChecked(visible);
        updateClientDetails();
    });
    connect(a->documentation, &QAction::triggered, this, &MainWindow::openDocumentation);
    connect(a->about, &QAction::triggered, this, &MainWindow::showAbout);
    // Quit through the application, so it works whatever the platform theme does with the window.
    connect(a->quit, &QAction::triggered, this, [this] {
        if (close())
            QApplication::quit();
    });

    // Ctrl+A and Ctrl+C belong to the table only, so the filter field keeps its own.
    for (QAction *tableOnly : {a->selectAll, a->copyRows}) {
        tableOnly->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_table->addAction(tableOnly);
    }
    for (QAction *action : a->all())
        if (action != a->selectAll && action != a->copyRows)
            addAction(action);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({a->addServer, a->removeServer, a->serverProperties});
    file->addSeparator();
    file->addActions({a->exportClients, a->exportHistory});
    file->addSeparator();
    file->addAction(a->quit);
    QMenu *clients = menuBar()->addMenu(tr("&Clients"));
    clients->addActions({a->disconnect, a->forceDisconnect});
    clients->addSeparator();
    clients->addActions({a->selectAll, a->copyRows, a->focusFilter, a->clientDetails});
    QMenu *transmissions = menuBar()->addMenu(tr("&Transmissions"));
    transmissions->addActions({a->newTransmission, a->startTransmission, a->deactivateTransmission,
                               a->deleteTransmission});
    transmissions->addSeparator();
    transmissions->addAction(a->properties);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({a->refresh, a->showActivity, a->clientDetails});
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addActions({a->documentation, a->about});

    m_toolbar = addToolBar(tr("Main"));
    m_toolbar->setObjectName(u"mainToolbar"_qs);
    m_toolbar->addActions({a->disconnect, a->forceDisconnect});
    m_toolbar->addSeparator();
    m_toolbar->addActions({a->newTransmission, a->startTransmission, a->deactivateTransmission, a->deleteTransmission});
    m_toolbar->addSeparator();
    m_toolbar->addActions({a->addServer, a->refresh});
}

void MainWindow::buildContextMenus()
{
    auto tableMenu = [this](const QPoint &globalPosition) {
        QMenu menu;
        menu.addActions({m_actions->disconnect, m_actions->forceDisconnect});
        menu.addSeparator();
        menu.addActions({m_actions->selectAll, m_actions->copyRows, m_actions->clientDetails, m_actions->refresh});
        menu.exec(globalPosition);
    };
    auto treeMenu = [this](const QPoint &globalPosition) {
        QMenu menu;
        menu.addActions({m_actions->newTransmission, m_actions->startTransmission, m_actions->deactivateTransmission,
                         m_actions->deleteTransmission, m_actions->properties});
        menu.addSeparator();
        menu.addActions({m_actions->addServer, m_actions->removeServer, m_actions->serverProperties, m_actions->refresh});
        menu.exec(globalPosition);
    };
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this, tableMenu](const QPoint &position) {
        tableMenu(m_table->viewport()->mapToGlobal(position));
    });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this, treeMenu](const QPoint &position) {
        treeMenu(m_tree->viewport()->mapToGlobal(position));
    });
    // Shift+F10 and the Menu key open the menu at the current row.
    for (QAbstractItemView *view : {static_cast<QAbstractItemView *>(m_table), static_cast<QAbstractItemView *>(m_tree)}) {
        for (const QKeySequence &keys : {QKeySequence(Qt::SHIFT | Qt::Key_F10), QKeySequence(Qt::Key_Menu)}) {
            auto *shortcut = new QShortcut(keys, view, nullptr, nullptr, Qt::WidgetShortcut);
            connect(shortcut, &QShortcut::activated, this, [this, view] { showContextMenuAtCurrent(view); });
        }
    }
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

void MainWindow::showContextMenuAtCurrent(QAbstractItemView *view)
{
    const QRect current = view->visualRect(view->currentIndex());
    const QPoint at = current.isValid() ? current.center() : QPoint(4, 4);
    Q_EMIT view->customContextMenuRequested(at);
}

void MainWindow::sizeToScreen()
{
    // The first window fits the screen it opens on, whatever the scale factor.
    const QScreen *screen = QApplication::primaryScreen();
    const QRect available = screen ? screen->availableGeometry() : QRect(QPoint(), kPreferredSize);
    const QSize size = kPreferredSize.boundedTo(available.size() * 0.92);
    resize(size);
    move(available.center() - QPoint(size.width() / 2, size.height() / 2));
    const int treeWidth = int(size.width() * kTreeShare);
    m_splitter->setSizes({treeWidth, size.width() - treeWidth});
    // The activity list: a dozen lines, but never more than a quarter of the
    // window, so the client table keeps the room at large scale factors.
    resizeDocks({m_activityDock}, {std::min(fontMetrics().height() * 12, size.height() / 4)}, Qt::Vertical);
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

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // Text beside the icons where it fits; icons alone on a narrow window,
    // so every action stays in view (their tooltips name them).
    int textWidth = 0;
    for (QAction *action : m_toolbar->actions())
        textWidth += fontMetrics().horizontalAdvance(action->iconText()) + 48;
    m_toolbar->setToolButtonStyle(width() >= textWidth ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly);
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
    fitNameColumn();
    updateChart();
    updateActions();
    updateShownCount();
}

void MainWindow::fitNameColumn()
{
    // Wide enough for the longest name in the table (within reason), so
    // "room12-pc-01" and "room12-pc-02" do not both read "room12-…".
    const QFontMetrics metrics = m_table->fontMetrics();
    const int ceiling = metrics.averageCharWidth() * 40;
    int widest = metrics.horizontalAdvance(m_clientModel->headerData(ClientTableModel::Name, Qt::Horizontal).toString());
    for (int row = 0; row < m_clientModel->rowCount() && widest < ceiling; ++row)
        if (const ClientInfo *client = m_clientModel->clientAtRow(row))
            widest = std::max(widest, metrics.horizontalAdvance(client->machineName));
    const int wanted = std::min(widest, ceiling) + 16;
    if (m_table->columnWidth(ClientTableModel::Name) < wanted)
        m_table->setColumnWidth(ClientTableModel::Name, wanted);
}

TableSlice MainWindow::clientTableSlice() const
{
    TableSlice slice{m_proxy, {}, {}};
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        slice.rows.append(row);
    const QHeaderView *header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            slice.columns.append(column);
    }
    return slice;
}

void MainWindow::updateActions()
{
    const QList<ClientRef> selected = selectedClients();
    QString whyNotDisconnect;
    if (selected.isEmpty())
        whyNotDisconnect = tr("Select one or more clients first.");
    for (const ClientRef &client : selected) {
        whyNotDisconnect = whyCannotChange(client.server);
        if (whyNotDisconnect.isEmpty() && !client.server->clients().contains(client.id))
            whyNotDisconnect = tr("Client %1 has already left the server.").arg(client.id);
        if (!whyNotDisconnect.isEmpty())
            break;
    }
    ConsoleActions::setAvailable(m_actions->disconnect, whyNotDisconnect.isEmpty(), whyNotDisconnect);
    ConsoleActions::setAvailable(m_actions->forceDisconnect, whyNotDisconnect.isEmpty(), whyNotDisconnect);
    ConsoleActions::setAvailable(m_actions->selectAll, m_proxy->rowCount() > 0, tr("The table is empty."));
    ConsoleActions::setAvailable(m_actions->copyRows, !selected.isEmpty(), tr("Select one or more clients first."));
    ConsoleActions::setAvailable(m_actions->exportClients, m_proxy->rowCount() > 0, tr("The table is empty."));
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
    const bool oneClient = selected.size() == 1 && m_table->hasFocus();
    ConsoleActions::setAvailable(m_actions->properties, hasSession || oneClient, pickOne);
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
                      + (lastUpdate.isValid() ? tr("last update %1").arg(QLocale().toString(lastUpdate.toLocalTime().time(), QLocale::LongFormat))
                                              : tr("no update yet")));
}

void MainWindow::updateShownCount()
{
    // Said only while a filter hides rows, as mail clients do.
    const bool filtering = !m_filter->text().trimmed().isEmpty() || m_proxy->stateFilter() != StateFilter::OnServer;
    m_shown->setVisible(filtering);
    if (filtering)
        m_shown->setText(tr("%1 of %2 shown").arg(QLocale().toString(m_proxy->rowCount()),
                                                  QLocale().toString(m_clientModel->rowCount())));
}

void MainWindow::updateChart()
{
    const auto [server, session] = selectedSession();
    m_chart->setVisible(server);
    if (!server)
        return;
    m_chart->setTitle(tr("Throughput and progress of %1").arg(session.name));
    m_chart->setSamples(m_recorder->sessionSamples(server, session.id));
}

void MainWindow::updateClientDetails()
{
    if (!m_detailsDock->isVisible())
        return;
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->showClient(nullptr, nullptr);
        return;
    }
    const ClientRef ref = m_clientModel->clientAt(m_proxy->mapToSource(current).row());
    m_details->showClient(ref.server, ref.server->client(ref.id));
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("About Deploycast"));
    box.setIconPixmap(QApplication::windowIcon().pixmap(64));
    box.setTextFormat(Qt::RichText);
    box.setText(tr("<h3>Deploycast Console %1</h3>"
                   "<p>Watch and steer multicast deployments: transmissions, namespaces and their clients.</p>"
                   "<p>Copyright © the Deploycast authors.<br>"
                   "Deploycast is free software: you can redistribute it and/or modify it under the terms of the "
                   "GNU General Public License as published by the Free Software Foundation, either version 3 of "
                   "the License, or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.</p>"
                   "<p>Built with Qt %2 (LGPL-3.0).</p>")
                    .arg(QApplication::applicationVersion(), QLatin1String(qVersion())));
    box.setInformativeText(tr("Licence: <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GPL-3.0-or-later</a>"));
    box.exec();
}

void MainWindow::openDocumentation()
{
    // The installed docs, else those of the source tree this was built from.
    const QStringList candidates{u"/usr/share/doc/deploycast-console/console.md"_qs,
                                 QStringLiteral(DEPLOYCAST_SOURCE_DIR "/docs/console.md")};
    for (const QString &path : candidates) {
        if (QFileInfo::exists(path)) {
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
            return;
        }
    }
    showError(tr("Documentation"), tr("The documentation is not installed (looked for %1).").arg(candidates.join(u", "_qs)));
}

} // namespace deploycast
