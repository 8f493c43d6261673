// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace deploycast {

// What happened, as the activity history records it. A client's history
// ends with exactly one final event (completed, failed, forced,
// policy-disconnected or left); fell-back and moved come before it.
enum class HistoryEvent {
    Completed,          // final: the whole image, verified (by multicast or unicast: see the client's method)
    FellBack,           // disconnected without Force: it finishes by unicast
    Moved,              // the slow-client policy moved it to a slower stream
    Failed,             // final: disconnected without fallback, or a transfer error
    Forced,             // final: stopped with Force (the client or its transmission)
    PolicyDisconnected, // final: the slow-client policy disconnected a client that cannot fall back
    Left,               // final: its connection closed before it finished
    TransmissionStarted,
    TransmissionFinished,
    TransmissionRemoved,
    ServerLost,         // the console's own: its link to the server dropped
    ServerBack,
};

QString toText(HistoryEvent event);
// In the language of this process, e.g. "completed" or "fell back to unicast".
QString displayName(HistoryEvent event);
std::optional<HistoryEvent> historyEventFromString(const QString &text);
// After this event the client is no longer on the server.
bool isFinal(HistoryEvent event);
bool isClientEvent(HistoryEvent event);

} // namespace deploycast
