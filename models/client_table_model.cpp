// SPDX-License-Identifier: GPL-3.0-or-later
#include "client_table_model.h"

#include "client/server_connection.h"
#include "client/server_list.h"
#include "common/units.h"
#include "display_names.h"
#include "palette_colors.h"
#include "row_runs.h"

#include <QColor>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QHostAddress>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <limits>

namespace deploycast {
namespace {

QString percentText(double value)
{
    return QCoreApplication::translate("ClientTableModel", "%1%").arg(QLocale().toString(value, 'f', 0));
}

// Every client of a server the table may show: those on it, then those
// that have finished and not come back.
template<typename Visit>
void forEachClient(const ServerConnection *server, Visit visit)
{
    for (auto it = server->clients().constBegin(); it != server->clients().constEnd(); ++it)
        visit(*it);
    for (auto it = server->finishedClients().constBegin(); it != server->finishedClients().constEnd(); ++it)
        if (!server->clients().contains(it.key()))
            visit(*it);
}

QString stateText(const ClientInfo &client)
{
    if (client.outcome) {
        if (*client.outcome == HistoryEvent::Completed)
            return QObject::tr("completed by %1").arg(client.method == TransferMethod::Unicast ? QObject::tr("unicast")
                                                                                              : QObject::tr("multicast"));
        return displayName(*client.outcome);
    }
    const QString state = DisplayNames::of(client.state);
    if (client.method == TransferMethod::Unicast)
        return state + QObject::tr(" (unicast)");
    if (!client.stream.isEmpty())
        return state + QObject::tr(" (%1 stream)").arg(DisplayNames::ofStream(client.stream));
    return state;
}

} // namespace

ClientTableModel::ClientTableModel(ServerList *servers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_servers(servers)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ClientTableModel::flushPendingChanges);
    // A stall is time passing without news: look for new ones now and then.
    m_stallTimer.setInterval(kStallCheckMs);
    connect(&m_stallTimer, &QTimer::timeout, this, &ClientTableModel::checkStalls);
    m_stallTimer.start();
    for (ServerConnection *server : servers->servers())
        watch(server);
    connect(servers, &ServerList::serverAdded, this, &ClientTableModel::watch);
    connect(servers, &ServerList::serverAboutToBeRemoved, this, &ClientTableModel::forget);
}

void ClientTableModel::watch(ServerConnection *server)
{
    m_serial.insert(server, m_nextSerial++);
    connect(server, &ServerConnection::changed, this,
            [this, server](const MirrorChange &change) { onChanged(server, change); });
    connect(server, &ServerConnection::stateChanged, this, [this, server] { onServerStateChanged(server); });
    if (m_scope.kind != ClientScope::Kind::Nothing) {
        std::vector<ClientRef> refs;
        forEachClient(server, [&](const ClientInfo &client) {
            if (m_scope.contains(server, client))
                refs.push_back({server, client.id});
        });
        appendRows(refs);
    }
}

void ClientTableModel::forget(ServerConnection *server)
{
    disconnect(server, nullptr, this, nullptr);
    m_pending.remove(server);
    std::vector<int> rows;
    for (int row = 0; row < int(m_rows.size()); ++row)
        if (m_rows[std::size_t(row)].server == server)
            rows.push_back(row);
    removeRows(std::move(rows));
    m_serial.remove(server);
}

void ClientTableModel::setScope(const ClientScope &scope)
{
    if (scope == m_scope)
        return;
    // A new scope is a new table, not a routine update: reset is right here.
    beginResetModel();
    m_pending.clear(); // the new table is read from the mirrors as they are now
    m_scope = scope;
    m_rows.clear();
    for (ServerConnection *server : m_servers->servers()) {
        forEachClient(server, [&](const ClientInfo &client) {
            if (m_scope.contains(server, client)) {
                m_rows.push_back({server, client.id});
                noteProgress(m_rows.back(), client, server->referenceTime());
            }
        });
    }
    std::sort(m_rows.begin(), m_rows.end(), [this](const ClientRef &a, const ClientRef &b) {
        return keyOf(a) < keyOf(b);
    });
    rebuildIndex();
    endResetModel();
}

quint64 ClientTableModel::keyOf(const ClientRef &client) const
{
    return (quint64(m_serial.value(client.server)) << 32) | client.id;
}

