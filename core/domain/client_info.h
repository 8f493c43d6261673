// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history_event.h"

#include <QCborMap>
#include <QDateTime>
#include <QString>

#include <optional>

namespace deploycast {

// Where a receiver is in its transfer, as it reports it.
enum class ClientState { Waiting, Receiving, Repairing, Verifying };
// Multicast until a disconnect without Force sends it to unicast fallback.
enum class TransferMethod { Multicast, Unicast };

QString toText(ClientState state);
QString toText(TransferMethod method);
std::optional<ClientState> clientStateFromString(const QString &text);

// The fields of WDS's IWdsTransportClient, as the server knows them.
struct ClientInfo {
    quint32 id = 0;
    quint32 sessionId = 0;
    QString sessionName;
    QString machineName;
    QString ipAddress;
    QString macAddress;
    QDateTime joinedAt;
    double percentComplete = 0;
    qint64 bytesReceived = 0;
    qint64 transferRate = 0;    // bytes per second over the last report
    double cpuUtilization = 0;  // percent of the client host
    double memoryUtilization = 0;
    double networkUtilization = 0;
    TransferMethod method = TransferMethod::Multicast;
    ClientState state = ClientState::Waiting;
    bool fallbackSupported = true;
    QString stream; // Multistream: "fast", "medium" or "slow"; empty with one stream
    QString note;   // why the server moved it, e.g. an automatic disconnect
    qint64 blocksRepaired = 0; // blocks it asked to have sent again (NAKs), all told
    qint64 diskCapacity = 0;   // the join's: writing to a disk of this size; 0 for a file (not on the wire)

    // The console's, from the history once the client has left (not on the wire).
    std::optional<HistoryEvent> outcome; // its final event; empty while it is on the server
    QDateTime endedAt;
    QString outcomeReason; // in the admin's language

    QCborMap toCbor() const;
    // Only the fields that differ from `before`, plus the id; empty if none do.
    QCborMap changesSince(const ClientInfo &before) const;
    static ClientInfo fromCbor(const QCborMap &map);
    // Sets the fields present in `fields` (a delta carries only those that changed).
    void update(const QCborMap &fields);

private:
    QCborMap fieldsDifferentFrom(const ClientInfo *before) const; // all fields when null
};

// What became of one client named in a disconnect request.
struct DisconnectOutcome {
    quint32 id = 0;
    QString result; // "done", "gone" or "not-allowed" (docs/protocol.md)
    QString message;
    QString action; // for "done": "fallback", "failed" (it cannot fall back) or "stopped" (Force)
};

} // namespace deploycast
