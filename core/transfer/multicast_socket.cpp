#include "multicast_socket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <algorithm>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace deploycast {
namespace {

// Large kernel buffers absorb bursts; the kernel caps them at
// net.core.{w,r}mem_max, which is fine.
constexpr int kSocketBufferBytes = 8 * 1024 * 1024;
// A receiver that is scheduled out loses whatever overflows its buffer, and
// at 250 MB/s the capped buffer lasts a few milliseconds. A privileged
// receiver (CAP_NET_ADMIN, as a deployment client usually is) takes more.
constexpr int kPrivilegedReceiveBufferBytes = 64 * 1024 * 1024;

sockaddr_in toSockaddr(const QHostAddress &address, quint16 port)
{
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(address.toIPv4Address());
    return sa;
}

bool fail(QString *error, const char *what, int fd)
{
    *error = QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
    if (fd >= 0)
        ::close(fd);
    return false;
}

int openNonBlockingUdp()
{
    return ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
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
    const int fd = openNonBlockingUdp();
    if (fd < 0)
        return fail(error, "socket", fd);
    const int size = kSocketBufferBytes;
    ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    in_addr iface{};
    iface.s_addr = htonl(interfaceAddress.toIPv4Address());
    if (::setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &iface, sizeof iface) < 0)
        return fail(error, "IP_MULTICAST_IF", fd);
    const unsigned char loop = 1;
    if (::setsockopt(fd, IPPROTO_IP, IP_MULTICAST_LOOP, &loop, sizeof loop) < 0)
        return fail(error, "IP_MULTICAST_LOOP", fd);
    const unsigned char ttl = 1; // deployment stays on the local segment
    ::setsockopt(fd, IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof ttl);
    const sockaddr_in destination = toSockaddr(group, port);
    static_assert(sizeof destination <= sizeof m_destination);
    std::memcpy(m_destination, &destination, sizeof destination);
    m_fd = fd;
    return true;
}

bool MulticastSendSocket::send(const void *data, std::size_t size)
{
    const ssize_t sent = ::sendto(m_fd, data, size, 0, reinterpret_cast<const sockaddr *>(m_destination),
                                  sizeof(sockaddr_in));
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
        messages[i].msg_hdr.msg_namelen = sizeof(sockaddr_in);
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
    const int fd = openNonBlockingUdp();
    if (fd < 0)
        return fail(error, "socket", fd);
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    const int size = kSocketBufferBytes;
    const int privileged = kPrivilegedReceiveBufferBytes;
    if (::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &privileged, sizeof privileged) < 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    // Binding to the group address (not INADDR_ANY) keeps out datagrams of
    // other groups that happen to use the same port.
    const sockaddr_in local = toSockaddr(group, port);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&local), sizeof local) < 0)
        return fail(error, "bind", fd);
    ip_mreq membership{};
    membership.imr_multiaddr.s_addr = htonl(group.toIPv4Address());
    membership.imr_interface.s_addr = htonl(interfaceAddress.toIPv4Address());
    if (::setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, &membership, sizeof membership) < 0)
        return fail(error, "IP_ADD_MEMBERSHIP", fd);
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
