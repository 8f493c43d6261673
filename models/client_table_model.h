// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client_scope.h"
#include "domain/client_info.h"

#include <QAbstractTableModel>
#include <QCollatorSortKey>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <optional>
#include <vector>

namespace deploycast {

class ServerConnection;
class ServerList;
struct MirrorChange;

// What a column sorts on, without a QVariant: a number, or text for the
// name, MAC address, transmission and server columns.
struct SortKey {
    SortKey() = default;
    SortKey(double number, QString text)
        : number(number)
        , text(std::move(text))
    {
    }

    double number = 0;
    QString text;
    // The text's collation key (natural order), made once by the proxy that
    // sorts on it: comparing two is a byte comparison, where comparing the
    // texts with QCollator each time cost a 10,000-row sort 90 ms.
    std::optional<QCollatorSortKey> collated;
};

// Which clients the table lets through, besides the text filter.
enum class StateFilter {
    OnServer, // the clients on the server now (the default)
    Stalled,  // on the server, receiving, with no progress for kStalledSeconds
    Finished, // every client that has left: completed, failed, forced, left
    Failed,   // those that left without their image: failed, forced, disconnected by policy, left
    All,
};

// A client in the table: which server, which ID. Plain values, no QObject per row.
struct ClientRef {
    ServerConnection *server = nullptr;
    quint32 id = 0;
    friend bool operator==(const ClientRef &, const ClientRef &) = default;
};

// The clients in the current scope, across all servers, read straight from
// each ServerConnection's mirror. Mirror changes are gathered and applied
// once per refresh tick, whatever number of servers pushed in between, as
// precise signals: removals and insertions as contiguous spans, and one
// dataChanged per run of changed rows (or one for the whole table when most
// rows changed).
class ClientTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Name, IpAddress, MacAddress, Progress, TransferRate, Eta, TimeConnected, Cpu, Memory, Network,
                  State, Session, Server, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // the underlying value, for sorting and for the progress bar
        StaleRole,                   // true while the row's server is not connected
        StalledRole,                 // true while the client makes no progress (kStalledSeconds)
        FinishedRole,                // true once the client has left the server
    };
    // A receiving client whose progress has not moved for this long is stalled.
    static constexpr int kStalledSeconds = 30;

    explicit ClientTableModel(ServerList *servers, QObject *parent = nullptr);

    void setScope(const ClientScope &scope);
    const ClientScope &scope() const { return m_scope; }
    ClientRef clientAt(int row) const { return m_rows.at(std::size_t(row)); }
    int rowOf(const ClientRef &client) const;

    static bool isTextColumn(int column)
    {
        return column == Name || column == MacAddress || column == Session || column == Server;
    }
    SortKey sortKey(int row, int column) const;
    // Whether the row's ID, name, IP or MAC address contains `text` (case-insensitive).
    bool matchesFilter(int row, const QString &text) const;
    bool matchesState(int row, StateFilter filter) const;
    bool isStalled(int row) const;
    // Seconds to the end at the current rate; none if it is not receiving.
    static std::optional<qint64> etaSeconds(const ClientInfo &client);
    // The client of a row: on the server, or finished; null if neither.
    const ClientInfo *clientAtRow(int row) const;

    // Mirror changes wait at most this long before they reach the views.
    static constexpr int kRefreshMs = 250;
    // Off: changes wait for flushPendingChanges() (benchmarks time it).
    void setAutoRefresh(bool on);
    // Applies what the servers changed since the last refresh, now.
    void flushPendingChanges();
    qsizetype pendingChangedClients() const;
    // Emits dataChanged for rows that became stalled or stopped being so
    // (a timer calls it every kStallCheckMs; benchmarks time it).
    void checkStalls();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
Q_SIGNALS:
    // Around the signals of one refresh, so a proxy can re-sort once per refresh.
    void aboutToApplyChanges();
    void changesApplied();

public:
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void watch(ServerConnection *server);
    void forget(ServerConnection *server);
    void onChanged(ServerConnection *server, const MirrorChange &change);
    void onServerStateChanged(ServerConnection *server);
    void noteProgress(const ClientRef &ref, const ClientInfo &client, const QDateTime &now);
    void removeRows(std::vector<int> rows);
    void appendRows(const std::vector<ClientRef> &refs);
    void emitChanged(std::vector<int> rows);
    void rebuildIndex();
    quint64 keyOf(const ClientRef &client) const;

    ServerList *m_servers;
    ClientScope m_scope;
    std::vector<ClientRef> m_rows;
    QHash<quint64, int> m_rowOfKey;
    QHash<const ServerConnection *, quint32> m_serial; // small per-server number for row keys
    quint32 m_nextSerial = 1;
    // Per server: clients removed, and clients added or changed, since the last refresh.
    struct Pending {
        QSet<quint32> removed;
        QSet<quint32> touched;
    };
    QHash<ServerConnection *, Pending> m_pending;
    // When each client's progress last moved (row key → percent, time), for stalls.
    struct Progressed {
        double percent = -1;
        QDateTime at;
    };
    QHash<quint64, Progressed> m_progressed;
    QSet<quint64> m_stalled; // as last announced
    QTimer m_stallTimer;
    static constexpr int kStallCheckMs = 2000;
    QTimer m_refreshTimer;
    bool m_autoRefresh = true;
};

} // namespace deploycast
