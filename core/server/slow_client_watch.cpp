// SPDX-License-Identifier: GPL-3.0-or-later
#include "slow_client_watch.h"

#include "receiver_peer.h"

#include <algorithm>

namespace deploycast {

ReceiverPeer *SlowClientWatch::tick(const QList<ReceiverPeer *> &clients, bool sending, qint64 thresholdKBps,
                                    QString *reason)
{
    for (ReceiverPeer *peer : clients)
        m_nakedBlocks[peer] += peer->takeNakedBlocks();
    if (m_graceSeconds > 0)
        --m_graceSeconds;
    const qint64 threshold = thresholdKBps * 1000;
    const bool slow = sending && std::any_of(clients.cbegin(), clients.cend(), [threshold](const ReceiverPeer *peer) {
        const ClientInfo info = peer->info();
        return (info.state == ClientState::Receiving || info.state == ClientState::Repairing)
               && info.transferRate < threshold;
    });
    m_slowSeconds = slow ? m_slowSeconds + 1 : 0;
    if (!slow)
        m_nakedBlocks.clear();
    if (m_slowSeconds < kSustainSeconds || m_graceSeconds > 0 || clients.isEmpty())
        return nullptr;

    ReceiverPeer *worst = nullptr;
    for (ReceiverPeer *peer : clients) {
        const quint64 naks = m_nakedBlocks.value(peer);
        if (!worst || naks > m_nakedBlocks.value(worst)
            || (naks == m_nakedBlocks.value(worst) && peer->info().transferRate < worst->info().transferRate))
            worst = peer;
    }
    *reason = QStringLiteral("the stream ran below the %1 KB/s threshold for %2 s; this client received %3 KB/s and "
                             "needed %4 blocks repaired")
                  .arg(thresholdKBps).arg(kSustainSeconds)
                  .arg(worst->info().transferRate / 1000).arg(m_nakedBlocks.value(worst));
    m_slowSeconds = 0;
    m_graceSeconds = kGraceSeconds;
    m_nakedBlocks.clear();
    return worst;
}

} // namespace deploycast
