// SPDX-License-Identifier: GPL-3.0-or-later
// The commands for clients, multicast transmissions and namespaces.
#include "cli_runner.h"
#include "cli_text.h"
#include "spec_builders.h"

namespace deploycast::cli::specs {

QList<CommandSpec> sessionCommands()
{
    const SwitchSpec friendlyName = text("FriendlyName", false, "<name>",
                                         CliText::tr("The transmission's friendly name (a Deploycast extension: WDSUTIL "
                                                     "names a transmission by its image)."));
    const QList<SwitchSpec> byImage = imageSwitches(false, CliText::tr("The name of the transmission's image in the "
                                                                       "catalog, with /ImageType."));
    const SwitchSpec namespaceName = text("Namespace", true, "<name>", CliText::tr("The namespace's unique name."));
    const SwitchSpec showClients = choice("Show", false, {u"Clients"_qs}, CliText::tr("Also list the connected clients."));
    const SwitchSpec description = text("Description", false, "<text>", CliText::tr("A description."));
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
         CliText::tr("Shows one multicast transmission, named by its image or its friendly name."),
         QList<SwitchSpec>{friendlyName} + byImage + QList<SwitchSpec>{showClients, detailsClients(), server(), format()},
         {u"deploycast /Get-MulticastTransmission /Image:\"Win11 Lab\" /ImageType:Install /Details:Clients"_qs,
          u"deploycast /Get-MulticastTransmission /FriendlyName:\"Win11 Lab\" /Show:Clients"_qs},
         &CliRunner::runGetSession},
        {u"Get-AllMulticastTransmissions"_qs,
         CliText::tr("Shows every multicast transmission on the server."),
         {choice("Show", false, {u"Clients"_qs, u"Boot"_qs, u"Install"_qs, u"All"_qs},
                 CliText::tr("Boot or Install: only transmissions of that type of image; All (the default): every "
                             "one; Clients: every one, with its clients.")),
          detailsClients(),
          flag("ExcludeDeletePending", CliText::tr("Leave out transmissions that are being removed (Deactivated).")),
          server(), format()},
         {u"deploycast /Get-AllMulticastTransmissions /Show:Install /Details:Clients /Format:Json"_qs},
         &CliRunner::runGetAllTransmissions},
        {u"New-MulticastTransmission"_qs,
         CliText::tr("Creates the multicast transmission of an image: one per image, as in WDS."),
         QList<SwitchSpec>{text("FriendlyName", true, "<name>", CliText::tr("The transmission's friendly name."))}
             + imageSwitches(true, CliText::tr("With /ImageType: the image's name in the catalog. Without it, a file's "
                                               "path in the image store (a Deploycast extension); paths that leave "
                                               "the store are refused."))
             + QList<SwitchSpec>{castType("TransmissionType"), startTime(), clientCount(), description, requireJoinToken(), server()},
         {u"deploycast /New-MulticastTransmission /FriendlyName:Lab /Image:Win11 /ImageType:Install /TransmissionType:AutoCast"_qs,
          u"deploycast /New-MulticastTransmission /FriendlyName:Night /Image:win11.img /TransmissionType:ScheduledCast /Time:2026/12/01:22:00 /Clients:20"_qs},
         &CliRunner::runNewSession},
        {u"Start-MulticastTransmission"_qs,
         CliText::tr("Starts a ScheduledCast transmission now, whatever its start conditions."),
         QList<SwitchSpec>{friendlyName} + byImage + QList<SwitchSpec>{server()},
         {u"deploycast /Start-MulticastTransmission /Image:Win11 /ImageType:Install"_qs},
         &CliRunner::runStartSession},
        {u"Remove-MulticastTransmission"_qs,
         CliText::tr("Removes a multicast transmission."),
         QList<SwitchSpec>{friendlyName} + byImage
             + QList<SwitchSpec>{flag("Force", CliText::tr("Stop every client at once. Without it, current clients finish and "
                                                           "no new ones join (the transmission shows as Deactivated until then).")),
                                 server()},
         {u"deploycast /Remove-MulticastTransmission /Image:Win11 /ImageType:Install /Force"_qs},
         &CliRunner::runRemoveSession},
        {u"New-Namespace"_qs,
         CliText::tr("Creates a namespace: content other than an OS image, multicast like a transmission."),
         {text("FriendlyName", true, "<name>", CliText::tr("The namespace's friendly name.")),
          namespaceName,
          text("ContentProvider", true, "<name>", CliText::tr("The content provider. This server has 'file', which serves a file from the image store.")),
          text("ConfigString", false, "<string>", CliText::tr("The provider's configuration: for 'file', the file's path in the image store.")),
          castType("NamespaceType"), startTime(), clientCount(), description, requireJoinToken(), server()},
         {u"deploycast /New-Namespace /FriendlyName:\"Drivers\" /Namespace:drivers /ContentProvider:file /ConfigString:drivers.tar /NamespaceType:AutoCast"_qs},
         &CliRunner::runNewSession},
        {u"Get-Namespace"_qs,
         CliText::tr("Shows one namespace."),
         {namespaceName, showClients, detailsClients(), server(), format()},
         {u"deploycast /Get-Namespace /Namespace:drivers /Details:Clients"_qs},
         &CliRunner::runGetSession},
        {u"Get-AllNamespaces"_qs,
         CliText::tr("Shows every namespace on the server."),
         {text("ContentProvider", false, "<name>", CliText::tr("Only namespaces of this content provider.")),
          choice("Show", false, {u"Default"_qs, u"ActiveOnly"_qs, u"All"_qs, u"Clients"_qs},
                 CliText::tr("Default lists the namespaces; ActiveOnly only those now sending; All and Clients add their clients.")),
          detailsClients(),
          flag("ExcludeDeletePending", CliText::tr("Leave out namespaces that are being removed (Deactivated).")),
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
    };
}

} // namespace deploycast::cli::specs
