// SPDX-License-Identifier: GPL-3.0-or-later
#include "text_report.h"

#include "cli_text.h"
#include "common/cbor_values.h"
#include "common/printable.h"
#include "common/units.h"

#include <QLocale>

#include <cmath>

namespace deploycast::cli {
namespace {

// Every value shown comes from the server, and many from its peers (machine
// names, notes): shown escaped, so none can act on the admin's terminal or
// start a line of its own.
QString row(const QString &label, const QString &value)
{
    return QStringLiteral("    %1 %2\n").arg(label + u':', -21).arg(printable(value));
}

// "Preparing (42%)", "Image missing (…)", "Waiting for interface (…)".
QString conditionText(const SessionInfo &session)
{
    switch (session.condition) {
    case SessionCondition::Ready: return {};
    case SessionCondition::Preparing: return CliText::tr("Preparing (%1%)").arg(session.preparedPercent);
    case SessionCondition::ImageMissing: return CliText::tr("Image missing (%1)").arg(session.conditionReason);
    case SessionCondition::WaitingForInterface: return CliText::tr("Waiting for interface (%1)").arg(session.conditionReason);
    }
    return {};
}

QString percent(double value)
{
    return QStringLiteral("%1%").arg(std::isfinite(value) ? value : 0.0, 0, 'f', 0);
}

// Left-aligns text columns and right-aligns numeric ones.
QString renderTable(const QStringList &headers, const QList<QStringList> &rows, const QList<bool> &rightAligned)
{
    QList<qsizetype> widths;
    for (const QString &header : headers)
        widths.append(header.size());
    for (const QStringList &cells : rows)
        for (qsizetype i = 0; i < cells.size(); ++i)
            widths[i] = std::max(widths[i], cells[i].size());
    auto line = [&](const QStringList &cells) {
        QString text = u"    "_qs;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const int width = int(widths[i]);
            text += (rightAligned[i] ? cells[i].rightJustified(width) : cells[i].leftJustified(width));
            text += i + 1 < cells.size() ? u"  "_qs : QString();
        }
        while (text.endsWith(u' '))
            text.chop(1);
        return text + u'\n';
    };
    QString text = line(headers);
    for (const QStringList &cells : rows)
        text += line(cells);
    return text;
}

// "multicast", "unicast", or under Multistream "multicast (slow)".
QString methodText(const ClientInfo &client)
{
    if (client.method == TransferMethod::Multicast && !client.stream.isEmpty())
        return CliText::tr("%1 (%2)").arg(toText(client.method), client.stream);
    return toText(client.method);
}

} // namespace

QString sessionReport(const SessionInfo &session)
{
    const bool isTransmission = session.kind == SessionKind::Transmission;
    QString text = (isTransmission ? CliText::tr("Transmission: %1 (ID %2)") : CliText::tr("Namespace: %1 (ID %2)"))
                       .arg(printable(session.name)).arg(session.id) + u'\n';
    if (!isTransmission) {
        text += row(CliText::tr("Friendly name"), session.friendlyName);
        text += row(CliText::tr("Content provider"), session.contentProvider);
    }
    text += row(isTransmission ? CliText::tr("Image") : CliText::tr("Config string"),
                CliText::tr("%1 (%2, %3 bytes)").arg(session.contentPath, formatSize(session.size),
                                                       QLocale::c().toString(session.size)));
    if (session.catalogImage)
        text += row(CliText::tr("Catalog image"), imageName(*session.catalogImage));
    if (!session.description.isEmpty())
        text += row(CliText::tr("Description"), session.description);
    text += row(CliText::tr("Type"), toText(session.type));
    if (session.type == CastType::ScheduledCast) {
        text += row(CliText::tr("Start time"), session.startTime.isValid()
                                          ? session.startTime.toLocalTime().toString(u"yyyy/MM/dd:HH:mm"_qs)
                                          : u"-"_qs);
        text += row(CliText::tr("Start at clients"), session.minClients > 0 ? QString::number(session.minClients) : u"-"_qs);
    }
    text += row(CliText::tr("State"), toText(session.state));
    if (session.condition != SessionCondition::Ready)
        text += row(CliText::tr("Condition"), conditionText(session));
    if (!session.problem.isEmpty())
        text += row(CliText::tr("Problem"), session.problem);
    text += row(CliText::tr("Multicast group"), QStringLiteral("%1:%2").arg(session.group).arg(session.port));
    text += row(CliText::tr("SHA-256"), QString::fromLatin1(session.sha256.toHex()));
    text += row(CliText::tr("Clients"), QString::number(session.clientCount));
    if (!session.joinToken.isEmpty())
        text += row(CliText::tr("Join token"), session.joinToken);
    return text;
}

