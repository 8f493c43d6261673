// SPDX-License-Identifier: GPL-3.0-or-later
#include "history_entry.h"

#include "common/cbor_values.h"
#include "common/error.h"
#include "common/enum_names.h"

#include <QCborArray>
#include <QCoreApplication>

namespace deploycast {
namespace {
// Marked for translation under "HistoryEvent", in the order of the enum.
const char *const kDisplayNames[] = {
    QT_TRANSLATE_NOOP("HistoryEvent", "completed"),
    QT_TRANSLATE_NOOP("HistoryEvent", "fell back to unicast"),
    QT_TRANSLATE_NOOP("HistoryEvent", "moved to a slower stream"),
    QT_TRANSLATE_NOOP("HistoryEvent", "failed (no fallback)"),
    QT_TRANSLATE_NOOP("HistoryEvent", "forced"),
    QT_TRANSLATE_NOOP("HistoryEvent", "disconnected by policy"),
    QT_TRANSLATE_NOOP("HistoryEvent", "left"),
    QT_TRANSLATE_NOOP("HistoryEvent", "transmission started"),
    QT_TRANSLATE_NOOP("HistoryEvent", "transmission finished"),
    QT_TRANSLATE_NOOP("HistoryEvent", "transmission removed"),
    QT_TRANSLATE_NOOP("HistoryEvent", "server lost"),
    QT_TRANSLATE_NOOP("HistoryEvent", "server back"),
};
static_assert(std::size(kDisplayNames) == std::size_t(HistoryEvent::ServerBack) + 1, "a name for every event");

const std::pair<HistoryEvent, const char *> kEvents[] = {
    {HistoryEvent::Completed, "completed"},
    {HistoryEvent::FellBack, "fell-back"},
    {HistoryEvent::Moved, "moved"},
    {HistoryEvent::Failed, "failed"},
    {HistoryEvent::Forced, "forced"},
    {HistoryEvent::PolicyDisconnected, "policy-disconnected"},
    {HistoryEvent::Left, "left"},
    {HistoryEvent::TransmissionStarted, "transmission-started"},
    {HistoryEvent::TransmissionFinished, "transmission-finished"},
    {HistoryEvent::TransmissionRemoved, "transmission-removed"},
    {HistoryEvent::ServerLost, "server-lost"},
    {HistoryEvent::ServerBack, "server-back"},
};
} // namespace

QString toText(HistoryEvent event)
{
    return nameOf(event, kEvents);
}

QString displayName(HistoryEvent event)
{
    return QCoreApplication::translate("HistoryEvent", kDisplayNames[std::size_t(event)]);
}

std::optional<HistoryEvent> historyEventFromString(const QString &text)
{
    return valueOf(text, kEvents);
}

bool isFinal(HistoryEvent event)
{
    switch (event) {
    case HistoryEvent::Completed:
    case HistoryEvent::Failed:
    case HistoryEvent::Forced:
    case HistoryEvent::PolicyDisconnected:
    case HistoryEvent::Left:
        return true;
    default:
        return false;
    }
}

bool isClientEvent(HistoryEvent event)
{
    return event <= HistoryEvent::Left;
}

QString HistoryEntry::localizedReason() const
{
    Error asError(u"history"_qs, reason);
    asError.text = reasonText;
    asError.args = reasonArgs;
    return localizedMessage(asError);
}

QString HistoryEntry::subject() const
{
    if (client.id != 0)
        return QCoreApplication::translate("HistoryEvent", "client %1 %2 (%3)")
            .arg(client.id).arg(client.machineName, client.ipAddress);
    if (!sessionName.isEmpty())
        return QCoreApplication::translate("HistoryEvent", "transmission '%1'").arg(sessionName);
    return {};
}

QCborMap HistoryEntry::toCbor() const
{
    QCborMap map{{u"sequence"_qs, qint64(sequence)},
                 {u"time"_qs, time.toUTC().toString(Qt::ISODateWithMs)},
                 {u"event"_qs, toText(event)}};
    if (sessionId != 0 || !sessionName.isEmpty()) {
        map[u"sessionId"_qs] = qint64(sessionId);
        map[u"session"_qs] = sessionName;
    }
    if (client.id != 0)
        map[u"client"_qs] = client.toCbor();
    if (!reason.isEmpty())
        map[u"reason"_qs] = reason;
    if (!reasonText.isEmpty()) {
        map[u"reasonText"_qs] = reasonText;
        map[u"reasonArgs"_qs] = QCborArray::fromStringList(reasonArgs);
    }
    return map;
}

std::optional<HistoryEntry> HistoryEntry::fromCbor(const QCborMap &map)
{
    HistoryEntry entry;
    const auto event = historyEventFromString(map.value(u"event"_qs).toString());
    entry.time = QDateTime::fromString(map.value(u"time"_qs).toString(), Qt::ISODateWithMs);
    if (!event || !entry.time.isValid())
        return std::nullopt;
    entry.event = *event;
    entry.sequence = quint64(std::max<qint64>(0, integerOf(map.value(u"sequence"_qs))));
    entry.sessionId = quint32(integerOf(map.value(u"sessionId"_qs)));
    entry.sessionName = map.value(u"session"_qs).toString();
    if (map.contains(u"client"_qs))
        entry.client = ClientInfo::fromCbor(map.value(u"client"_qs).toMap());
    entry.reason = map.value(u"reason"_qs).toString();
    entry.reasonText = map.value(u"reasonText"_qs).toString();
    for (const QCborValue &argument : map.value(u"reasonArgs"_qs).toArray())
        entry.reasonArgs.append(argument.toString());
    return entry;
}

} // namespace deploycast
