// SPDX-License-Identifier: GPL-3.0-or-later
#include "block_listener.h"

#include <QHostAddress>

#include <vector>

using namespace deploycast;

bool BlockListener::open(const QString &group, quint16 port, OnBlock onBlock)
{
    QString error;
    if (!m_socket.open(QHostAddress::LocalHost, QHostAddress(group), port, &error))
        return false;
    m_onBlock = std::move(onBlock);
    m_notifier = std::make_unique<QSocketNotifier>(m_socket.descriptor(), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, [this] { drain(); });
    return true;
}

void BlockListener::drain()
{
    constexpr int kBatch = 64;
    std::vector<unsigned char> buffers(kBatch * kMaxBlockDatagram);
    std::size_t sizes[kBatch];
    int got;
    while ((got = m_socket.receiveMany(buffers.data(), kMaxBlockDatagram, kBatch, sizes)) > 0) {
        for (int i = 0; i < got; ++i) {
            BlockHeader header;
            const unsigned char *payload;
            if (parseBlockDatagram(buffers.data() + std::size_t(i) * kMaxBlockDatagram, sizes[i], &header, &payload)
                == DatagramStatus::Ok)
                m_onBlock(header);
        }
    }
}
