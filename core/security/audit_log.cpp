#include "audit_log.h"

#include "common/atomic_file.h"
#include "common/log.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <deque>

namespace deploycast {

AuditLog::AuditLog(const QString &stateDirectory)
    : m_path(stateDirectory + u"/audit.log"_qs)
{
}

void AuditLog::record(const AuditEntry &entry)
{
    const QJsonObject line{{u"time"_qs, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                           {u"peer"_qs, entry.peer},
                           {u"tokenId"_qs, entry.tokenId},
                           {u"command"_qs, entry.command},
                           {u"targets"_qs, entry.targets},
                           {u"result"_qs, entry.result}};
    QFile file(m_path);
    // Created 0600 in one step: it names peers and token IDs.
    if (!file.open(QIODevice::Append, kOwnerOnly)
        || file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n') < 0 || !file.flush()) {
        qCCritical(lcState).noquote() << "cannot write the audit log" << m_path << ":" << file.errorString();
        return;
    }
    qCInfo(lcMgmt).noquote() << "audit:" << entry.peer << (entry.tokenId.isEmpty() ? u"-"_qs : entry.tokenId)
                             << entry.command << entry.targets << "->" << entry.result;
}

QCborArray AuditLog::last(int count) const
{
    QFile file(m_path);
    std::deque<QByteArray> lines;
    if (file.open(QIODevice::ReadOnly)) {
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                continue;
            lines.push_back(line);
            if (count > 0 && lines.size() > std::size_t(count))
                lines.pop_front();
        }
    }
    QCborArray result;
    for (const QByteArray &line : lines)
        result.append(QCborMap::fromJsonObject(QJsonDocument::fromJson(line).object()));
    return result;
}

} // namespace deploycast
