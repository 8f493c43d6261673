// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_runner.h"

#include "cli_text.h"
#include "common/printable.h"
#include "domain/session_request.h"
#include "protocol/messages.h"
#include "security/trust_store.h"
#include "text_report.h"

#include <QTimer>

// What each command asks the server (CommandSpec::run names these).
namespace deploycast::cli {
namespace {

// How long /Get-AllServers waits for each server.
constexpr int kServerTimeoutMs = 10'000;

} // namespace

bool CliRunner::isNamespaceCommand() const
{
    return m_command.command->name.endsWith(u"Namespace"_qs);
}

SessionKind CliRunner::kind() const
{
    return isNamespaceCommand() ? SessionKind::Namespace : SessionKind::Transmission;
}

QString CliRunner::sessionName() const
{
    return m_command.value(isNamespaceCommand() ? u"Namespace"_qs : u"FriendlyName"_qs);
}

ImageQuery CliRunner::imageQuery() const
{
    ImageQuery query;
    query.type = imageTypeFromString(m_command.value(u"ImageType"_qs)).value_or(ImageType::Install);
    query.name = m_command.value(u"Image"_qs);
    query.group = m_command.value(u"ImageGroup"_qs);
    query.architecture = m_command.value(u"Architecture"_qs);
    query.fileName = m_command.value(u"Filename"_qs);
    return query;
}

std::optional<QCborMap> CliRunner::sessionReference()
{
    if (isNamespaceCommand())
        return api::sessionRef(SessionKind::Namespace, sessionName());
    const bool byName = m_command.has(u"FriendlyName"_qs);
    const bool byImage = m_command.has(u"Image"_qs);
    if (byName == byImage) {
        usageError(tr("/%1 needs the transmission's image (/Image:<name> /ImageType:{Boot|Install}) or its "
                      "/FriendlyName, not both").arg(m_command.command->name));
        return std::nullopt;
    }
    if (byImage && !m_command.has(u"ImageType"_qs)) {
        usageError(tr("/Image needs /ImageType:{Boot|Install}"));
        return std::nullopt;
    }
    return byImage ? api::sessionRef(imageQuery()) : api::sessionRef(SessionKind::Transmission, sessionName());
}

void CliRunner::runDisconnectClient()
{
    call(api::Method::DisconnectClients, api::disconnectRequest({m_command.integer(u"ClientId"_qs)}, m_command.has(u"Force"_qs)),
         [this](const QCborMap &r) { return printDisconnect(r); });
}

void CliRunner::runGetSession()
{
    std::optional<QCborMap> params = sessionReference();
    if (!params)
        return;
    (*params)[u"withClients"_qs] = m_command.value(u"Show"_qs) == u"Clients"_qs || m_command.has(u"Details"_qs);
    const QString jsonKey = isNamespaceCommand() ? u"namespace"_qs : u"transmission"_qs;
    call(api::Method::GetSession, *params, [this, jsonKey](const QCborMap &r) { return printSession(r, jsonKey); });
}

void CliRunner::runGetAllTransmissions()
{
    const QString show = m_command.value(u"Show"_qs);
    const bool withClients = show == u"Clients"_qs || m_command.has(u"Details"_qs);
    call(api::Method::ListSessions,
         {{u"kind"_qs, toText(SessionKind::Transmission)}, {u"withClients"_qs, withClients},
          {u"excludeDeactivated"_qs, m_command.has(u"ExcludeDeletePending"_qs)}},
         [this, withClients](const QCborMap &r) { return printSessions(r, u"transmissions"_qs, withClients); });
}

void CliRunner::runNewSession()
{
    const bool isNamespace = isNamespaceCommand();
    if (isNamespace && !m_command.has(u"ConfigString"_qs)
        && m_command.value(u"ContentProvider"_qs).compare(u"file"_qs, Qt::CaseInsensitive) == 0) {
        usageError(tr("/New-Namespace needs /ConfigString:<path>: for the 'file' content provider, the file's path "
                      "in the image store"));
        return;
    }
    SessionRequest request;
    request.kind = kind();
    request.name = sessionName();
    request.description = m_command.value(u"Description"_qs);
    if (!isNamespace && m_command.has(u"ImageType"_qs))
        request.image = imageQuery(); // a catalog image, as WDS names it
    else
        request.contentPath = m_command.value(isNamespace ? u"ConfigString"_qs : u"Image"_qs);
    request.type = castTypeFromString(m_command.value(isNamespace ? u"NamespaceType"_qs : u"TransmissionType"_qs))
                       .value_or(CastType::AutoCast);
    request.minClients = int(std::min<quint32>(m_command.integer(u"Clients"_qs), 1'000'000));
    request.requireJoinToken = m_command.value(u"RequireJoinToken"_qs) == u"Yes"_qs;
    if (isNamespace) {
        request.friendlyName = m_command.value(u"FriendlyName"_qs);
        request.contentProvider = m_command.value(u"ContentProvider"_qs);
    }
    if (m_command.has(u"Time"_qs))
        request.startTime = m_command.time(u"Time"_qs);
    call(api::Method::CreateSession, request.toCbor(), [this](const QCborMap &r) {
        const SessionInfo info = SessionInfo::fromCbor(r.value(u"session"_qs).toMap());
        m_out << tr("Created:") << '\n' << sessionReport(info);
        return Exit::Success;
    });
}

void CliRunner::runStartSession()
{
    const std::optional<QCborMap> params = sessionReference();
    if (!params)
        return;
    call(api::Method::StartSession, *params, [this](const QCborMap &r) {
        m_out << tr("Started %1.").arg(printable(r.value(u"session"_qs).toMap().value(u"name"_qs).toString())) << '\n';
        return Exit::Success;
    });
}

void CliRunner::runRemoveSession()
{
    std::optional<QCborMap> params = sessionReference();
    if (!params)
        return;
    (*params)[u"force"_qs] = m_command.has(u"Force"_qs);
    call(api::Method::RemoveSession, *params, [this](const QCborMap &r) {
        const QString target = printable(r.value(u"name"_qs).toString());
        if (r.value(u"removed"_qs).toBool())
            m_out << tr("Removed %1.").arg(target) << '\n';
        else
            m_out << tr("%1 is deactivated: its clients finish, no new ones join, then it is removed.").arg(target) << '\n';
        return Exit::Success;
    });
}

void CliRunner::runGetAllNamespaces()
{
    const QString show = m_command.value(u"Show"_qs);
    const bool withClients = show == u"All"_qs || show == u"Clients"_qs || m_command.has(u"Details"_qs);
    call(api::Method::ListSessions,
         {{u"kind"_qs, toText(SessionKind::Namespace)}, {u"withClients"_qs, withClients},
          {u"excludeDeactivated"_qs, m_command.has(u"ExcludeDeletePending"_qs)}},
         [this, withClients](const QCborMap &r) { return printSessions(r, u"namespaces"_qs, withClients); });
}

void CliRunner::runGetServer()
{
    const QString show = m_command.value(u"Show"_qs);
    if (show == u"Images"_qs || show == u"All"_qs) {
        callThen(api::Method::GetServer, {}, [this, show](const QCborMap &server) {
            call(api::Method::ListImages, {}, [this, show, server](const QCborMap &r) {
                const QCborArray images = r.value(u"images"_qs).toArray();
                if (json()) {
                    QCborMap document{{u"server"_qs, server.value(u"server"_qs)}, {u"images"_qs, images}};
                    if (show == u"Images"_qs)
                        document[u"server"_qs] = m_client->serverName();
                    printJson(document);
                    return Exit::Success;
                }
                if (show == u"All"_qs)
                    m_out << serverConfigReport(server.value(u"server"_qs).toMap()) << '\n';
                return printImages(images, m_command.has(u"Detailed"_qs), tr("Images on server %1:"));
            });
        });
        return;
    }
    if (show == u"Snapshot"_qs) {
        call(api::Method::Subscribe, {}, [this](const QCborMap &r) { return printSnapshot(r); });
        return;
    }
    if (m_command.value(u"Format"_qs) == u"Cbor"_qs) {
        usageError(tr("/Format:Cbor goes with /Show:Snapshot only"));
        return;
    }
    call(api::Method::GetServer, {}, [this](const QCborMap &r) { return printServer(r); });
}

void CliRunner::runGetTransportServer()
{
    call(api::Method::GetServer, {}, [this](const QCborMap &r) { return printTransport(r); });
}

void CliRunner::runControlTransport()
{
    const QString command = m_command.command->name;
    const QString action = command.startsWith(u"Start-"_qs) ? u"start"_qs
        : command.startsWith(u"Stop-"_qs)                 ? u"stop"_qs
        : command.startsWith(u"Enable-"_qs)               ? u"enable"_qs
                                                          : u"disable"_qs;
    call(api::Method::ControlTransport, {{u"action"_qs, action}}, [this](const QCborMap &r) {
        const bool running = r.value(u"running"_qs).toBool();
        const bool enabled = r.value(u"enabled"_qs).toBool();
        m_out << (running ? tr("The transport server of %1 is running.") : tr("The transport server of %1 is stopped.")).arg(printable(m_client->serverName()))
              << ' ' << (enabled ? tr("It is enabled.") : tr("It is disabled: it stays stopped until enabled, across restarts."))
              << '\n';
        return Exit::Success;
    });
}

void CliRunner::runGetAllServers()
{
    m_connectedTarget = QStringLiteral("%1:%2").arg(m_server.host).arg(m_server.port);
    QStringList targets{m_connectedTarget};
    for (const QString &known : TrustStore::knownTargets())
        if (!targets.contains(known, Qt::CaseInsensitive))
            targets.append(known);
    showNextServer(targets, true);
}

void CliRunner::showNextServer(QStringList targets, bool allReached)
{
    if (targets.isEmpty()) {
        if (json())
            printJson({{u"servers"_qs, m_serverReports}});
        done(allReached ? Exit::Success : Exit::Unreachable);
        return;
    }
    const QString target = targets.takeFirst();
    auto *client = new ManagementClient(this);
    // Whatever happens to this server (its answers, or its connection
    // failing, even after an answer), the next one is asked once.
    auto settled = std::make_shared<bool>(false);
    auto next = [this, client, settled, targets, allReached](bool reached) {
        if (std::exchange(*settled, true))
            return;
        client->disconnect(this);
        client->deleteLater();
        showNextServer(targets, allReached && reached);
    };
    auto failed = [this, target, next, settled](const QString &why) {
        if (*settled)
            return; // answered already (a late failure or time-out)
        m_serverReports.append(QCborMap{{u"target"_qs, target}, {u"error"_qs, why}});
        if (!json())
            m_out << tr("Server %1: %2").arg(printable(target), printable(why)) << "\n\n";
        next(false);
    };
    auto show = [this, target, next](const QCborMap &server, const std::optional<QCborArray> &images) {
        QCborMap report{{u"target"_qs, target}, {u"server"_qs, server}};
        if (images)
            report[u"images"_qs] = *images;
        m_serverReports.append(report);
        if (!json()) {
            if (m_command.value(u"Show"_qs) != u"Images"_qs)
                m_out << serverConfigReport(server);
            else
                m_out << tr("Server %1:").arg(printable(server.value(u"name"_qs).toString())) << '\n';
            for (const QCborValue &image : images.value_or(QCborArray()))
                m_out << imageReport(image.toMap(), m_command.has(u"Detailed"_qs));
            m_out << '\n';
        }
        next(true);
    };
    connect(client, &ManagementClient::failed, this, [failed](const Error &e) { failed(localizedMessage(e)); });
    connect(client, &ManagementClient::ready, this, [this, client, failed, show] {
        client->request(api::methodName(api::Method::GetServer), {}, [this, client, failed, show](const QCborMap &r, const Error &e) {
            if (!e.isNull())
                return failed(localizedMessage(e));
            const QCborMap server = r.value(u"server"_qs).toMap();
            if (m_command.value(u"Show"_qs) == u"Config"_qs)
                return show(server, std::nullopt);
            client->request(api::methodName(api::Method::ListImages), {}, [failed, show, server](const QCborMap &images, const Error &listError) {
                if (!listError.isNull())
                    return failed(localizedMessage(listError));
                show(server, images.value(u"images"_qs).toArray());
            });
        });
    });
    QString error;
    const std::optional<HostPort> address = parseHostPort(target, proto::kDefaultPort, &error);
    if (!address) {
        failed(error);
        return;
    }
    // The token given is for the server named (/Server): the others get only
    // what this machine has for them (their own token file, if local).
    ConnectOptions options = m_connectOptions;
    if (target != m_connectedTarget)
        options.token.clear();
    // A host that does not answer is listed as such rather than waited for.
    QTimer::singleShot(kServerTimeoutMs, client, [failed] { failed(tr("no answer within %1 s").arg(kServerTimeoutMs / 1000)); });
    client->connectToServer(address->host, address->port, options);
}

// /Set-TransportServer and /Set-Server /Transport: the range and profile in
// one request, then the policy in another; nothing is sent if either part is
// malformed.
void CliRunner::runSetTransportServer()
{
    QCborMap transport;
    if (m_command.value(u"ObtainIpv4From"_qs) == u"Dhcp"_qs) {
        usageError(tr("/ObtainIpv4From:Dhcp (MADCAP) is not supported; give /ObtainIpv4From:Range /Start:<address> /End:<address>"));
        return;
    }
    const bool ipv4 = m_command.has(u"ObtainIpv4From"_qs);
    const bool ipv6 = m_command.has(u"ObtainIpv6From"_qs);
    if (ipv4 && ipv6) {
        usageError(tr("/Start and /End belong to one range: set /ObtainIpv4From and /ObtainIpv6From in two commands"));
        return;
    }
    if (ipv4 || ipv6) {
        const QString which = ipv4 ? u"/ObtainIpv4From"_qs : u"/ObtainIpv6From"_qs;
        if (!m_command.has(u"Start"_qs) || !m_command.has(u"End"_qs)) {
            usageError(tr("%1:Range needs /Start:<address> and /End:<address>").arg(which));
            return;
        }
        transport[ipv4 ? u"ipv4Start"_qs : u"ipv6Start"_qs] = m_command.value(u"Start"_qs);
        transport[ipv4 ? u"ipv4End"_qs : u"ipv6End"_qs] = m_command.value(u"End"_qs);
    } else if (m_command.has(u"Start"_qs) || m_command.has(u"End"_qs)) {
        usageError(tr("/Start and /End go with /ObtainIpv4From:Range or /ObtainIpv6From:Range"));
        return;
    }
    if (m_command.has(u"StartPort"_qs) != m_command.has(u"EndPort"_qs)) {
        usageError(tr("/StartPort and /EndPort go together"));
        return;
    }
    if (m_command.has(u"StartPort"_qs)) {
        transport[u"startPort"_qs] = qint64(m_command.integer(u"StartPort"_qs));
        transport[u"endPort"_qs] = qint64(m_command.integer(u"EndPort"_qs));
    }
    if (m_command.has(u"Profile"_qs))
        transport[u"profile"_qs] = m_command.value(u"Profile"_qs);

    const bool setsPolicy = m_command.has(u"MulticastSessionPolicy"_qs);
    if (setsPolicy != m_command.has(u"Policy"_qs)) {
        usageError(tr("/MulticastSessionPolicy and /Policy go together"));
        return;
    }
    QCborMap policy{{u"policy"_qs, m_command.value(u"Policy"_qs)},
                    {u"thresholdKBps"_qs, qint64(m_command.integer(u"Threshold"_qs))},
                    {u"fallback"_qs, m_command.value(u"Fallback"_qs) != u"No"_qs}};
    if (m_command.has(u"StreamCount"_qs))
        policy[u"streamCount"_qs] = m_command.value(u"StreamCount"_qs).toInt();
    if (transport.isEmpty() && !setsPolicy) {
        usageError(tr("/%1 needs something to set: /ObtainIpv4From, /ObtainIpv6From, /StartPort, /Profile or /MulticastSessionPolicy")
                       .arg(m_command.command->name));
        return;
    }

    auto setPolicy = [this, setsPolicy, policy] {
        if (!setsPolicy) {
            done(Exit::Success);
            return;
        }
        call(api::Method::SetPolicy, policy, [this](const QCborMap &r) {
            m_out << tr("Slow-client policy: %1").arg(policyText(r.value(u"slowClientPolicy"_qs).toMap())) << '\n';
            return Exit::Success;
        });
    };
    if (transport.isEmpty()) {
        setPolicy();
        return;
    }
    callThen(api::Method::SetTransport, transport, [this, setPolicy](const QCborMap &r) {
        m_out << transportSettingsText(r.value(u"transport"_qs).toMap());
        setPolicy();
    });
}

void CliRunner::runGetAllFallbackClients()
{
    call(api::Method::ListFallbackClients, {}, [this](const QCborMap &r) { return printFallbackClients(r); });
}

void CliRunner::runGetAuditLog()
{
    call(api::Method::GetAuditLog, {{u"last"_qs, qint64(m_command.integer(u"Last"_qs))}},
         [this](const QCborMap &r) { return printAuditLog(r); });
}

void CliRunner::runGetHistory()
{
    QCborMap params{{u"count"_qs, m_command.has(u"Count"_qs) ? qint64(m_command.integer(u"Count"_qs)) : 50}};
    if (m_command.has(u"ClientId"_qs))
        params[u"clientId"_qs] = qint64(m_command.integer(u"ClientId"_qs));
    call(api::Method::GetHistory, params, [this](const QCborMap &r) { return printHistory(r); });
}

} // namespace deploycast::cli
