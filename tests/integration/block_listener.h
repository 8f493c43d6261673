// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/block_datagram.h"
#include "transfer/multicast_socket.h"

#include <QObject>
#include <QSocketNotifier>

#include <functional>
#include <memory>

// Listens to a transmission's multicast group on loopback as a receiver
// would, and hands the header of every well-formed datagram to a callback:
// for tests that watch what the server really sends.
class BlockListener : public QObject
{
public:
    using OnBlock = std::function<void(const deploycast::BlockHeader &)>;
    bool open(const QString &group, quint16 port, OnBlock onBlock);

private:
    void drain();

    deploycast::MulticastReceiveSocket m_socket;
    std::unique_ptr<QSocketNotifier> m_notifier;
    OnBlock m_onBlock;
};
