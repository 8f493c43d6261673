// SPDX-License-Identifier: GPL-3.0-or-later
// The commands for the server as a whole: its configuration, its transport
// settings, and what it records.
#include "cli_runner.h"
#include "cli_text.h"
#include "spec_builders.h"

namespace deploycast::cli::specs {

QList<CommandSpec> serverCommands()
{
    return {
        {u"Get-Server"_qs,
         CliText::tr("Shows the server's configuration and images."),
         {{u"Show"_qs, ValueKind::Choice, true, {u"Config"_qs, u"Images"_qs, u"All"_qs, u"Snapshot"_qs}, {},
           CliText::tr("Config: the server's configuration. Images: its image catalog. All: both. Snapshot: everything "
           "a console sees (sessions and clients), for recording; with /Format:Cbor it is written as the protocol's "
           "own CBOR, which deploycast-console --replay reads.")},
          flag("Detailed", CliText::tr("With Images or All: every image in full.")),
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
        {u"Get-AllServers"_qs,
         CliText::tr("Shows every server this user's command line and console know (pinned in known_hosts), and /Server."),
         {{u"Show"_qs, ValueKind::Choice, true, {u"Config"_qs, u"Images"_qs, u"All"_qs}, {},
           CliText::tr("Config: each server's configuration. Images: its images. All: both.")},
          flag("Detailed", CliText::tr("With Images or All: every image in full.")),
          choice("Forest", false, {u"Yes"_qs, u"No"_qs},
                 CliText::tr("WDS looks in the whole Active Directory forest; Deploycast knows no directory, so both "
                             "mean the servers known here.")),
          server(), format()},
         {u"deploycast /Get-AllServers /Show:Config"_qs},
         &CliRunner::runGetAllServers},
        {u"Start-TransportServer"_qs,
         CliText::tr("Starts the transport server: multicast transmissions and namespaces send again."),
         {server()}, {u"deploycast /Start-TransportServer"_qs}, &CliRunner::runControlTransport},
        {u"Stop-TransportServer"_qs,
         CliText::tr("Stops the transport server: nothing is multicast and new clients wait until it starts; the "
                     "process and its management port stay up."),
         {server()}, {u"deploycast /Stop-TransportServer"_qs}, &CliRunner::runControlTransport},
        {u"Enable-TransportServer"_qs,
         CliText::tr("Enables the transport server, so that it can be started (and is, at the server's next start)."),
         {server()}, {u"deploycast /Enable-TransportServer"_qs}, &CliRunner::runControlTransport},
        {u"Disable-TransportServer"_qs,
         CliText::tr("Disables and stops the transport server; it stays stopped across restarts until enabled."),
         {server()}, {u"deploycast /Disable-TransportServer"_qs}, &CliRunner::runControlTransport},
        {u"Start-Server"_qs,
         CliText::tr("Starts the server's services: multicast transmissions and namespaces send again."),
         {server()}, {u"deploycast /Start-Server"_qs}, &CliRunner::runControlTransport},
        {u"Stop-Server"_qs,
         CliText::tr("Stops the server's services (multicast transmissions and namespaces) without ending the process."),
         {server()}, {u"deploycast /Stop-Server"_qs}, &CliRunner::runControlTransport},
        {u"Enable-Server"_qs,
         CliText::tr("Enables the server's services (multicast transmissions and namespaces); /Start-Server starts them."),
         {server()}, {u"deploycast /Enable-Server"_qs}, &CliRunner::runControlTransport},
        {u"Disable-Server"_qs,
         CliText::tr("Disables and stops the server's services; they stay stopped across restarts until enabled. "
                     "The management API stays up, so /Enable-Server can reach it."),
         {server()}, {u"deploycast /Disable-Server"_qs}, &CliRunner::runControlTransport},
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
        {u"Get-History"_qs,
         CliText::tr("Shows what became of clients and transmissions: completed by multicast or unicast, fell back, "
                     "failed, forced, moved, disconnected by the slow-client policy, left; transmissions started, "
                     "finished and removed. The server keeps the last 10,000 entries across restarts "
                     "(a Deploycast extension)."),
         {{u"Count"_qs, ValueKind::Integer, false, {}, u"<n>"_qs,
           CliText::tr("The last n entries, 1 to 1000 (default 50).")},
          {u"ClientId"_qs, ValueKind::Integer, false, {}, u"<id>"_qs, CliText::tr("Only this client's entries.")},
          server(), format()},
         {u"deploycast /Get-History"_qs, u"deploycast /Get-History /ClientId:17 /Format:Json"_qs},
         &CliRunner::runGetHistory},
    };
}

} // namespace deploycast::cli::specs
