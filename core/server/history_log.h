// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/history_entry.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QList>
#include <QString>

#include <deque>

namespace deploycast {

// The server's activity history: what became of every client and
// transmission. The last kKeep entries are kept in memory and in the state
// directory's history.jsonl (one JSON object per line, appended and flushed
// per entry, mode 0600), so consoles that connect later, and the CLI's
// /Get-History, still see them after a restart. The file is rewritten with
// the kept entries once it holds twice as many lines, so its size is bounded.
class HistoryLog
{
public:
    explicit HistoryLog(const QString &stateDirectory, int keep = kKeep);
    ~HistoryLog();

    // Reads the file back; lines that do not parse are skipped and counted in the log.
    void load();

    // Numbers the entry, stamps its time if it has none, keeps and writes it.
    const HistoryEntry &record(HistoryEntry entry);

    // Entries numbered after `sequence`, oldest first, at most `limit`.
    QList<HistoryEntry> after(quint64 sequence, int limit) const;
    // The last `count` entries numbered before `before` (0: the newest),
    // of one client if clientId is not 0, oldest first.
    QList<HistoryEntry> last(int count, quint64 before = 0, quint32 clientId = 0) const;
    quint64 lastSequence() const { return m_nextSequence - 1; }
    // Names this history: made once per state directory (history.id), so a
    // console can tell a server whose state was wiped, and whose numbers
    // start again, from one it has seen.
    QString historyId() const { return m_historyId; }
    qsizetype size() const { return qsizetype(m_entries.size()); }

    static constexpr int kKeep = 10'000;
    // A line longer than this is not an entry (one with the longest names
    // the server accepts is about 13 KiB).
    static constexpr qint64 kMaxLineBytes = 64 * 1024;
    // After a failed write (a full disk), entries are kept in memory and the
    // file is rewritten whole after this long, not at every entry.
    static constexpr int kRetryWritesMs = 10'000;

private:
    void append(const HistoryEntry &entry);
    void rewrite();
    void loadHistoryId();

    QString m_path;
    int m_keep;
    std::deque<HistoryEntry> m_entries;
    quint64 m_nextSequence = 1;
    QFile m_file;        // open for appending
    int m_linesInFile = 0;
    QString m_historyId;
    QDeadlineTimer m_retryWrites; // after a failed write, the disk is left alone until then
};

} // namespace deploycast
