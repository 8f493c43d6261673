// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>

#include <cstddef>

namespace deploycast {

// Thin RAII wrappers over UDP sockets for the data path, IPv4 or IPv6 as the
// group is. Qt's QUdpSocket cannot pick the outgoing multicast interface by
// address or set buffer sizes before binding, and the hot path wants plain
// syscalls anyway.
//
// The interface is named by an address it owns. IPv6 multicast names
// interfaces by index, so for an IPv6 group the interface is the one that owns
// that address, whichever family the address is (a receiver that reached its
// server over IPv4 joins an IPv6 group on that same interface).

class MulticastSendSocket
{
public:
    MulticastSendSocket() = default;
    ~MulticastSendSocket();
    MulticastSendSocket(const MulticastSendSocket &) = delete;
    MulticastSendSocket &operator=(const MulticastSendSocket &) = delete;

    // Opens a non-blocking socket that sends to group:port out of the
    // interface that owns interfaceAddress, with loopback on so receivers on
    // this host (and tests on 127.0.0.1) hear it.
    bool open(const QHostAddress &interfaceAddress, const QHostAddress &group, quint16 port,
              QString *error);
    // Returns false if the kernel's buffer is full (try again later).
    bool send(const void *data, std::size_t size);
    // Up to `count` datagrams in one system call (sendmmsg), from buffers
    // `stride` bytes apart with the given sizes. Returns how many went out;
    // fewer than `count` means the kernel's buffer is full.
    int sendMany(const unsigned char *buffers, std::size_t stride, const std::size_t *sizes, int count);

private:
    int m_fd = -1;
    unsigned char m_destination[28] = {}; // struct sockaddr_in or sockaddr_in6
    unsigned m_destinationLength = 0;
};

class MulticastReceiveSocket
{
public:
    MulticastReceiveSocket() = default;
    ~MulticastReceiveSocket();
    MulticastReceiveSocket(const MulticastReceiveSocket &) = delete;
    MulticastReceiveSocket &operator=(const MulticastReceiveSocket &) = delete;

    // Binds group:port (shared with other receivers on this host) and joins
    // the group on the interface that owns interfaceAddress.
    bool open(const QHostAddress &interfaceAddress, const QHostAddress &group, quint16 port,
              QString *error);
    void close();
    // Up to `count` datagrams in one system call (recvmmsg), into buffers
    // `stride` bytes apart; their sizes go to `sizes`. Returns how many
    // arrived, 0 when nothing is waiting.
    int receiveMany(unsigned char *buffers, std::size_t stride, int count, std::size_t *sizes);
    int descriptor() const { return m_fd; }

private:
    int m_fd = -1;
};

} // namespace deploycast
