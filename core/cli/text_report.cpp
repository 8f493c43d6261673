#include "text_report.h"

#include "common/units.h"

#include <QLocale>

namespace deploycast::cli {
namespace {

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("    %1 %2\n").arg(label + u':', -18).arg(value);
}

QString percent(double value)
{
    return QStringLiteral("%1%").arg(value, 0, 'f', 0);
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

} // namespace

QString sessionReport(const SessionInfo &session)
{
    const bool isTransmission = session.kind == SessionKind::Transmission;
    QString text = QStringLiteral("%1: %2 (ID %3)\n").arg(isTransmission ? u"Transmission"_qs : u"Namespace"_qs,
                                                          session.name).arg(session.id);
    if (!isTransmission) {
        text += row(u"Friendly name"_qs, session.friendlyName);
        text += row(u"Content provider"_qs, session.contentProvider);
    }
    text += row(isTransmission ? u"Image"_qs : u"Config string"_qs,
                QStringLiteral("%1 (%2, %3 bytes)").arg(session.contentPath, formatSize(session.size),
                                                       QLocale::c().toString(session.size)));
    if (!session.description.isEmpty())
        text += row(u"Description"_qs, session.description);
    text += row(u"Type"_qs, toText(session.type));
    if (session.type == CastType::ScheduledCast) {
        text += row(u"Start time"_qs, session.startTime.isValid()
                                          ? session.startTime.toLocalTime().toString(u"yyyy/MM/dd:HH:mm"_qs)
                                          : u"-"_qs);
        text += row(u"Start at clients"_qs, session.minClients > 0 ? QString::number(session.minClients) : u"-"_qs);
    }
    text += row(u"State"_qs, toText(session.state));
    text += row(u"Multicast group"_qs, QStringLiteral("%1:%2").arg(session.group).arg(session.port));
    text += row(u"SHA-256"_qs, QString::fromLatin1(session.sha256.toHex()));
    text += row(u"Clients"_qs, QString::number(session.clientCount));
    return text;
}

QString clientTable(const QList<ClientInfo> &clients, const QDateTime &now, bool withSession)
{
    if (clients.isEmpty())
        return u"    No clients.\n"_qs;
    QStringList headers{u"ID"_qs, u"Name"_qs, u"IP address"_qs, u"MAC address"_qs, u"Complete"_qs, u"Rate"_qs,
                        u"Connected"_qs, u"CPU"_qs, u"Memory"_qs, u"Network"_qs, u"Method"_qs, u"State"_qs};
    QList<bool> right{true, false, false, false, true, true, true, true, true, true, false, false};
    if (withSession) {
        headers.append(u"Session"_qs);
        right.append(false);
    }
    QList<QStringList> rows;
    for (const ClientInfo &client : clients) {
        QStringList cells{QString::number(client.id), client.machineName, client.ipAddress, client.macAddress,
                          percent(client.percentComplete), formatRate(client.transferRate),
                          formatDuration(client.joinedAt.secsTo(now)), percent(client.cpuUtilization),
                          percent(client.memoryUtilization), percent(client.networkUtilization),
                          toText(client.method), toText(client.state)};
        if (withSession)
            cells.append(client.sessionName);
        rows.append(cells);
    }
    return renderTable(headers, rows, right);
}

QString serverConfigReport(const QCborMap &config)
{
    QString text = QStringLiteral("Server: %1\n").arg(config.value(u"name"_qs).toString());
    const std::pair<const char *, const char *> fields[] = {
        {"Version", "version"},
        {"Listening on", "listen"},
        {"Multicast interface", "multicastInterface"},
        {"Multicast range", "multicastRange"},
        {"UDP port range", "portRange"},
        {"Slow-client policy", "slowClientPolicy"},
        {"Image store", "imageStore"},
        {"State directory", "stateDirectory"},
        {"Transmissions", "transmissions"},
        {"Namespaces", "namespaces"},
        {"Clients", "clients"},
    };
    for (const auto &[label, key] : fields)
        text += row(QLatin1String(label), config.value(QLatin1String(key)).toVariant().toString());
    const qint64 maxRate = config.value(u"maxRate"_qs).toInteger();
    text += row(u"Maximum rate"_qs, maxRate > 0 ? formatRate(maxRate) : u"unlimited"_qs);
    return text;
}

} // namespace deploycast::cli
