// SPDX-License-Identifier: GPL-3.0-or-later
#include "multicast_socket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <algorithm>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QNetworkInterface>

namespace deploycast {
namespace {

// Large kernel buffers absorb bursts; the kernel caps them at
// net.core.{w,r}mem_max, which is fine.
constexpr int kSocketBufferBytes = 8 * 1024 * 1024;
// A receiver that is scheduled out loses whatever overflows its buffer, and
// at 250 MB/s the capped buffer lasts a few milliseconds. A privileged
// receiver (CAP_NET_ADMIN, as a deployment client usually is) takes more.
constexpr int kPrivilegedReceiveBufferBytes = 64 * 1024 * 1024;

bool isIpv6(const QHostAddress &group)
{
    return group.protocol() == QAbstractSocket::IPv6Protocol;
}

// The group's socket address; returns its length.
socklen_t toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage *storage)
{
    *storage = {};
    if (isIpv6(address)) {
        auto *sa = reinterpret_cast<sockaddr_in6 *>(storage);
        sa->sin6_family = AF_INET6;
        sa->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&sa->sin6_addr, bytes.c, sizeof bytes.c);
        return sizeof(sockaddr_in6);
    }
    auto *sa = reinterpret_cast<sockaddr_in *>(storage);
    sa->sin_family = AF_INET;
    sa->sin_port = htons(port);
    sa->sin_addr.s_addr = htonl(address.toIPv4Address());
    return sizeof(sockaddr_in);
}

bool fail(QString *error, const QString &what, int fd)
{
    *error = QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno)));
    if (fd >= 0)
        ::close(fd);
    return false;
}

// The index of the interface that owns `address`, 0 if none does.
unsigned interfaceIndexOf(const QHostAddress &address)
{
    for (const QNetworkInterface &candidate : QNetworkInterface::allInterfaces())
        for (const QNetworkAddressEntry &entry : candidate.addressEntries())
            if (entry.ip().isEqual(address, QHostAddress::TolerantConversion))
                return unsigned(candidate.index());
    return 0;
}

// For an IPv6 group: the interface's index, or false with the reason.
bool ipv6InterfaceIndex(const QHostAddress &interfaceAddress, unsigned *index, QString *error, int fd)
{
    *index = interfaceIndexOf(interfaceAddress);
    if (*index != 0)
        return true;
    errno = ENODEV;
    return fail(error, QStringLiteral("no interface has the address %1").arg(interfaceAddress.toString()), fd);
}

int openNonBlockingUdp(const QHostAddress &group)
{
    return ::socket(isIpv6(group) ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
}

// Outgoing interface, loopback on (receivers on this host and tests on
// loopback hear it), one hop: deployment stays on the local segment.
bool setMulticastOptions(int fd, const QHostAddress &interfaceAddress, const QHostAddress &group, QString *error)
{
    if (isIpv6(group)) {
        unsigned index = 0;
        if (!ipv6InterfaceIndex(interfaceAddress, &index, error, fd))
            return false;
        const int loop = 1;
        const int hops = 1;
        if (::setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, &index, sizeof index) < 0)
            return fail(error, QStringLiteral("IPV6_MULTICAST_IF"), fd);
        if (::setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, &loop, sizeof loop) < 0)
            return fail(error, QStringLiteral("IPV6_MULTICAST_LOOP"), fd);
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &hops, sizeof hops);
        return true;
    }
    in_addr iface{};
    iface.s_addr = htonl(interfaceAddress.toIPv4Address());
    if (::setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &iface, sizeof iface) < 0)
        return fail(error, QStringLiteral("IP_MULTICAST_IF"), fd);
    const unsigned char loop = 1;
    if (::setsockopt(fd, IPPROTO_IP, IP_MULTICAST_LOOP, &loop, sizeof loop) < 0)
        return fail(error, QStringLiteral("IP_MULTICAST_LOOP"), fd);
    const unsigned char ttl = 1;
    ::setsockopt(fd, IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof ttl);
    return true;
}

