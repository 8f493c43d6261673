#include "history_log.h"

#include "common/atomic_file.h"
#include "common/log.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace deploycast {
namespace {
QByteArray lineOf(const HistoryEntry &entry)
{
    return QJsonDocument(entry.toCbor().toJsonObject()).toJson(QJsonDocument::Compact) + '\n';
}
} // namespace

HistoryLog::HistoryLog(const QString &stateDirectory, int keep)
    : m_path(QDir(stateDirectory).filePath(u"history.jsonl"_qs))
    , m_keep(std::max(1, keep))
{
}

HistoryLog::~HistoryLog() = default;

void HistoryLog::load()
{
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly)) {
        int skipped = 0;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine(kMaxLineBytes);
            ++m_linesInFile;
            if (!line.endsWith('\n') && !file.atEnd()) {
                // Longer than any entry: skip the rest of it.
                while (!file.atEnd() && !file.readLine(kMaxLineBytes).endsWith('\n')) {
                }
                ++skipped;
                continue;
            }
            const QJsonDocument document = QJsonDocument::fromJson(line);
            const auto entry = document.isObject() ? HistoryEntry::fromCbor(QCborMap::fromJsonObject(document.object()))
                                                   : std::nullopt;
            if (!entry || entry->sequence < m_nextSequence) {
                skipped += !line.trimmed().isEmpty();
                continue;
            }
            m_entries.push_back(*entry);
            m_nextSequence = entry->sequence + 1;
            if (m_entries.size() > std::size_t(m_keep))
                m_entries.pop_front();
        }
        if (skipped > 0)
            qCWarning(lcState).noquote() << "history:" << skipped << "lines of" << m_path << "could not be read; skipped";
    }
    if (m_linesInFile > 2 * m_keep)
        rewrite();
}

const HistoryEntry &HistoryLog::record(HistoryEntry entry)
{
    entry.sequence = m_nextSequence++;
    if (!entry.time.isValid())
        entry.time = QDateTime::currentDateTimeUtc();
    m_entries.push_back(std::move(entry));
    if (m_entries.size() > std::size_t(m_keep))
        m_entries.pop_front();
    append(m_entries.back());
    return m_entries.back();
}

void HistoryLog::append(const HistoryEntry &entry)
{
    if (m_linesInFile >= 2 * m_keep) {
        rewrite(); // holds the entry just kept
        return;
    }
    if (!m_file.isOpen()) {
        m_file.setFileName(m_path);
        if (!m_file.open(QIODevice::Append, kOwnerOnly)) {
            qCCritical(lcState).noquote() << "history: cannot open" << m_path << ":" << m_file.errorString();
            return;
        }
    }
    if (m_file.write(lineOf(entry)) < 0 || !m_file.flush()) {
        qCCritical(lcState).noquote() << "history: cannot write" << m_path << ":" << m_file.errorString();
        m_file.close(); // reopened, and the file rewritten whole, next time
        m_linesInFile = 2 * m_keep;
        return;
    }
    ++m_linesInFile;
}

void HistoryLog::rewrite()
{
    m_file.close();
    QByteArray content;
    for (const HistoryEntry &entry : m_entries)
        content += lineOf(entry);
    Error error;
    if (!writeFileAtomically(m_path, content, kOwnerOnly, &error)) {
        qCCritical(lcState).noquote() << "history:" << error.message;
        return;
    }
    m_linesInFile = int(m_entries.size());
}

QList<HistoryEntry> HistoryLog::after(quint64 sequence, int limit) const
{
    QList<HistoryEntry> entries;
    // Sorted by sequence (a damaged file may leave gaps, so search).
    auto it = std::upper_bound(m_entries.begin(), m_entries.end(), sequence,
                               [](quint64 wanted, const HistoryEntry &entry) { return wanted < entry.sequence; });
    for (; it != m_entries.end() && entries.size() < limit; ++it)
        entries.append(*it);
    return entries;
}

QList<HistoryEntry> HistoryLog::last(int count, quint64 before, quint32 clientId) const
{
    QList<HistoryEntry> entries;
    for (auto it = m_entries.rbegin(); it != m_entries.rend() && entries.size() < count; ++it) {
        if ((before == 0 || it->sequence < before) && (clientId == 0 || it->client.id == clientId))
            entries.append(*it);
    }
    std::reverse(entries.begin(), entries.end());
    return entries;
}

} // namespace deploycast
