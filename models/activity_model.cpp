// SPDX-License-Identifier: GPL-3.0-or-later
#include "activity_model.h"

#include "client/server_connection.h"
#include "client/server_list.h"

#include <QLocale>

#include <map>

namespace deploycast {

ActivityModel::ActivityModel(ServerList *servers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_servers(servers)
{
    for (ServerConnection *server : servers->servers())
        watch(server);
    connect(servers, &ServerList::serverAdded, this, &ActivityModel::watch);
    connect(servers, &ServerList::serverAboutToBeRemoved, this, [this](ServerConnection *server) {
        disconnect(server, nullptr, this, nullptr);
        m_watched.remove(server->address());
        dropServer(server->address()); // added again later, it brings its history back
    });
}

void ActivityModel::watch(ServerConnection *server)
{
    const QString address = server->address();
    m_watched.insert(address, server);
    append(address, QList<HistoryEntry>(server->history().begin(), server->history().end()), false);
    connect(server, &ServerConnection::historyAdded, this,
            [this, address](const QList<HistoryEntry> &entries, bool live) { append(address, entries, live); });
    connect(server, &ServerConnection::historyCleared, this, [this, address] { dropServer(address); });
    // The console's own news: the link to the server dropped, or came back
    // after dropping (the first connection is not news).
    auto lost = std::make_shared<bool>(false);
    connect(server, &ServerConnection::stateChanged, this, [this, server, address, lost] {
        const bool connected = server->state() == ConnectionState::Connected;
        const bool down = server->state() == ConnectionState::Lost || server->state() == ConnectionState::Refused;
        if ((connected && !*lost) || (!connected && (!down || *lost)))
            return;
        *lost = !connected;
        HistoryEntry entry;
        entry.time = server->referenceTime();
        entry.event = connected ? HistoryEvent::ServerBack : HistoryEvent::ServerLost;
        entry.reason = connected ? QString() : server->lastError();
        append(address, {entry}, true);
    });
}

void ActivityModel::append(const QString &server, const QList<HistoryEntry> &entries, bool notify)
{
    if (entries.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    for (const HistoryEntry &entry : entries)
        m_rows.push_back({server, entry});
    endInsertRows();
    if (m_rows.size() > std::size_t(kMaxRows)) {
        const int excess = int(m_rows.size()) - kMaxRows;
        beginRemoveRows({}, 0, excess - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        endRemoveRows();
    }
    if (!notify)
        return;
    // One notification per kind of event: a transmission deleted with Force
    // and its thousand clients is one message, not a thousand.
    std::map<HistoryEvent, std::pair<const HistoryEntry *, int>> worthSaying;
    for (const HistoryEntry &entry : entries) {
        switch (entry.event) {
        case HistoryEvent::TransmissionFinished:
        case HistoryEvent::Failed:
        case HistoryEvent::Forced:
        case HistoryEvent::PolicyDisconnected:
        case HistoryEvent::ServerLost: {
            auto &[first, count] = worthSaying[entry.event];
            if (!first)
                first = &entry;
            ++count;
            break;
        }
        default:
            break;
        }
    }
    for (const auto &[event, firstAndCount] : worthSaying)
        Q_EMIT noteworthy(server, *firstAndCount.first, firstAndCount.second);
}

void ActivityModel::dropServer(const QString &server)
{
    // Rare (a server whose state was wiped): a reset is simplest and right.
    beginResetModel();
    std::erase_if(m_rows, [&server](const Row &row) { return row.server == server; });
    endResetModel();
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const HistoryEntry &entry = row.entry;
    if (role == EventRole)
        return int(entry.event);
    if (role == Qt::UserRole && index.column() == Time)
        return entry.time; // sorts by time
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Time: {
        // Today's entries by their time, older ones with their date too.
        const QDateTime local = entry.time.toLocalTime();
        if (role == Qt::ToolTipRole)
            return QLocale().toString(local, QLocale::LongFormat);
        const ServerConnection *server = m_watched.value(row.server);
        const bool today = server && local.date() == server->referenceTime().toLocalTime().date();
        return today ? QLocale().toString(local.time(), QLocale::LongFormat) : QLocale().toString(local, QLocale::ShortFormat);
    }
    case Server: return row.server;
    case Event:
        if (entry.event == HistoryEvent::Completed)
            return entry.client.method == TransferMethod::Unicast ? tr("completed by unicast") : tr("completed by multicast");
        return displayName(entry.event);
    case Subject: {
        const QString subject = entry.subject();
        return entry.client.id != 0 && !entry.sessionName.isEmpty() ? tr("%1 in '%2'").arg(subject, entry.sessionName)
                                                                     : subject;
    }
    case Reason: return entry.localizedReason();
    }
    return {};
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Server: return tr("Server");
    case Event: return tr("Event");
    case Subject: return tr("Client or transmission");
    case Reason: return tr("Reason");
    }
    return {};
}

} // namespace deploycast
