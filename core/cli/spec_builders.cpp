// SPDX-License-Identifier: GPL-3.0-or-later
#include "spec_builders.h"

#include "cli_text.h"
#include "domain/catalog_image.h"

namespace deploycast::cli::specs {

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
        {u"ObtainIpv6From"_qs, ValueKind::Choice, false, {u"Range"_qs}, {},
         CliText::tr("Range: new transmissions of a server that multicasts on an IPv6 interface take their group "
                     "from /Start to /End, two addresses that differ only in their last 32 bits.")},
        text("Start", false, "<address>", CliText::tr("With /ObtainIpv4From:Range or /ObtainIpv6From:Range: the first multicast "
                                                      "address, e.g. 239.0.0.1 or ff15::1.")),
        text("End", false, "<address>", CliText::tr("With /ObtainIpv4From:Range or /ObtainIpv6From:Range: the last multicast address.")),
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

SwitchSpec choice(const char *name, bool required, const QStringList &choices, const QString &help)
{
    return {QLatin1String(name), ValueKind::Choice, required, choices, {}, help};
}

SwitchSpec inSection(SwitchSpec spec, const char *section)
{
    spec.section = QLatin1String(section);
    return spec;
}

SwitchSpec detailsClients()
{
    return choice("Details", false, {u"Clients"_qs}, CliText::tr("Clients: also list the connected clients."));
}

QList<SwitchSpec> imageSwitches(bool imageRequired, const QString &imageHelp)
{
    return {text("Image", imageRequired, "<name>", imageHelp),
            choice("ImageType", false, {u"Boot"_qs, u"Install"_qs}, CliText::tr("The image's type, with /Image.")),
            text("ImageGroup", false, "<group>", CliText::tr("Install images: the image's group, when the name is in several.")),
            {u"Architecture"_qs, ValueKind::Choice, false, architectures(), {},
             CliText::tr("Boot images: the image's architecture, when the name is in several.")},
            text("Filename", false, "<file>", CliText::tr("The image's file name, when the name is in several files."))};
}

} // namespace deploycast::cli::specs
