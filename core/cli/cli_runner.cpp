#include "cli_runner.h"

#include "client/management_client.h"
#include "domain/client_info.h"
#include "domain/session_info.h"
#include "protocol/messages.h"
#include "cli_text.h"
#include "common/printable.h"
#include "text_report.h"

#include <QCborArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace deploycast::cli {
namespace {

QList<ClientInfo> clientsFrom(const QCborValue &value)
{
    QList<ClientInfo> clients;
    for (const QCborValue &item : value.toArray())
        clients.append(ClientInfo::fromCbor(item.toMap()));
    return clients;
}

int exitCodeFor(const Error &error)
{
    if (error.code == QLatin1String(ClientErrorCode::Unreachable))
        return Exit::Unreachable;
    if (error.code == QLatin1String(ClientErrorCode::ConnectionLost) || error.code == QLatin1String(ErrorCode::MalformedFrame))
        return Exit::ConnectionLost;
    return Exit::Refused;
}

} // namespace

std::optional<QString> tokenFromEnvironment(const QString &tokenFile, Error *error)
{
    const QString environmentFile = qEnvironmentVariable("DEPLOYCAST_TOKEN_FILE");
    const QString path = !tokenFile.isEmpty() ? tokenFile : environmentFile;
    if (tokenFile.isEmpty() && qEnvironmentVariableIsSet("DEPLOYCAST_TOKEN"))
        return qEnvironmentVariable("DEPLOYCAST_TOKEN").trimmed();
    if (path.isEmpty())
        return QString(); // the local server's own token file, if any (ManagementClient)
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = {QLatin1String(ErrorCode::InvalidArgument),
                  CliText::tr("cannot read the token file %1: %2").arg(path, file.errorString())};
        return std::nullopt;
    }
    return QString::fromLatin1(file.readAll()).trimmed();
}

std::optional<HostPort> resolveServerSwitch(const QString &text, QString *error)
{
    const QString spec = text.isEmpty() ? qEnvironmentVariable("DEPLOYCAST_SERVER", u"127.0.0.1"_qs) : text;
    return parseHostPort(spec, proto::kDefaultPort, error);
}

