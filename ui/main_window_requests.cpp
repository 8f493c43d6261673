// SPDX-License-Identifier: GPL-3.0-or-later
// What the console's actions ask of servers: disconnects, transmissions,
// server settings, and the property sheets and exports they lead to.
#include "main_window.h"

#include "client/server_connection.h"
#include "client/server_list.h"
#include "client_details_view.h"
#include "client_filter_proxy.h"
#include "console_actions.h"
#include "disconnect_dialog.h"
#include "disconnect_summary.h"
#include "new_transmission_dialog.h"
#include "server_credentials.h"
#include "server_properties_dialog.h"
#include "server_tree_model.h"
#include "table_saving.h"
#include "transmission_properties_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

namespace deploycast {

QList<ClientRef> MainWindow::selectedClients() const
{
    QList<ClientRef> clients;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        clients.append(m_clientModel->clientAt(m_proxy->mapToSource(index).row()));
    return clients;
}

void MainWindow::disconnectSelected(bool force)
{
    const QList<ClientRef> clients = selectedClients();
    if (clients.isEmpty() || !m_actions->disconnect->isEnabled())
        return;
    QList<ClientSummary> summaries;
    for (const ClientRef &ref : clients) {
        const ClientInfo *info = ref.server->client(ref.id);
        if (!info || info->outcome)
            continue; // finished: nothing to disconnect (the action is off when one is selected)
        summaries.append({ref.server->address(), info->method == TransferMethod::Unicast ? QString() : info->sessionName,
                          ref.id, info->machineName, info->ipAddress, info->fallbackSupported});
    }
    if (summaries.isEmpty())
        return;
    auto *dialog = new DisconnectDialog(summaries, force, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, clients, dialog] { executeDisconnect(clients, dialog->force()); });
    dialog->open();
}

