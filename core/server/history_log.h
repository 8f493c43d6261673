#pragma once

#include "domain/history_entry.h"

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
    qsizetype size() const { return qsizetype(m_entries.size()); }

    static constexpr int kKeep = 10'000;
    // A line longer than this is not an entry (an entry is well under 2 KiB).
    static constexpr qint64 kMaxLineBytes = 64 * 1024;

private:
    void append(const HistoryEntry &entry);
    void rewrite();

    QString m_path;
    int m_keep;
    std::deque<HistoryEntry> m_entries;
    quint64 m_nextSequence = 1;
    QFile m_file;        // open for appending
    int m_linesInFile = 0;
};

} // namespace deploycast
