#include "command_spec.h"

#include "cli_runner.h"
#include "cli_text.h"

namespace deploycast::cli {
namespace {

SwitchSpec server()
{
    return {u"Server"_qs, ValueKind::Text, false, {}, u"<name>[:<port>]"_qs,
            CliText::tr("The server: a host name or IP address, with an optional port (default 7405). "
            "Without it, the local server at 127.0.0.1:7405 (or $DEPLOYCAST_SERVER).")};
}

SwitchSpec format()
{
    return {u"Format"_qs, ValueKind::Choice, false, {u"Table"_qs, u"Json"_qs}, {},
            CliText::tr("Output as a readable table (default) or as JSON for scripts (docs/cli.md has the shape).")};
}

SwitchSpec text(const char *name, bool required, const char *hint, const QString &help)
{
    return {QLatin1String(name), ValueKind::Text, required, {}, QLatin1String(hint), help};
}

SwitchSpec flag(const char *name, const QString &help)
{
    return {QLatin1String(name), ValueKind::Flag, false, {}, {}, help};
}

SwitchSpec castType(const char *name)
{
    return {QLatin1String(name), ValueKind::Choice, true, {u"AutoCast"_qs, u"ScheduledCast"_qs}, {},
            CliText::tr("AutoCast starts when the first client joins; ScheduledCast starts at /Time, or once /Clients "
            "clients have joined, whichever comes first, or when started by hand.")};
}

SwitchSpec startTime()
{
    return {u"Time"_qs, ValueKind::Time, false, {}, u"YYYY/MM/DD:hh:mm"_qs,
            CliText::tr("ScheduledCast only: when to start, in the server's local time.")};
}

SwitchSpec requireJoinToken()
{
    return {u"RequireJoinToken"_qs, ValueKind::Choice, false, {u"Yes"_qs, u"No"_qs}, {},
            CliText::tr("Yes: receivers must give the join token that the server makes for it (shown to admins "
                        "only; deploycast-receive --join-token). Default: No.")};
}

SwitchSpec clientCount()
{
    return {u"Clients"_qs, ValueKind::Integer, false, {}, u"<n>"_qs,
            CliText::tr("ScheduledCast only: start once this many clients have joined.")};
}

// /Set-TransportServer's switches; /Set-Server takes them after /Transport.
QList<SwitchSpec> transportSwitches(bool withTransportFlag)
{
    QList<SwitchSpec> switches;
    if (withTransportFlag)
        switches.append(flag("Transport", CliText::tr("The transport server's settings follow (as in WDSUTIL; "
                                                      "they are the only settings /Set-Server has).")));
    switches += {
        {u"ObtainIpv4From"_qs, ValueKind::Choice, false, {u"Range"_qs, u"Dhcp"_qs}, {},
         CliText::tr("Range: new transmissions take their group from /Start to /End. Dhcp (MADCAP) is not supported.")},
        text("Start", false, "<address>", CliText::tr("With /ObtainIpv4From:Range: the first multicast address, e.g. 239.0.0.1.")),
        text("End", false, "<address>", CliText::tr("With /ObtainIpv4From:Range: the last multicast address.")),
        {u"StartPort"_qs, ValueKind::Integer, false, {}, u"<port>"_qs,
         CliText::tr("The first UDP port for new transmissions (1024-65535; default 64001), with /EndPort.")},
        {u"EndPort"_qs, ValueKind::Integer, false, {}, u"<port>"_qs, CliText::tr("The last UDP port (default 65000).")},
        {u"Profile"_qs, ValueKind::Choice, false, {u"10Mbps"_qs, u"100Mbps"_qs, u"1Gbps"_qs, u"Custom"_qs}, {},
         CliText::tr("The network profile: each new transmission is capped for a network of that speed; Custom "
                     "(the default) uses deploycastd's --max-rate.")},
        flag("MulticastSessionPolicy", CliText::tr("Set the policy for slow clients, with /Policy.")),
        {u"Policy"_qs, ValueKind::Choice, false, {u"None"_qs, u"AutoDisconnect"_qs, u"Multistream"_qs}, {},
         CliText::tr("None: one stream, paced for everyone. AutoDisconnect: when clients receive below "
                     "/Threshold for 5 s, the slowest is disconnected. Multistream: the slowest is moved to a slower "
                     "stream instead (one per /StreamCount), keeping what it has.")},
        {u"Threshold"_qs, ValueKind::Integer, false, {}, u"<KBps>"_qs,
         CliText::tr("The slowest rate, in KB/s, that clients may receive at: required for AutoDisconnect; for "
                     "Multistream, default 1000.")},
        {u"StreamCount"_qs, ValueKind::Choice, false, {u"2"_qs, u"3"_qs}, {},
         CliText::tr("Multistream: how many streams: 2 (fast, slow; the default) or 3 (fast, medium, slow).")},
        {u"Fallback"_qs, ValueKind::Choice, false, {u"Yes"_qs, u"No"_qs}, {},
         CliText::tr("Whether a disconnected client finishes by unicast (if it supports it) or fails. Default: Yes.")},
        server(),
    };
    return switches;
}

QList<CommandSpec> buildSpecs()
{
    const SwitchSpec transmissionName = text("FriendlyName", true, "<name>", CliText::tr("The friendly name of the transmission."));
    const SwitchSpec namespaceName = text("Namespace", true, "<name>", CliText::tr("The namespace's unique name."));
    const SwitchSpec showClients{u"Show"_qs, ValueKind::Choice, false, {u"Clients"_qs}, {},
                                 CliText::tr("Also list the connected clients.")};
    return {
        {u"Disconnect-Client"_qs,
         CliText::tr("Disconnects a client from a multicast transmission or namespace."),
         {{u"ClientId"_qs, ValueKind::Integer, true, {}, u"<id>"_qs,
           CliText::tr("The client's ID, as /Get-MulticastTransmission /Show:Clients lists it.")},
          flag("Force", CliText::tr("Stop the transfer at once with no fallback; the client reports failure. Without it, a "
                        "client that supports fallback finishes by unicast, and one that does not fails.")),
          server()},
         {u"deploycast /Disconnect-Client /ClientId:1"_qs,
          u"deploycast /Disconnect-Client /Server:MyWDSServer /ClientId:1 /Force"_qs},
         &CliRunner::runDisconnectClient},
        {u"Get-MulticastTransmission"_qs,
         CliText::tr("Shows one multicast transmission."),
         {transmissionName, showClients, server(), format()},
         {u"deploycast /Get-MulticastTransmission /FriendlyName:\"Win11 Lab\" /Show:Clients"_qs},
         &CliRunner::runGetSession},
        {u"Get-AllMulticastTransmissions"_qs,
         CliText::tr("Shows every multicast transmission on the server."),
         {showClients, flag("ExcludeDeletePending", CliText::tr("Leave out transmissions that are being removed (Deactivated).")),
          server(), format()},
         {u"deploycast /Get-AllMulticastTransmissions /Show:Clients /Format:Json"_qs},
         &CliRunner::runGetAllTransmissions},
        {u"New-MulticastTransmission"_qs,
         CliText::tr("Creates a multicast transmission of an image in the server's image store."),
         {transmissionName,
          text("Image", true, "<path>", CliText::tr("The image file, relative to the server's image store. Paths that leave the store are refused.")),
          castType("TransmissionType"), startTime(), clientCount(),
          text("Description", false, "<text>", CliText::tr("A description.")), requireJoinToken(), server()},
         {u"deploycast /New-MulticastTransmission /FriendlyName:Lab /Image:win11.img /TransmissionType:AutoCast"_qs,
          u"deploycast /New-MulticastTransmission /FriendlyName:Night /Image:win11.img /TransmissionType:ScheduledCast /Time:2026/12/01:22:00 /Clients:20"_qs},
         &CliRunner::runNewSession},
        {u"Start-MulticastTransmission"_qs,
         CliText::tr("Starts a ScheduledCast transmission now, whatever its start conditions."),
         {transmissionName, server()},
         {u"deploycast /Start-MulticastTransmission /FriendlyName:Night"_qs},
         &CliRunner::runStartSession},
        {u"Remove-MulticastTransmission"_qs,
         CliText::tr("Removes a multicast transmission."),
         {transmissionName,
          flag("Force", CliText::tr("Stop every client at once. Without it, current clients finish and no new ones join "
                        "(the transmission shows as Deactivated until then).")),
          server()},
         {u"deploycast /Remove-MulticastTransmission /FriendlyName:Lab /Force"_qs},
         &CliRunner::runRemoveSession},
        {u"New-Namespace"_qs,
         CliText::tr("Creates a namespace: content other than an OS image, multicast like a transmission."),
         {text("FriendlyName", true, "<name>", CliText::tr("The namespace's friendly name.")),
          namespaceName,
          text("ContentProvider", true, "<name>", CliText::tr("The content provider. This server has 'file', which serves a file from the image store.")),
          text("ConfigString", false, "<string>", CliText::tr("The provider's configuration: for 'file', the file's path in the image store.")),
          castType("NamespaceType"), startTime(), clientCount(),
          text("Description", false, "<text>", CliText::tr("A description.")), requireJoinToken(), server()},
         {u"deploycast /New-Namespace /FriendlyName:\"Drivers\" /Namespace:drivers /ContentProvider:file /ConfigString:drivers.tar /NamespaceType:AutoCast"_qs},
         &CliRunner::runNewSession},
        {u"Get-Namespace"_qs,
         CliText::tr("Shows one namespace."),
         {namespaceName, showClients, server(), format()},
         {u"deploycast /Get-Namespace /Namespace:drivers /Show:Clients"_qs},
         &CliRunner::runGetSession},
        {u"Get-AllNamespaces"_qs,
         CliText::tr("Shows every namespace on the server."),
         {text("ContentProvider", false, "<name>", CliText::tr("Only namespaces of this content provider.")),
          {u"Show"_qs, ValueKind::Choice, false, {u"Default"_qs, u"ActiveOnly"_qs, u"All"_qs}, {},
           CliText::tr("Default lists the namespaces; ActiveOnly only those now sending; All adds their clients.")},
          server(), format()},
         {u"deploycast /Get-AllNamespaces /Show:All"_qs},
         &CliRunner::runGetAllNamespaces},
        {u"Start-Namespace"_qs,
         CliText::tr("Starts a ScheduledCast namespace now."),
         {namespaceName, server()},
         {u"deploycast /Start-Namespace /Namespace:drivers"_qs},
         &CliRunner::runStartSession},
        {u"Remove-Namespace"_qs,
         CliText::tr("Removes a namespace."),
         {namespaceName, flag("Force", CliText::tr("Stop every client at once. Without it, current clients finish first.")), server()},
         {u"deploycast /Remove-Namespace /Namespace:drivers"_qs},
         &CliRunner::runRemoveSession},
        {u"Get-Server"_qs,
         CliText::tr("Shows the server's configuration."),
         {{u"Show"_qs, ValueKind::Choice, true, {u"Config"_qs, u"Snapshot"_qs}, {},
           CliText::tr("Config: the server's configuration. Snapshot: everything a console sees (sessions and clients), "
           "for recording; with /Format:Cbor it is written as the protocol's own CBOR, which "
           "deploycast-console --replay reads.")},
          server(),
          {u"Format"_qs, ValueKind::Choice, false, {u"Table"_qs, u"Json"_qs, u"Cbor"_qs}, {},
           CliText::tr("Table (default), Json, or Cbor (binary, /Show:Snapshot only).")}},
         {u"deploycast /Get-Server /Show:Config"_qs,
          u"deploycast /Get-Server /Show:Snapshot /Format:Cbor"_qs},
         &CliRunner::runGetServer},
        {u"Set-Server"_qs,
         CliText::tr("Sets the server's transport settings: the slow-client policy, the multicast range and the "
                     "network profile (as /Set-TransportServer)."),
         transportSwitches(true),
         {u"deploycast /Set-Server /Transport /MulticastSessionPolicy /Policy:AutoDisconnect /Threshold:8000 /Fallback:Yes"_qs,
          u"deploycast /Set-Server /Transport /MulticastSessionPolicy /Policy:Multistream /StreamCount:2"_qs,
          u"deploycast /Set-Server /Transport /ObtainIpv4From:Range /Start:239.0.0.1 /End:239.0.0.100"_qs},
         &CliRunner::runSetTransportServer},
        {u"Get-TransportServer"_qs,
         CliText::tr("Shows the transport server's settings: the multicast range, ports, network profile and "
                     "slow-client policy."),
         {{u"Show"_qs, ValueKind::Choice, true, {u"Config"_qs}, {}, CliText::tr("Config: the settings.")},
          server(), format()},
         {u"deploycast /Get-TransportServer /Show:Config"_qs},
         &CliRunner::runGetTransportServer},
        {u"Set-TransportServer"_qs,
         CliText::tr("Sets the transport server's settings: where new transmissions take their multicast group and "
                     "port, their network profile, and the slow-client policy. Transmissions that exist keep theirs."),
         transportSwitches(false),
         {u"deploycast /Set-TransportServer /ObtainIpv4From:Range /Start:239.0.0.1 /End:239.0.0.100"_qs,
          u"deploycast /Set-TransportServer /Server:MyWDSServer /ObtainIpv4From:Range /Start:239.0.0.1 /End:239.0.0.100 /StartPort:12000 /EndPort:50000 /Profile:10mbps"_qs},
         &CliRunner::runSetTransportServer},
        {u"Get-AllFallbackClients"_qs,
         CliText::tr("Lists the clients finishing by unicast after a disconnect without Force (a Deploycast extension)."),
         {server(), format()},
         {u"deploycast /Get-AllFallbackClients /Format:Json"_qs},
         &CliRunner::runGetAllFallbackClients},
        {u"Get-AuditLog"_qs,
         CliText::tr("Shows the server's audit log: every management action that changed something or was refused, "
                     "with its time, peer, token ID, targets and result (admins only; a Deploycast extension)."),
         {{u"Last"_qs, ValueKind::Integer, false, {}, u"<n>"_qs, CliText::tr("Only the last n entries (default: all).")},
          server(), format()},
         {u"deploycast /Get-AuditLog /Last:20"_qs},
         &CliRunner::runGetAuditLog},
    };
}

} // namespace

const SwitchSpec *CommandSpec::findSwitch(const QString &switchName) const
{
    for (const SwitchSpec &candidate : switches)
        if (candidate.name.compare(switchName, Qt::CaseInsensitive) == 0)
            return &candidate;
    return nullptr;
}

// Every command that talks to a server also takes how to trust it and
// which token to show it, and every command takes WDSUTIL's [Options].
QList<CommandSpec> withCommonSwitches(QList<CommandSpec> specs)
{
    const SwitchSpec verbose{u"Verbose"_qs, ValueKind::Flag, false, {}, {},
                             CliText::tr("Say more: the server reached, each request sent and how long it took (on "
                                         "standard error, so /Format:Json stays clean).")};
    const SwitchSpec progress{u"Progress"_qs, ValueKind::Flag, false, {}, {},
                              CliText::tr("Show progress of long operations on standard error.")};
    const SwitchSpec trustNew{u"TrustNew"_qs, ValueKind::Flag, false, {}, {},
                              CliText::tr("Pin the server's certificate if it has none pinned yet (compare its "
                                          "fingerprint with the one deploycastd logs first). Without it, an unknown "
                                          "certificate is refused.")};
    const SwitchSpec tokenFile{u"TokenFile"_qs, ValueKind::Text, false, {}, u"<path>"_qs,
                               CliText::tr("A file holding the management token. Default: $DEPLOYCAST_TOKEN, then the "
                                           "file named by $DEPLOYCAST_TOKEN_FILE, then, for a server on this machine, "
                                           "its own token file if readable.")};
    for (CommandSpec &spec : specs) {
        if (spec.findSwitch(u"Server"_qs)) {
            spec.switches.append(trustNew);
            spec.switches.append(tokenFile);
        }
        spec.switches.append(verbose);
        spec.switches.append(progress);
    }
    return specs;
}

const QList<CommandSpec> &commandSpecs()
{
    static const QList<CommandSpec> specs = withCommonSwitches(buildSpecs());
    return specs;
}

const CommandSpec *findCommand(const QString &name)
{
    for (const CommandSpec &spec : commandSpecs())
        if (spec.name.compare(name, Qt::CaseInsensitive) == 0)
            return &spec;
    return nullptr;
}

} // namespace deploycast::cli