CliRunner::CliRunner(const ParsedCommand &command, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_command(command)
    , m_out(out)
    , m_err(err)
{
}

void CliRunner::start()
{
    QString error;
    const std::optional<HostPort> server = resolveServerSwitch(m_command.value(u"Server"_qs), &error);
    if (!server) {
        m_err << "deploycast: " << error << Qt::endl;
        done(Exit::Usage);
        return;
    }
    m_server = *server;
    m_client = new ManagementClient(this);
    connect(m_client, &ManagementClient::ready, this, &CliRunner::execute);
    connect(m_client, &ManagementClient::failed, this, [this](const Error &failure) {
        m_err << "deploycast: " << printable(failure.message) << Qt::endl;
        done(exitCodeFor(failure));
    });
    ConnectOptions options;
    options.trustNew = m_command.has(u"TrustNew"_qs);
    Error tokenError;
    const std::optional<QString> token = tokenFromEnvironment(m_command.value(u"TokenFile"_qs), &tokenError);
    if (!token) {
        m_err << "deploycast: " << tokenError.message << Qt::endl;
        done(Exit::Usage);
        return;
    }
    options.token = *token;
    m_client->connectToServer(m_server.host, m_server.port, options);
}

bool CliRunner::json() const
{
    return m_command.value(u"Format"_qs) == u"Json"_qs;
}

void CliRunner::call(const QString &method, const QCborMap &params, std::function<int(const QCborMap &)> onResult)
{
    m_client->request(method, params, [this, onResult](const QCborMap &result, const Error &error) {
        if (!error.isNull()) {
            m_err << "deploycast: " << printable(error.message) << Qt::endl;
            done(exitCodeFor(error));
            return;
        }
        done(onResult(result));
    });
}

void CliRunner::execute()
{
    const QString name = m_command.command->name;
    const QString transmission = toText(SessionKind::Transmission);
    const QString nameSpace = toText(SessionKind::Namespace);
    const bool force = m_command.has(u"Force"_qs);
    const bool showClients = m_command.value(u"Show"_qs) == u"Clients"_qs;

    if (name == u"Disconnect-Client"_qs) {
        call(u"disconnectClients"_qs,
             {{u"ids"_qs, QCborArray{qint64(m_command.integer(u"ClientId"_qs))}}, {u"force"_qs, force}},
             [this](const QCborMap &r) { return printDisconnect(r); });
    } else if (name == u"Get-MulticastTransmission"_qs) {
        call(u"getSession"_qs,
             {{u"kind"_qs, transmission}, {u"name"_qs, m_command.value(u"FriendlyName"_qs)}, {u"withClients"_qs, showClients}},
             [this](const QCborMap &r) { return printSession(r, u"transmission"_qs); });
    } else if (name == u"Get-AllMulticastTransmissions"_qs) {
        call(u"listSessions"_qs,
             {{u"kind"_qs, transmission}, {u"withClients"_qs, showClients},
              {u"excludeDeactivated"_qs, m_command.has(u"ExcludeDeletePending"_qs)}},
             [this, showClients](const QCborMap &r) { return printSessions(r, u"transmissions"_qs, showClients); });
    } else if (name == u"New-MulticastTransmission"_qs || name == u"New-Namespace"_qs) {
        const bool isNamespace = name == u"New-Namespace"_qs;
        QCborMap params{{u"kind"_qs, isNamespace ? nameSpace : transmission},
                        {u"name"_qs, m_command.value(isNamespace ? u"Namespace"_qs : u"FriendlyName"_qs)},
                        {u"description"_qs, m_command.value(u"Description"_qs)},
                        {u"contentPath"_qs, m_command.value(isNamespace ? u"ConfigString"_qs : u"Image"_qs)},
                        {u"type"_qs, m_command.value(isNamespace ? u"NamespaceType"_qs : u"TransmissionType"_qs)},
                        {u"minClients"_qs, qint64(m_command.integer(u"Clients"_qs))},
                        {u"requireJoinToken"_qs, m_command.value(u"RequireJoinToken"_qs) == u"Yes"_qs}};
        if (isNamespace) {
            params[u"friendlyName"_qs] = m_command.value(u"FriendlyName"_qs);
            params[u"contentProvider"_qs] = m_command.value(u"ContentProvider"_qs);
        }
        if (m_command.has(u"Time"_qs))
            params[u"startTime"_qs] = m_command.time(u"Time"_qs).toUTC().toString(Qt::ISODate);
        call(u"createSession"_qs, params, [this](const QCborMap &r) {
            const SessionInfo info = SessionInfo::fromCbor(r.value(u"session"_qs).toMap());
            m_out << tr("Created:") << '\n' << sessionReport(info);
            return Exit::Success;
        });
    } else if (name == u"Start-MulticastTransmission"_qs || name == u"Start-Namespace"_qs) {
        const bool isNamespace = name == u"Start-Namespace"_qs;
        call(u"startSession"_qs,
             {{u"kind"_qs, isNamespace ? nameSpace : transmission},
              {u"name"_qs, m_command.value(isNamespace ? u"Namespace"_qs : u"FriendlyName"_qs)}},
             [this](const QCborMap &r) {
                 m_out << tr("Started %1.").arg(printable(r.value(u"session"_qs).toMap().value(u"name"_qs).toString())) << '\n';
                 return Exit::Success;
             });
    } else if (name == u"Remove-MulticastTransmission"_qs || name == u"Remove-Namespace"_qs) {
        const bool isNamespace = name == u"Remove-Namespace"_qs;
        const QString target = m_command.value(isNamespace ? u"Namespace"_qs : u"FriendlyName"_qs);
        call(u"removeSession"_qs,
             {{u"kind"_qs, isNamespace ? nameSpace : transmission}, {u"name"_qs, target}, {u"force"_qs, force}},
             [this, target](const QCborMap &r) {
                 if (r.value(u"removed"_qs).toBool())
                     m_out << tr("Removed %1.").arg(printable(target)) << '\n';
                 else
                     m_out << tr("%1 is deactivated: its clients finish, no new ones join, then it is removed.").arg(printable(target)) << '\n';
                 return Exit::Success;
             });
    } else if (name == u"Get-Namespace"_qs) {
        call(u"getSession"_qs,
             {{u"kind"_qs, nameSpace}, {u"name"_qs, m_command.value(u"Namespace"_qs)}, {u"withClients"_qs, showClients}},
             [this](const QCborMap &r) { return printSession(r, u"namespace"_qs); });
    } else if (name == u"Get-AllNamespaces"_qs) {
        const bool all = m_command.value(u"Show"_qs) == u"All"_qs;
        call(u"listSessions"_qs, {{u"kind"_qs, nameSpace}, {u"withClients"_qs, all}},
             [this, all](const QCborMap &r) { return printSessions(r, u"namespaces"_qs, all); });
    } else if (name == u"Get-Server"_qs && m_command.value(u"Show"_qs) == u"Snapshot"_qs) {
        call(u"subscribe"_qs, {}, [this](const QCborMap &r) { return printSnapshot(r); });
    } else if (name == u"Get-Server"_qs) {
        if (m_command.value(u"Format"_qs) == u"Cbor"_qs) {
            m_err << "deploycast: " << tr("/Format:Cbor goes with /Show:Snapshot only") << Qt::endl;
            done(Exit::Usage);
            return;
        }
        call(u"getServer"_qs, {}, [this](const QCborMap &r) { return printServer(r); });
    } else if (name == u"Set-Server"_qs) {
        QCborMap policy{{u"policy"_qs, m_command.value(u"Policy"_qs)},
                        {u"thresholdKBps"_qs, qint64(m_command.integer(u"Threshold"_qs))},
                        {u"fallback"_qs, m_command.value(u"Fallback"_qs) != u"No"_qs}};
        if (m_command.has(u"StreamCount"_qs))
            policy[u"streamCount"_qs] = m_command.value(u"StreamCount"_qs).toInt();
        call(u"setPolicy"_qs, policy, [this](const QCborMap &r) {
            m_out << tr("Slow-client policy: %1").arg(policyText(r.value(u"slowClientPolicy"_qs).toMap())) << '\n';
            return Exit::Success;
        });
    } else if (name == u"Get-AllFallbackClients"_qs) {
        call(u"listFallbackClients"_qs, {}, [this](const QCborMap &r) { return printFallbackClients(r); });
    } else if (name == u"Get-AuditLog"_qs) {
        call(u"getAuditLog"_qs, {{u"last"_qs, qint64(m_command.integer(u"Last"_qs))}},
             [this](const QCborMap &r) { return printAuditLog(r); });
    }
}

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
    QCborArray shown;
    for (const QCborValue &value : sessions) {
        const SessionInfo info = SessionInfo::fromCbor(value.toMap());
        if ((!provider.isEmpty() && info.contentProvider.compare(provider, Qt::CaseInsensitive) != 0)
            || (activeOnly && info.state != SessionState::Active))
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

void CliRunner::done(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_out.flush();
    m_err.flush();
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT finished(exitCode); });
}

} // namespace deploycast::cli