int ClientTableModel::rowOf(const ClientRef &client) const
{
    return m_rowOfKey.value(keyOf(client), -1);
}

void ClientTableModel::rebuildIndex()
{
    m_rowOfKey.clear();
    m_rowOfKey.reserve(qsizetype(m_rows.size()));
    for (int row = 0; row < int(m_rows.size()); ++row)
        m_rowOfKey.insert(keyOf(m_rows[std::size_t(row)]), row);
}

void ClientTableModel::setAutoRefresh(bool on)
{
    m_autoRefresh = on;
    if (!on)
        m_refreshTimer.stop();
    else if (!m_pending.isEmpty())
        m_refreshTimer.start();
}

qsizetype ClientTableModel::pendingChangedClients() const
{
    qsizetype count = 0;
    for (const Pending &pending : m_pending)
        count += pending.touched.size();
    return count;
}

void ClientTableModel::onChanged(ServerConnection *server, const MirrorChange &change)
{
    // Only remembered here: twenty servers pushing a delta each should cost
    // the views one refresh, not twenty (and the proxy one sort, not twenty).
    Pending &pending = m_pending[server];
    for (quint32 id : change.removedClients) {
        pending.removed.insert(id);
        pending.touched.remove(id);
    }
    for (const QList<quint32> *ids : {&change.addedClients, &change.changedClients, &change.finishedClients})
        for (quint32 id : *ids) {
            pending.touched.insert(id);
            pending.removed.remove(id); // a client that left and came back under the same ID
        }
    if (m_autoRefresh && !m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void ClientTableModel::flushPendingChanges()
{
    m_refreshTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QHash<ServerConnection *, Pending> pending = std::exchange(m_pending, {});
    // Every server's changes together: one removal per run of rows, one
    // insertion, one dataChanged per run (or one for the table).
    std::vector<int> removed;
    std::vector<ClientRef> added;
    std::vector<ClientRef> changed;
    for (auto it = pending.constBegin(); it != pending.constEnd(); ++it) {
        ServerConnection *server = it.key();
        const QDateTime now = server->referenceTime(); // once per server, not per row
        for (quint32 id : it->removed)
            if (const int row = rowOf({server, id}); row >= 0)
                removed.push_back(row);
        for (quint32 id : it->touched) {
            const ClientInfo *client = server->client(id);
            const int row = rowOf({server, id});
            const bool wanted = client && m_scope.contains(server, *client);
            if (client)
                noteProgress({server, id}, *client, now);
            if (row >= 0 && !wanted)
                removed.push_back(row); // e.g. moved from multicast to unicast fallback
            else if (row >= 0)
                changed.push_back({server, id});
            else if (wanted)
                added.push_back({server, id});
        }
    }
    // In the order the clients joined each server, servers in the order added.
    std::sort(added.begin(), added.end(), [this](const ClientRef &a, const ClientRef &b) { return keyOf(a) < keyOf(b); });

    Q_EMIT aboutToApplyChanges();
    removeRows(std::move(removed));
    appendRows(added);
    std::vector<int> changedRows;
    changedRows.reserve(changed.size());
    for (const ClientRef &ref : changed)
        changedRows.push_back(rowOf(ref));
    emitChanged(std::move(changedRows));
    Q_EMIT changesApplied();
}

void ClientTableModel::onServerStateChanged(ServerConnection *server)
{
    // Greying out or back: every row of that server, as one span per run.
    std::vector<int> rows;
    for (int row = 0; row < int(m_rows.size()); ++row)
        if (m_rows[std::size_t(row)].server == server)
            rows.push_back(row);
    emitChanged(std::move(rows));
}

void ClientTableModel::removeRows(std::vector<int> rows)
{
    if (rows.empty())
        return;
    for (const int row : rows) {
        const quint64 key = keyOf(m_rows[std::size_t(row)]);
        m_progressed.remove(key);
        m_stalled.remove(key);
    }
    // From the bottom up, so the row numbers still to remove stay valid.
    const auto runs = rowRuns(std::move(rows));
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        beginRemoveRows({}, run->first, run->second);
        m_rows.erase(m_rows.begin() + run->first, m_rows.begin() + run->second + 1);
        endRemoveRows();
    }
    rebuildIndex();
}

void ClientTableModel::appendRows(const std::vector<ClientRef> &refs)
{
    if (refs.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(refs.size()) - 1);
    for (const ClientRef &ref : refs) {
        m_rowOfKey.insert(keyOf(ref), int(m_rows.size()));
        m_rows.push_back(ref);
        if (const ClientInfo *client = ref.server->client(ref.id))
            noteProgress(ref, *client, ref.server->referenceTime());
    }
    endInsertRows();
}

void ClientTableModel::emitChanged(std::vector<int> rows)
{
    if (rows.empty())
        return;
    const int lastColumn = ColumnCount - 1;
    if (double(rows.size()) > kWholeTableShare * double(m_rows.size())) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, lastColumn));
        return;
    }
    for (const auto &[first, last] : rowRuns(std::move(rows)))
        Q_EMIT dataChanged(index(first, 0), index(last, lastColumn));
}

