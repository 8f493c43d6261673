// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_runner.h"

#include "cli_text.h"
#include "client/management_client.h"
#include "common/cbor_values.h"
#include "common/printable.h"
#include "domain/client_info.h"
#include "domain/history_entry.h"
#include "text_report.h"

#include <QCborArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

// What the commands print: tables by default, the protocol's maps under /Format:Json.
namespace deploycast::cli {
namespace {

QList<ClientInfo> clientsFrom(const QCborValue &value)
{
    QList<ClientInfo> clients;
    for (const QCborValue &item : value.toArray())
        clients.append(ClientInfo::fromCbor(item.toMap()));
    return clients;
}

} // namespace

int CliRunner::printAuditLog(const QCborMap &result)
{
    const QCborArray entries = result.value(u"entries"_qs).toArray();
    if (json()) {
        printJson({{u"server"_qs, m_client->serverName()}, {u"entries"_qs, entries}});
        return Exit::Success;
    }
    m_out << tr("Audit log of server %1:").arg(printable(m_client->serverName())) << '\n';
    for (const QCborValue &value : entries) {
        const QCborMap entry = value.toMap();
        auto field = [&entry](const char *key) {
            const QString text = entry.value(QLatin1String(key)).toString();
            return text.isEmpty() ? u"-"_qs : printable(text);
        };
        m_out << field("time") << "  " << field("peer") << "  token " << field("tokenId") << "  " << field("command")
              << ' ' << field("targets") << "  -> " << field("result") << '\n';
    }
    if (entries.isEmpty())
        m_out << "    " << tr("No entries.") << '\n';
    return Exit::Success;
}

int CliRunner::printHistory(const QCborMap &result)
{
    const QCborArray entries = result.value(u"history"_qs).toArray();
    if (json()) {
        printJson({{u"server"_qs, m_client->serverName()}, {u"history"_qs, entries}});
        return Exit::Success;
    }
    m_out << tr("History of server %1:").arg(printable(m_client->serverName())) << '\n';
    for (const QCborValue &value : entries) {
        const std::optional<HistoryEntry> entry = HistoryEntry::fromCbor(value.toMap());
        if (entry)
            m_out << "    " << printable(historyLine(*entry)) << '\n';
    }
    if (entries.isEmpty())
        m_out << "    " << tr("No entries.") << '\n';
    return Exit::Success;
}

int CliRunner::printDisconnect(const QCborMap &result)
{
    const QCborMap outcome = result.value(u"results"_qs).toArray().first().toMap();
    const QString message = outcome.value(u"message"_qs).toString();
    if (outcome.value(u"result"_qs).toString() == u"done"_qs) {
        m_out << printable(message) << ".\n";
        return Exit::Success;
    }
    m_err << "deploycast: " << printable(message) << Qt::endl;
    return Exit::Refused;
}

int CliRunner::printSession(const QCborMap &result, const QString &jsonKey)
{
    const QCborMap session = result.value(u"session"_qs).toMap();
    if (json()) {
        printJson({{u"server"_qs, m_client->serverName()}, {jsonKey, session}});
        return Exit::Success;
    }
    m_out << sessionReport(SessionInfo::fromCbor(session));
    if (session.contains(u"clients"_qs))
        m_out << clientTable(clientsFrom(session.value(u"clients"_qs)), QDateTime::currentDateTimeUtc(), false);
    return Exit::Success;
}

int CliRunner::printSessions(const QCborMap &result, const QString &jsonKey, bool withClients)
{
    QCborArray sessions = result.value(u"sessions"_qs).toArray();
    const QString provider = m_command.value(u"ContentProvider"_qs);
    const bool activeOnly = m_command.value(u"Show"_qs) == u"ActiveOnly"_qs;
    // /Show:Boot or /Show:Install: transmissions of that type of image (one
    // made from a store path counts as Install).
    const std::optional<ImageType> imageType = imageTypeFromString(m_command.value(u"Show"_qs));
    QCborArray shown;
    for (const QCborValue &value : sessions) {
        const SessionInfo info = SessionInfo::fromCbor(value.toMap());
        if ((!provider.isEmpty() && info.contentProvider.compare(provider, Qt::CaseInsensitive) != 0)
            || (activeOnly && info.state != SessionState::Active)
            || (imageType && (info.catalogImage ? info.catalogImage->type : ImageType::Install) != *imageType))
            continue;
        shown.append(value);
    }
    if (json()) {
        printJson({{u"server"_qs, m_client->serverName()}, {jsonKey, shown}});
        return Exit::Success;
    }
    const QString where = QStringLiteral("%1 (%2:%3)").arg(printable(m_client->serverName()), m_server.host).arg(m_server.port);
    m_out << (jsonKey == u"namespaces"_qs ? tr("Information about namespaces on server %1:").arg(where)
                                           : tr("Information about multicast transmissions on server %1:").arg(where))
          << "\n\n";
    if (shown.isEmpty())
        m_out << "    " << tr("None.") << '\n';
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QCborValue &value : std::as_const(shown)) {
        const QCborMap session = value.toMap();
        m_out << sessionReport(SessionInfo::fromCbor(session));
        if (withClients)
            m_out << clientTable(clientsFrom(session.value(u"clients"_qs)), now, false);
        m_out << '\n';
    }
    return Exit::Success;
}

