#include "client_table_model.h"

#include "client/server_connection.h"
#include "client/server_list.h"
#include "common/units.h"
#include "display_names.h"
#include "row_runs.h"

#include <QColor>
#include <QHostAddress>

#include <algorithm>

namespace deploycast {
namespace {

QString percentText(double value)
{
    return QStringLiteral("%1%").arg(value, 0, 'f', 0);
}

QString stateText(const ClientInfo &client)
{
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
        for (auto it = server->clients().constBegin(); it != server->clients().constEnd(); ++it)
            if (m_scope.contains(server, *it))
                refs.push_back({server, it.key()});
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
        for (auto it = server->clients().constBegin(); it != server->clients().constEnd(); ++it)
            if (m_scope.contains(server, *it))
                m_rows.push_back({server, it.key()});
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
    for (const QList<quint32> *ids : {&change.addedClients, &change.changedClients})
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
        for (quint32 id : it->removed)
            if (const int row = rowOf({server, id}); row >= 0)
                removed.push_back(row);
        for (quint32 id : it->touched) {
            const auto client = server->clients().constFind(id);
            const int row = rowOf({server, id});
            const bool wanted = client != server->clients().constEnd() && m_scope.contains(server, *client);
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
    const auto found = ref.server->clients().constFind(ref.id);
    return found == ref.server->clients().constEnd() ? nullptr : &*found;
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
    case TimeConnected: return {-double(client->joinedAt.toMSecsSinceEpoch()), {}}; // earlier join: longer connected
    case Cpu: return {client->cpuUtilization, {}};
    case Memory: return {client->memoryUtilization, {}};
    case Network: return {client->networkUtilization, {}};
    case State: return {double(int(client->state) + (client->method == TransferMethod::Unicast ? 100 : 0)), {}};
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
        case TransferRate: return formatRate(client.transferRate);
        case TimeConnected: return formatDuration(client.joinedAt.secsTo(ref.server->referenceTime()));
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
    case Qt::ForegroundRole:
        if (stale)
            return QColor(Qt::gray);
        break;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Id: case Progress: case TransferRate: case TimeConnected: case Cpu: case Memory: case Network:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::ToolTipRole:
        if (stale)
            return tr("The connection to %1 is down; this row shows its last known state.").arg(ref.server->address());
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
