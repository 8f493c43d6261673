// SPDX-License-Identifier: GPL-3.0-or-later
// The ceiling for bench/transfer: an unreliable multicast sender that pushes
// a file once, as fast as the socket takes it, and receivers that only count
// what arrives. No repair, no checksum, no file writes.
//
//   bench_raw_blast send    INTERFACE GROUP PORT FILE
//   bench_raw_blast receive INTERFACE GROUP PORT
//
// The receiver prints "BYTES SECONDS", from its first datagram to the end
// marker (or to one second of silence).
#include "transfer/multicast_socket.h"

#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <cstring>
#include <poll.h>
#include <unistd.h>

using namespace deploycast;

namespace {

constexpr std::size_t kPayload = 1400;
constexpr char kEndMarker[] = "DEPLOYCAST-RAW-BLAST-END";

int send(const QHostAddress &iface, const QHostAddress &group, quint16 port, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    const uchar *data = file.map(0, file.size());
    MulticastSendSocket socket;
    QString error;
    if (!data || !socket.open(iface, group, port, &error)) {
        std::fprintf(stderr, "raw_blast: %s\n", qPrintable(error));
        return 1;
    }
    // Batches of 64 datagrams per system call, as deploycast's sender sends.
    constexpr int kBatch = 64;
    std::size_t sizes[kBatch];
    for (qint64 offset = 0; offset < file.size();) {
        int count = 0;
        for (qint64 at = offset; count < kBatch && at < file.size(); at += qint64(kPayload))
            sizes[count++] = std::size_t(std::min<qint64>(kPayload, file.size() - at));
        // The file is contiguous, so the datagrams sit kPayload bytes apart in it.
        const int sent = socket.sendMany(data + offset, kPayload, sizes, count);
        for (int i = 0; i < sent; ++i)
            offset += qint64(sizes[i]);
        if (sent < count)
            usleep(50); // the socket buffer is full
    }
    for (int i = 0; i < 20; ++i) {
        socket.send(kEndMarker, sizeof kEndMarker);
        usleep(1000);
    }
    return 0;
}

int receive(const QHostAddress &iface, const QHostAddress &group, quint16 port)
{
    MulticastReceiveSocket socket;
    QString error;
    if (!socket.open(iface, group, port, &error)) {
        std::fprintf(stderr, "raw_blast: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    constexpr int kBatch = 64;
    constexpr std::size_t kStride = 2048;
    static unsigned char buffers[kBatch * kStride];
    std::size_t sizes[kBatch];
    qint64 bytes = 0;
    QElapsedTimer clock;
    qint64 lastNs = 0;
    bool ended = false;
    while (!ended) {
        pollfd descriptor{socket.descriptor(), POLLIN, 0};
        if (::poll(&descriptor, 1, clock.isValid() ? 1000 : 60000) <= 0)
            break;
        const int received = socket.receiveMany(buffers, kStride, kBatch, sizes);
        for (int i = 0; i < received; ++i) {
            const unsigned char *datagram = buffers + std::size_t(i) * kStride;
            if (sizes[i] == sizeof kEndMarker && std::memcmp(datagram, kEndMarker, sizeof kEndMarker) == 0) {
                ended = true;
                break;
            }
            if (!clock.isValid())
                clock.start();
            bytes += qint64(sizes[i]);
        }
        if (clock.isValid())
            lastNs = clock.nsecsElapsed();
    }
    std::printf("%lld %.6f\n", static_cast<long long>(bytes), double(lastNs) / 1e9);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 5)
        return 2;
    const QHostAddress iface(QString::fromLocal8Bit(argv[2]));
    const QHostAddress group(QString::fromLocal8Bit(argv[3]));
    const auto port = quint16(std::atoi(argv[4]));
    if (std::strcmp(argv[1], "send") == 0 && argc == 6)
        return send(iface, group, port, QString::fromLocal8Bit(argv[5]));
    if (std::strcmp(argv[1], "receive") == 0)
        return receive(iface, group, port);
    return 2;
}
