// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit_log.h"

#include "common/atomic_file.h"
#include "common/log.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <deque>

namespace deploycast {
namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QCborMap lineOf(const AuditEntry &entry)
{
    return {{u"time"_qs, now()},       {u"peer"_qs, entry.peer},       {u"tokenId"_qs, entry.tokenId},
            {u"command"_qs, entry.command}, {u"targets"_qs, entry.targets}, {u"result"_qs, entry.result}};
}

// One file's entries, oldest first, each request's outcome folded into it.
std::deque<QCborMap> entriesOf(const QString &path)
{
    std::deque<QCborMap> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QCborMap fields = QCborMap::fromJsonObject(QJsonDocument::fromJson(line).object());
        if (fields.contains(u"outcome"_qs)) {
            if (!entries.empty())
                entries.back()[u"result"_qs] = fields.value(u"outcome"_qs);
            continue;
        }
        entries.push_back(fields);
    }
    return entries;
}

} // namespace

AuditLog::AuditLog(const QString &stateDirectory, const Rotation &rotation)
    : m_path(stateDirectory + u"/audit.log"_qs)
    , m_rotation(rotation)
{
}

QString AuditLog::fileName(int generation) const
{
    return generation == 0 ? m_path : QStringLiteral("%1.%2").arg(m_path).arg(generation);
}

void AuditLog::record(const AuditEntry &entry)
{
    Error error;
    if (!append(lineOf(entry), true, &error))
        qCCritical(lcState).noquote() << error.message;
    qCInfo(lcMgmt).noquote() << "audit:" << entry.peer << (entry.tokenId.isEmpty() ? u"-"_qs : entry.tokenId)
                             << entry.command << entry.targets << "->" << entry.result;
}

bool AuditLog::recordRequest(const AuditEntry &entry, Error *error)
{
    AuditEntry requested = entry;
    requested.result = u"requested"_qs;
    if (append(lineOf(requested), true, error))
        return true;
    qCCritical(lcState).noquote() << error->message << "; refused" << entry.command << "from" << entry.peer;
    return false;
}

void AuditLog::recordOutcome(const QString &result)
{
    Error error;
    // Never rotated here: a request and its outcome stay in one file.
    if (!append({{u"time"_qs, now()}, {u"outcome"_qs, result}}, false, &error))
        qCCritical(lcState).noquote() << error.message;
}

bool AuditLog::append(const QCborMap &line, bool mayRotate, Error *error)
{
    if (mayRotate && QFileInfo(m_path).size() >= m_rotation.maxBytes)
        rotate();
    QFile file(m_path);
    // Created 0600 in one step: it names peers and token IDs.
    if (!file.open(QIODevice::Append, kOwnerOnly)
        || file.write(QJsonDocument(line.toJsonObject()).toJson(QJsonDocument::Compact) + '\n') < 0 || !file.flush()) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("cannot write the audit log %1: %2").arg(m_path, file.errorString())};
        return false;
    }
    return true;
}

void AuditLog::rotate()
{
    QFile::remove(fileName(m_rotation.keep));
    for (int generation = m_rotation.keep - 1; generation >= 0; --generation)
        QFile::rename(fileName(generation), fileName(generation + 1));
    qCInfo(lcState).noquote() << "audit log rotated; keeping" << m_rotation.keep << "older files";
}

QCborArray AuditLog::last(int count) const
{
    const std::size_t wanted = std::size_t(count <= 0 || count > kMaxRead ? kMaxRead : count);
    std::deque<QCborMap> entries;
    for (int generation = 0; generation <= m_rotation.keep && entries.size() < wanted; ++generation) {
        std::deque<QCborMap> older = entriesOf(fileName(generation));
        entries.insert(entries.begin(), older.begin(), older.end());
    }
    while (entries.size() > wanted)
        entries.pop_front();
    QCborArray result;
    for (const QCborMap &entry : entries)
        result.append(entry);
    return result;
}

} // namespace deploycast