void MainWindow::executeDisconnect(const QList<ClientRef> &clients, bool force)
{
    // Rows may have gone while the dialog was open: re-read which still
    // exist, then send one bulk request per server and count what really
    // happened to each client.
    auto summary = std::make_shared<DisconnectSummary>();
    auto pendingServers = std::make_shared<int>(0);
    QHash<ServerConnection *, QList<quint32>> byServer;
    for (const ClientRef &ref : clients) {
        if (!m_servers->servers().contains(ref.server) || !ref.server->clients().contains(ref.id))
            summary->addAlreadyGone(ref.id);
        else
            byServer[ref.server].append(ref.id);
    }
    auto report = [this, summary] {
        statusBar()->showMessage(summary->text(), 30000);
        if (summary->needsAttention())
            showError(tr("Disconnect: partly done"), summary->text() + u"\n\n"_qs + summary->details());
    };
    *pendingServers = int(byServer.size());
    if (byServer.isEmpty()) {
        report();
        return;
    }
    for (auto it = byServer.begin(); it != byServer.end(); ++it) {
        ServerConnection *server = it.key();
        const int asked = int(it.value().size());
        server->disconnectClients(it.value(), force, [summary, pendingServers, report, server, asked](
                                                         const QList<DisconnectOutcome> &outcomes, const Error &error) {
            if (!error.isNull())
                summary->addServerFailure(server->address(), localizedMessage(error), asked);
            for (const DisconnectOutcome &outcome : outcomes)
                summary->add(outcome);
            if (--*pendingServers == 0)
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

void MainWindow::sendFromDialog(RequestDialog *dialog, ServerConnection *server,
                                QList<std::pair<api::Method, QCborMap>> requests)
{
    if (!server) {
        dialog->showRefusal(tr("The server was removed from the console."));
        return;
    }
    if (requests.isEmpty()) {
        dialog->finishRequest();
        return;
    }
    const auto [method, params] = requests.takeFirst();
    QPointer<RequestDialog> guard(dialog);
    QPointer<ServerConnection> target(server);
    server->call(method, params, [this, guard, target, requests, title = dialog->windowTitle()](const QCborMap &,
                                                                                              const Error &error) {
        if (guard && !error.isNull()) {
            guard->showRefusal(localizedMessage(error));
        } else if (guard) {
            sendFromDialog(guard, target, requests);
        } else if (!error.isNull()) {
            // The dialog was closed after OK: the answer still matters.
            showError(title, localizedMessage(error));
        } else if (!requests.isEmpty() && target) {
            // OK asked for all of them; closing the window does not take that back.
            for (const auto &[nextMethod, nextParams] : requests)
                request(target, nextMethod, nextParams, title);
        }
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
    // The server may be removed from the console while a reply is on its way.
    QPointer<ServerConnection> target(server);
    server->call(api::Method::GetServer, {}, [this, target](const QCborMap &result, const Error &error) {
        if (!error.isNull() || !target) {
            showError(tr("Server Properties"), target ? localizedMessage(error) : tr("The server was removed from the console."));
            return;
        }
        auto *dialog = new ServerPropertiesDialog(result.value(u"server"_qs).toMap(), target->role(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &RequestDialog::submitted, this, [this, dialog, target] {
            if (target && !target->mayModify()) {
                dialog->showRefusal(whyCannotChange(target));
                return;
            }
            sendFromDialog(dialog, target, {{api::Method::SetTransport, dialog->transportRequest()},
                                            {api::Method::SetPolicy, dialog->policyRequest()}});
        });
        connect(dialog, &ServerPropertiesDialog::changeTokenRequested, this, [this, target] {
            if (target)
                m_credentials->askForToken(target, target->mayModify()
                                                       ? tr("This console holds an admin token for %1.").arg(target->address())
                                                       : tr("This console holds a viewer token for %1.").arg(target->address()));
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
    connect(dialog, &RequestDialog::submitted, this, [this, dialog, target = QPointer<ServerConnection>(server)] {
        sendFromDialog(dialog, target, {{api::Method::CreateSession, dialog->request().toCbor()}});
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
    // The table's one selected client, when the keyboard is there; else the tree's transmission.
    const QList<ClientRef> clients = selectedClients();
    if (m_table->hasFocus() && clients.size() == 1) {
        showClientProperties(clients.first());
        return;
    }
    const auto [server, session] = selectedSession();
    if (!server)
        return;
    if (server->isReplay()) { // a recording has no server to ask
        auto *dialog = new TransmissionPropertiesDialog(session.toCbor(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        return;
    }
    // Asked afresh: admins get the join token, which the pushed mirror never carries.
    server->call(api::Method::GetSession, api::sessionRef(session.kind, session.name),
                 [this](const QCborMap &result, const Error &error) {
                     if (!error.isNull()) {
                         showError(tr("Properties"), localizedMessage(error));
                         return;
                     }
                     auto *dialog = new TransmissionPropertiesDialog(result.value(u"session"_qs).toMap(), this);
                     dialog->setAttribute(Qt::WA_DeleteOnClose);
                     dialog->open();
                 });
}

void MainWindow::showClientProperties(const ClientRef &ref)
{
    const ClientInfo *client = ref.server->client(ref.id);
    if (!client)
        return;
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"clientProperties"_qs);
    dialog->setWindowTitle(tr("Properties of %1").arg(client->machineName));
    auto *layout = new QVBoxLayout(dialog);
    auto *view = new ClientDetailsView(m_recorder);
    view->showClient(ref.server, client); // a snapshot: the panel is the live view
    layout->addWidget(view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    dialog->open();
}

void MainWindow::copySelectedRows()
{
    TableSlice slice = clientTableSlice();
    slice.rows.clear();
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        slice.rows.append(index.row());
    std::sort(slice.rows.begin(), slice.rows.end());
    QApplication::clipboard()->setText(toTabSeparated(slice));
    statusBar()->showMessage(tr("%n row(s) copied.", nullptr, int(slice.rows.size())), 5000);
}

void MainWindow::exportClients()
{
    const TableSlice slice = clientTableSlice();
    // JSON holds the protocol's client maps, which scripts already read,
    // with where each client is and how it ended.
    QJsonArray json;
    for (int row : slice.rows) {
        const ClientRef ref = m_clientModel->clientAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
        const ClientInfo *client = ref.server->client(ref.id);
        if (!client)
            continue;
        QJsonObject object = client->toCbor().toJsonObject();
        object.insert(u"server"_qs, ref.server->address());
        if (client->outcome) {
            object.insert(u"outcome"_qs, toText(*client->outcome));
            object.insert(u"endedAt"_qs, client->endedAt.toUTC().toString(Qt::ISODate));
        }
        json.append(object);
    }
    saveTableInteractively(this, tr("Export Client Table"), u"deploycast-clients.csv"_qs, slice, json);
}

} // namespace deploycast
