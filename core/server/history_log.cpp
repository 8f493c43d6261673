// SPDX-License-Identifier: GPL-3.0-or-later
#include "history_log.h"

#include "common/atomic_file.h"
#include "common/log.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

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

void HistoryLog::loadHistoryId()
{
    const QString path = QFileInfo(m_path).dir().filePath(u"history.id"_qs);
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        m_historyId = QString::fromLatin1(file.read(64)).trimmed();
        if (!m_historyId.isEmpty())
            return;
    }
    m_historyId = QString::number(QRandomGenerator::system()->generate64(), 16);
    Error error;
    if (!writeFileAtomically(path, m_historyId.toLatin1() + '\n', kOwnerOnly, &error))
        qCWarning(lcState).noquote() << "history:" << error.message;
}

HistoryLog::~HistoryLog() = default;

void HistoryLog::load()
{
    loadHistoryId();
    bool tornEnd = false;
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly)) {
        // A crash or a full disk may have left half a line last: appending
        // to it would glue the next entry on.
        tornEnd = file.size() > 0 && file.seek(file.size() - 1) && file.read(1) != "\n";
        file.seek(0);
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
    if (m_linesInFile > 2 * m_keep || tornEnd)
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
    if (!m_retryWrites.hasExpired())
        return; // the disk failed a moment ago; the entry waits in memory for the rewrite
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
        qCCritical(lcState).noquote() << "history: cannot write" << m_path << ":" << m_file.errorString()
                                      << "; keeping entries in memory and trying again in" << kRetryWritesMs / 1000 << "s";
        m_file.close(); // reopened, and the file rewritten whole, once the wait is over
        m_linesInFile = 2 * m_keep;
        m_retryWrites.setRemainingTime(kRetryWritesMs);
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
        qCCritical(lcState).noquote() << "history:" << error.message << "; trying again in" << kRetryWritesMs / 1000 << "s";
        m_retryWrites.setRemainingTime(kRetryWritesMs);
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