const ClientInfo *ClientTableModel::clientAtRow(int row) const
{
    const ClientRef &ref = m_rows[std::size_t(row)];
    return ref.server->client(ref.id);
}

void ClientTableModel::noteProgress(const ClientRef &ref, const ClientInfo &client, const QDateTime &now)
{
    Progressed &progressed = m_progressed[keyOf(ref)];
    if (progressed.percent != client.percentComplete || !progressed.at.isValid()) {
        progressed.percent = client.percentComplete;
        progressed.at = now;
    }
}

void ClientTableModel::checkStalls()
{
    std::vector<int> flipped;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        const quint64 key = keyOf(m_rows[std::size_t(row)]);
        const bool stalled = isStalled(row);
        if (stalled != m_stalled.contains(key)) {
            flipped.push_back(row);
            if (stalled)
                m_stalled.insert(key);
            else
                m_stalled.remove(key);
        }
    }
    if (!flipped.empty()) {
        Q_EMIT aboutToApplyChanges();
        emitChanged(std::move(flipped));
        Q_EMIT changesApplied();
    }
}

bool ClientTableModel::isStalled(int row) const
{
    const ClientInfo *client = clientAtRow(row);
    if (!client || client->outcome
        || (client->state != ClientState::Receiving && client->state != ClientState::Repairing))
        return false;
    const ClientRef &ref = m_rows[std::size_t(row)];
    const auto progressed = m_progressed.constFind(keyOf(ref));
    return progressed != m_progressed.constEnd()
        && progressed->at.secsTo(ref.server->referenceTime()) >= kStalledSeconds;
}

std::optional<qint64> ClientTableModel::etaSeconds(const ClientInfo &client)
{
    if (client.outcome || client.transferRate <= 0 || client.percentComplete <= 0 || client.percentComplete >= 100)
        return std::nullopt;
    // The image's size from what has arrived and what share of it that is.
    const double total = double(client.bytesReceived) * 100.0 / client.percentComplete;
    return qint64((total - double(client.bytesReceived)) / double(client.transferRate) + 0.5);
}

bool ClientTableModel::matchesState(int row, StateFilter filter) const
{
    const ClientInfo *client = clientAtRow(row);
    if (!client)
        return false;
    switch (filter) {
    case StateFilter::OnServer: return !client->outcome;
    case StateFilter::Stalled: return isStalled(row);
    case StateFilter::Finished: return client->outcome.has_value();
    case StateFilter::Failed: return client->outcome && *client->outcome != HistoryEvent::Completed;
    case StateFilter::All: return true;
    }
    return true;
}

SortKey ClientTableModel::sortKey(int row, int column) const
{
    const ClientInfo *client = clientAtRow(row);
    if (!client)
        return {};
    switch (column) {
    case Id: return {double(client->id), {}};
    case Name: return {0, client->machineName};
    case IpAddress: return {double(QHostAddress(client->ipAddress).toIPv4Address()), {}};
    case MacAddress: return {0, client->macAddress};
    case Progress: return {client->percentComplete, {}};
    case TransferRate: return {double(client->transferRate), {}};
    case Eta: return {double(etaSeconds(*client).value_or(std::numeric_limits<qint64>::max())), {}};
    case TimeConnected: return {-double(client->joinedAt.toMSecsSinceEpoch()), {}}; // earlier join: longer connected
    case Cpu: return {client->cpuUtilization, {}};
    case Memory: return {client->memoryUtilization, {}};
    case Network: return {client->networkUtilization, {}};
    case State:
        return {double(int(client->state) + (client->method == TransferMethod::Unicast ? 100 : 0)
                       + (client->outcome ? 1000 + 10 * int(*client->outcome) : 0)),
                {}};
    case Session: return {0, client->sessionName};
    case Server: return {0, m_rows[std::size_t(row)].server->address()};
    }
    return {};
}

