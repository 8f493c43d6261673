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

} // namespace deploycast::cli::specs
