// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace deploycast {

class ReceiverPeer;

// Watches one multicast stream, once a second, for the client that holds
// it back: the "master client" of MS-WDSMT. The stream is slow when a client
// that is receiving gets less than the threshold; with one stream paced for
// the slowest, the fast ones then drop below too, so the culprit is the one
// that asked for the most repairs over the slow stretch (or, if none did,
// the slowest). The slow-client policy then disconnects it (AutoDisconnect)
// or moves it to a slower stream (Multistream).
class SlowClientWatch
{
public:
    static constexpr int kSustainSeconds = 5;
    static constexpr int kGraceSeconds = 5; // after acting, let the stream's rate recover

    // One second's look at the stream's clients. Returns the client to act
    // on, and why, once the stream has been slow for kSustainSeconds.
    ReceiverPeer *tick(const QList<ReceiverPeer *> &clients, bool sending, qint64 thresholdKBps, QString *reason);
    void forget(ReceiverPeer *peer) { m_nakedBlocks.remove(peer); }

private:
    int m_slowSeconds = 0;
    int m_graceSeconds = 0;
    QHash<ReceiverPeer *, quint64> m_nakedBlocks; // over the current slow stretch
};

} // namespace deploycast