int CliRunner::printImages(const QCborArray &images, bool detailed, const QString &title)
{
    if (json()) {
        printJson({{u"server"_qs, m_client->serverName()}, {u"images"_qs, images}});
        return Exit::Success;
    }
    m_out << title.arg(printable(m_client->serverName())) << "\n\n";
    if (images.isEmpty())
        m_out << "    " << tr("None.") << '\n';
    for (const QCborValue &value : images) {
        const QCborMap image = value.toMap();
        m_out << imageReport(image, detailed) << '\n';
    }
    return Exit::Success;
}

int CliRunner::printImageGroups(const QCborArray &groups, const QCborArray &images, bool detailed)
{
    if (json()) {
        QCborArray shown;
        for (const QCborValue &value : groups) {
            QCborMap group = value.toMap();
            QCborArray members;
            for (const QCborValue &image : images)
                if (image.toMap().value(u"group"_qs).toString() == group.value(u"name"_qs).toString())
                    members.append(image);
            group[u"images"_qs] = members;
            shown.append(group);
        }
        printJson({{u"server"_qs, m_client->serverName()}, {u"groups"_qs, shown}});
        return Exit::Success;
    }
    m_out << tr("Image groups on server %1:").arg(printable(m_client->serverName())) << "\n\n";
    if (groups.isEmpty())
        m_out << "    " << tr("None.") << '\n';
    for (const QCborValue &value : groups) {
        const QString name = value.toMap().value(u"name"_qs).toString();
        m_out << tr("Image group: %1 (%2 images)").arg(printable(name)).arg(integerOf(value.toMap().value(u"imageCount"_qs))) << '\n';
        if (const QString security = value.toMap().value(u"security"_qs).toString(); !security.isEmpty())
            m_out << "    " << tr("Security: %1").arg(printable(security)) << '\n';
        for (const QCborValue &value : images) {
            const QCborMap image = value.toMap();
            if (image.value(u"group"_qs).toString() != name)
                continue;
            if (detailed)
                m_out << imageReport(image, true);
            else
                m_out << "    " << printable(image.value(u"name"_qs).toString()) << "  ("
                      << printable(image.value(u"fileName"_qs).toString()) << ")\n";
        }
        m_out << '\n';
    }
    return Exit::Success;
}

int CliRunner::printTransport(const QCborMap &result)
{
    const QCborMap config = result.value(u"server"_qs).toMap();
    if (json())
        printJson({{u"server"_qs, config.value(u"name"_qs)},
                   {u"transport"_qs, config.value(u"transport"_qs)},
                   {u"slowClientPolicy"_qs, config.value(u"slowClientPolicy"_qs)},
                   {u"maxRate"_qs, config.value(u"maxRate"_qs)}});
    else
        m_out << transportConfigReport(config);
    return Exit::Success;
}

int CliRunner::printServer(const QCborMap &result)
{
    const QCborMap config = result.value(u"server"_qs).toMap();
    if (json())
        printJson({{u"server"_qs, config}});
    else
        m_out << serverConfigReport(config);
    return Exit::Success;
}

int CliRunner::printSnapshot(QCborMap snapshot)
{
    // The moment of recording, so a replay can freeze its clock there.
    snapshot[u"recordedAt"_qs] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (m_command.value(u"Format"_qs) == u"Cbor"_qs) {
        m_out.flush();
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(snapshot.toCborValue().toCbor()) < 0) {
            m_err << "deploycast: " << tr("cannot write the snapshot to standard output") << Qt::endl;
            return Exit::Refused;
        }
        return Exit::Success;
    }
    if (json()) {
        printJson(snapshot);
        return Exit::Success;
    }
    const QCborMap server = snapshot.value(u"server"_qs).toMap();
    m_out << tr("Snapshot of %1: %2 sessions, %3 clients (use /Format:Cbor to record it).")
                 .arg(printable(server.value(u"name"_qs).toString()))
                 .arg(snapshot.value(u"sessions"_qs).toArray().size())
                 .arg(snapshot.value(u"clients"_qs).toArray().size())
          << '\n';
    return Exit::Success;
}

int CliRunner::printFallbackClients(const QCborMap &result)
{
    if (json()) {
        printJson({{u"server"_qs, m_client->serverName()}, {u"clients"_qs, result.value(u"clients"_qs)}});
        return Exit::Success;
    }
    const QList<ClientInfo> clients = clientsFrom(result.value(u"clients"_qs));
    m_out << tr("Clients finishing by unicast on server %1:").arg(printable(m_client->serverName())) << '\n'
          << clientTable(clients, QDateTime::currentDateTimeUtc(), true);
    return Exit::Success;
}

void CliRunner::printJson(const QCborMap &document)
{
    m_out << QJsonDocument(document.toJsonObject()).toJson(QJsonDocument::Indented);
}


} // namespace deploycast::cli
