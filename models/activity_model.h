// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/history_entry.h"

#include <QAbstractTableModel>
#include <QHash>

#include <deque>

namespace deploycast {

class ServerConnection;
class ServerList;

// The activity dock's list: every server's history as pushed (client
// outcomes, transmissions started and finished) and the console's own
// news (a server lost, a server back), oldest first, the newest kMaxRows.
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Server, Event, Subject, Reason, ColumnCount };
    enum Role { EventRole = Qt::UserRole + 1 }; // the HistoryEvent, as an int

    explicit ActivityModel(ServerList *servers, QObject *parent = nullptr);

    struct Row {
        QString server; // "host:port"
        HistoryEntry entry;
    };
    const Row &rowAt(int row) const { return m_rows[std::size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static constexpr int kMaxRows = 20'000;

Q_SIGNALS:
    // Entries worth a desktop notification (a transmission finished, a
    // client failed or was forced, a server lost), once per kind of event
    // in a batch: `entry` is the first, `count` how many there were.
    void noteworthy(const QString &server, const HistoryEntry &entry, int count);

private:
    void watch(ServerConnection *server);
    void append(const QString &server, const QList<HistoryEntry> &entries, bool notify);
    void dropServer(const QString &server);

    ServerList *m_servers;
    std::deque<Row> m_rows;
    // The servers being watched, by address: their "now" (a replay's is frozen)
    // decides whether an entry is today's.
    QHash<QString, const ServerConnection *> m_watched;
};

} // namespace deploycast