bool joinGroup(int fd, const QHostAddress &interfaceAddress, const QHostAddress &group, QString *error)
{
    if (isIpv6(group)) {
        ipv6_mreq membership{};
        const Q_IPV6ADDR bytes = group.toIPv6Address();
        std::memcpy(&membership.ipv6mr_multiaddr, bytes.c, sizeof bytes.c);
        if (!ipv6InterfaceIndex(interfaceAddress, &membership.ipv6mr_interface, error, fd))
            return false;
        if (::setsockopt(fd, IPPROTO_IPV6, IPV6_JOIN_GROUP, &membership, sizeof membership) < 0)
            return fail(error, QStringLiteral("IPV6_JOIN_GROUP"), fd);
        return true;
    }
    ip_mreq membership{};
    membership.imr_multiaddr.s_addr = htonl(group.toIPv4Address());
    membership.imr_interface.s_addr = htonl(interfaceAddress.toIPv4Address());
    if (::setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, &membership, sizeof membership) < 0)
        return fail(error, QStringLiteral("IP_ADD_MEMBERSHIP"), fd);
    return true;
}

} // namespace

MulticastSendSocket::~MulticastSendSocket()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool MulticastSendSocket::open(const QHostAddress &interfaceAddress, const QHostAddress &group,
                               quint16 port, QString *error)
{
    const int fd = openNonBlockingUdp(group);
    if (fd < 0)
        return fail(error, QStringLiteral("socket"), fd);
    const int size = kSocketBufferBytes;
    ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    if (!setMulticastOptions(fd, interfaceAddress, group, error))
        return false;
    sockaddr_storage destination;
    m_destinationLength = toSockaddr(group, port, &destination);
    static_assert(sizeof(sockaddr_in6) <= sizeof m_destination);
    std::memcpy(m_destination, &destination, m_destinationLength);
    m_fd = fd;
    return true;
}

bool MulticastSendSocket::send(const void *data, std::size_t size)
{
    const ssize_t sent = ::sendto(m_fd, data, size, 0, reinterpret_cast<const sockaddr *>(m_destination),
                                  m_destinationLength);
    // A full buffer is back-pressure; any other error (e.g. no route) is
    // treated the same way so the sender retries on its next tick.
    return sent == ssize_t(size);
}

int MulticastSendSocket::sendMany(const unsigned char *buffers, std::size_t stride, const std::size_t *sizes, int count)
{
    constexpr int kMaxBatch = 64;
    count = std::min(count, kMaxBatch);
    iovec vectors[kMaxBatch];
    mmsghdr messages[kMaxBatch];
    for (int i = 0; i < count; ++i) {
        vectors[i] = {const_cast<unsigned char *>(buffers + std::size_t(i) * stride), sizes[i]};
        messages[i] = {};
        messages[i].msg_hdr.msg_name = m_destination;
        messages[i].msg_hdr.msg_namelen = m_destinationLength;
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
    }
    const int sent = ::sendmmsg(m_fd, messages, unsigned(count), 0);
    return sent < 0 ? 0 : sent;
}

MulticastReceiveSocket::~MulticastReceiveSocket()
{
    close();
}

bool MulticastReceiveSocket::open(const QHostAddress &interfaceAddress, const QHostAddress &group,
                                  quint16 port, QString *error)
{
    close();
    const int fd = openNonBlockingUdp(group);
    if (fd < 0)
        return fail(error, QStringLiteral("socket"), fd);
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    const int size = kSocketBufferBytes;
    const int privileged = kPrivilegedReceiveBufferBytes;
    if (::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &privileged, sizeof privileged) < 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    // Binding to the group address (not the wildcard) keeps out datagrams of
    // other groups that happen to use the same port.
    sockaddr_storage local;
    const socklen_t length = toSockaddr(group, port, &local);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&local), length) < 0)
        return fail(error, QStringLiteral("bind"), fd);
    if (!joinGroup(fd, interfaceAddress, group, error))
        return false;
    m_fd = fd;
    return true;
}

void MulticastReceiveSocket::close()
{
    if (m_fd >= 0) {
        ::close(m_fd); // leaving the group is implicit
        m_fd = -1;
    }
}

int MulticastReceiveSocket::receiveMany(unsigned char *buffers, std::size_t stride, int count, std::size_t *sizes)
{
    constexpr int kMaxBatch = 64;
    count = std::min(count, kMaxBatch);
    iovec vectors[kMaxBatch];
    mmsghdr messages[kMaxBatch];
    for (int i = 0; i < count; ++i) {
        vectors[i] = {buffers + std::size_t(i) * stride, stride};
        messages[i] = {};
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
    }
    const int received = ::recvmmsg(m_fd, messages, unsigned(count), MSG_DONTWAIT, nullptr);
    if (received <= 0)
        return 0;
    for (int i = 0; i < received; ++i)
        sizes[i] = messages[i].msg_len;
    return received;
}

} // namespace deploycast