QString imageName(const ImageQuery &image)
{
    return image.type == ImageType::Install
        ? CliText::tr("%1 (install image, group %2, file %3)").arg(image.name, image.group, image.fileName)
        : CliText::tr("%1 (boot image, %2, file %3)").arg(image.name, image.architecture, image.fileName);
}

QString imageReport(const QCborMap &map, bool detailed)
{
    const CatalogImage image = CatalogImage::fromCbor(map);
    const QString transmission = map.value(u"transmission"_qs).toString();
    QString text = CliText::tr("Image: %1").arg(printable(image.name)) + u'\n';
    text += row(CliText::tr("Type"), toText(image.type));
    text += image.type == ImageType::Install ? row(CliText::tr("Image group"), image.group)
                                             : row(CliText::tr("Architecture"), image.architecture);
    text += row(CliText::tr("File name"), image.fileName);
    text += row(CliText::tr("Size"), QStringLiteral("%1 (%2 bytes)").arg(formatSize(image.size), QLocale::c().toString(image.size)));
    text += row(CliText::tr("Enabled"), image.enabled ? CliText::tr("Yes") : CliText::tr("No"));
    if (!image.description.isEmpty())
        text += row(CliText::tr("Description"), image.description);
    text += row(CliText::tr("Transmission"), transmission.isEmpty() ? u"-"_qs : transmission);
    if (detailed) {
        text += row(CliText::tr("Path in the store"), image.path);
        text += row(CliText::tr("Created"), image.created.toLocalTime().toString(Qt::ISODate));
        text += row(CliText::tr("Modified"), image.modified.toLocalTime().toString(Qt::ISODate));
        if (!image.userFilter.isEmpty())
            text += row(CliText::tr("User filter"), image.userFilter);
        text += row(CliText::tr("Unattend file"), image.unattendSize > 0 ? CliText::tr("%1 bytes").arg(image.unattendSize) : u"-"_qs);
    }
    return text;
}

QString clientTable(const QList<ClientInfo> &clients, const QDateTime &now, bool withSession)
{
    if (clients.isEmpty())
        return u"    "_qs + CliText::tr("No clients.") + u'\n';
    QStringList headers{CliText::tr("ID"), CliText::tr("Name"), CliText::tr("IP address"), CliText::tr("MAC address"),
                        CliText::tr("Complete"), CliText::tr("Rate"), CliText::tr("Connected"), CliText::tr("CPU"),
                        CliText::tr("Memory"), CliText::tr("Network"), CliText::tr("Method"), CliText::tr("State")};
    QList<bool> right{true, false, false, false, true, true, true, true, true, true, false, false};
    if (withSession) {
        headers.append(CliText::tr("Session"));
        right.append(false);
    }
    QList<QStringList> rows;
    for (const ClientInfo &client : clients) {
        QStringList cells{QString::number(client.id), printable(client.machineName), printable(client.ipAddress),
                          printable(client.macAddress), percent(client.percentComplete), formatRate(client.transferRate),
                          formatDuration(client.joinedAt.secsTo(now)), percent(client.cpuUtilization),
                          percent(client.memoryUtilization), percent(client.networkUtilization),
                          printable(methodText(client)), toText(client.state)};
        if (withSession)
            cells.append(printable(client.sessionName));
        rows.append(cells);
    }
    QString text = renderTable(headers, rows, right);
    // Why the server moved a client (slow-client policy) goes under the table.
    for (const ClientInfo &client : clients)
        if (!client.note.isEmpty())
            text += u"    "_qs + CliText::tr("Client %1: %2").arg(client.id).arg(printable(client.note)) + u'\n';
    return text;
}

QString policyText(const QCborMap &policy)
{
    const QString kind = policy.value(u"policy"_qs).toString();
    const bool fallback = policy.value(u"fallback"_qs).toBool(true);
    if (kind == u"AutoDisconnect"_qs)
        return (fallback ? CliText::tr("AutoDisconnect below %1 KB/s, with unicast fallback")
                         : CliText::tr("AutoDisconnect below %1 KB/s, without fallback"))
            .arg(integerOf(policy.value(u"thresholdKBps"_qs)));
    if (kind == u"Multistream"_qs)
        return CliText::tr("Multistream, %1 streams, moving clients below %2 KB/s to a slower one")
            .arg(integerOf(policy.value(u"streamCount"_qs))).arg(integerOf(policy.value(u"thresholdKBps"_qs)));
    return CliText::tr("None");
}