bool ClientTableModel::matchesFilter(int row, const QString &text) const
{
    const ClientInfo *client = clientAtRow(row);
    if (!client)
        return false;
    // A number the admin types is usually an ID, so try that first.
    return QString::number(client->id).contains(text, Qt::CaseInsensitive)
        || client->machineName.contains(text, Qt::CaseInsensitive)
        || client->ipAddress.contains(text, Qt::CaseInsensitive)
        || client->macAddress.contains(text, Qt::CaseInsensitive);
}

int ClientTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClientTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClientInfo *found = clientAtRow(index.row());
    if (!found)
        return {};
    const ClientRef &ref = m_rows[std::size_t(index.row())];
    const ClientInfo &client = *found;
    const bool stale = ref.server->state() != ConnectionState::Connected;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Id: return client.id;
        case Name: return client.machineName;
        case IpAddress: return client.ipAddress;
        case MacAddress: return client.macAddress;
        case Progress: return percentText(client.percentComplete);
        case TransferRate: return client.outcome ? QString() : formatRate(client.transferRate, QLocale());
        case Eta: {
            const std::optional<qint64> eta = etaSeconds(client);
            return eta ? formatDuration(*eta) : QString();
        }
        case TimeConnected:
            return formatDuration(client.joinedAt.secsTo(client.outcome ? client.endedAt : ref.server->referenceTime()));
        case Cpu: return percentText(client.cpuUtilization);
        case Memory: return percentText(client.memoryUtilization);
        case Network: return percentText(client.networkUtilization);
        case State: return stateText(client);
        case Session: return client.sessionName;
        case Server: return ref.server->address();
        }
        break;
    case SortRole: {
        const SortKey key = sortKey(index.row(), index.column());
        return isTextColumn(index.column()) ? QVariant(key.text) : QVariant(key.number);
    }
    case StaleRole:
        return stale;
    case StalledRole:
        return isStalled(index.row());
    case FinishedRole:
        return client.outcome.has_value();
    case Qt::ForegroundRole:
        if (stale || client.outcome)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::BackgroundRole:
        if (!stale && isStalled(index.row()))
            return stalledRowBackground(QGuiApplication::palette());
        break;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Id: case Progress: case TransferRate: case Eta: case TimeConnected: case Cpu: case Memory: case Network:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::ToolTipRole:
        if (stale)
            return tr("The connection to %1 is down; this row shows its last known state.").arg(ref.server->address());
        if (client.outcome)
            return client.outcomeReason.isEmpty()
                ? tr("Left the server at %1.").arg(QLocale().toString(client.endedAt.toLocalTime(), QLocale::ShortFormat))
                : tr("Left the server at %1: %2").arg(QLocale().toString(client.endedAt.toLocalTime(), QLocale::ShortFormat),
                                                      client.outcomeReason);
        if (isStalled(index.row()))
            return tr("No progress for %n second(s) or more.", nullptr, kStalledSeconds);
        if (!client.note.isEmpty())
            return client.note; // e.g. why the slow-client policy disconnected it
        break;
    }
    return {};
}

QVariant ClientTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id: return tr("ID");
    case Name: return tr("Name");
    case IpAddress: return tr("IP address");
    case MacAddress: return tr("MAC address");
    case Progress: return tr("Progress");
    case TransferRate: return tr("Transfer rate");
    case Eta: return tr("Time left");
    case TimeConnected: return tr("Time connected");
    case Cpu: return tr("CPU");
    case Memory: return tr("Memory");
    case Network: return tr("Network");
    case State: return tr("State");
    case Session: return tr("Transmission");
    case Server: return tr("Server");
    }
    return {};
}

} // namespace deploycast