namespace {

// The cap that new transmissions get, from the profile or --max-rate.
QString maxRateRow(const QCborMap &config)
{
    const qint64 maxRate = integerOf(config.value(u"maxRate"_qs));
    return row(CliText::tr("Maximum rate"), maxRate > 0 ? formatRate(maxRate) : CliText::tr("unlimited"));
}

} // namespace

QString serverConfigReport(const QCborMap &config)
{
    QString text = CliText::tr("Server: %1").arg(printable(config.value(u"name"_qs).toString())) + u'\n';
    const std::pair<const char *, const char *> fields[] = {
        {QT_TRANSLATE_NOOP("CliText", "Version"), "version"},
        {QT_TRANSLATE_NOOP("CliText", "Listening on"), "listen"},
        {QT_TRANSLATE_NOOP("CliText", "Multicast interface"), "multicastInterface"},
        {QT_TRANSLATE_NOOP("CliText", "Multicast range"), "multicastRange"},
        {QT_TRANSLATE_NOOP("CliText", "IPv6 multicast range"), "multicastRangeV6"},
        {QT_TRANSLATE_NOOP("CliText", "UDP port range"), "portRange"},
        {QT_TRANSLATE_NOOP("CliText", "Image store"), "imageStore"},
        {QT_TRANSLATE_NOOP("CliText", "State directory"), "stateDirectory"},
        {QT_TRANSLATE_NOOP("CliText", "Transmissions"), "transmissions"},
        {QT_TRANSLATE_NOOP("CliText", "Namespaces"), "namespaces"},
        {QT_TRANSLATE_NOOP("CliText", "Clients"), "clients"},
    };
    for (const auto &[label, key] : fields)
        text += row(CliText::tr(label), config.value(QLatin1String(key)).toVariant().toString());
    text += row(CliText::tr("Network profile"), config.value(u"transport"_qs).toMap().value(u"profile"_qs).toString());
    text += row(CliText::tr("Slow-client policy"), policyText(config.value(u"slowClientPolicy"_qs).toMap()));
    text += maxRateRow(config);
    return text;
}

QString transportSettingsText(const QCborMap &transport)
{
    auto text = [&transport](const char *key) { return printable(transport.value(QLatin1String(key)).toVariant().toString()); };
    return row(CliText::tr("Multicast range"), text("ipv4Start") + u" - "_qs + text("ipv4End"))
        + row(CliText::tr("IPv6 multicast range"), text("ipv6Start") + u" - "_qs + text("ipv6End"))
        + row(CliText::tr("UDP port range"), text("startPort") + u" - "_qs + text("endPort"))
        + row(CliText::tr("Network profile"), text("profile"));
}

QString transportConfigReport(const QCborMap &config)
{
    const bool enabled = config.value(u"transport"_qs).toMap().value(u"enabled"_qs).toBool(true);
    return CliText::tr("Transport server of %1:").arg(printable(config.value(u"name"_qs).toString())) + u'\n'
        + row(CliText::tr("State"), config.value(u"transportRunning"_qs).toBool(true) ? CliText::tr("Running") : CliText::tr("Stopped"))
        + row(CliText::tr("Enabled"), enabled ? CliText::tr("Yes") : CliText::tr("No"))
        + row(CliText::tr("Multicast interface"), config.value(u"multicastInterface"_qs).toString())
        + transportSettingsText(config.value(u"transport"_qs).toMap())
        + row(CliText::tr("Slow-client policy"), policyText(config.value(u"slowClientPolicy"_qs).toMap()))
        + maxRateRow(config);
}

QString historyLine(const HistoryEntry &entry)
{
    QString line = entry.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_qs) + u"  "_qs + displayName(entry.event);
    if (const QString subject = entry.subject(); !subject.isEmpty())
        line += u"  "_qs + subject;
    if (entry.client.id != 0 && !entry.sessionName.isEmpty())
        line += CliText::tr(" in '%1'").arg(entry.sessionName);
    if (entry.event == HistoryEvent::Completed)
        line += CliText::tr(" by %1").arg(toText(entry.client.method));
    if (!entry.reason.isEmpty())
        line += u": "_qs + entry.localizedReason();
    return line;
}

} // namespace deploycast::cli
