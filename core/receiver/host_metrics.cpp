// SPDX-License-Identifier: GPL-3.0-or-later
#include "host_metrics.h"

#include <QDateTime>
#include <QFile>
#include <QNetworkInterface>

namespace deploycast {
namespace {

// Loopback and most virtual links report no speed; we then measure against
// 1 Gbit/s, the common access-port speed (documented in docs/cli.md).
constexpr double kAssumedLinkBitsPerSecond = 1e9;
constexpr quint64 kMinCpuTicks = 20; // 0.2 s of one CPU at the usual 100 Hz
constexpr qint64 kMinNetworkIntervalMs = 200;

QByteArray readProc(const char *path)
{
    QFile file{QString::fromLatin1(path)};
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

double percent(double part, double whole)
{
    return whole > 0 ? std::clamp(100.0 * part / whole, 0.0, 100.0) : 0.0;
}

} // namespace

HostMetrics::HostMetrics(const QHostAddress &localAddress)
    : m_linkBitsPerSecond(kAssumedLinkBitsPerSecond)
{
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        for (const QNetworkAddressEntry &entry : iface.addressEntries()) {
            if (entry.ip().isEqual(localAddress, QHostAddress::TolerantConversion)) {
                m_interface = iface.name();
                m_mac = iface.hardwareAddress();
            }
        }
    }
    QFile speed(QStringLiteral("/sys/class/net/%1/speed").arg(m_interface));
    if (!m_interface.isEmpty() && speed.open(QIODevice::ReadOnly)) {
        const double megabits = speed.readAll().trimmed().toDouble();
        if (megabits > 0)
            m_linkBitsPerSecond = megabits * 1e6;
    }
    sample(); // prime the counters
}

HostMetrics::Sample HostMetrics::sample()
{
    Sample result;

    // /proc/stat: "cpu  user nice system idle iowait irq softirq steal ..."
    const QList<QByteArray> cpu = readProc("/proc/stat").split('\n').value(0).simplified().split(' ');
    quint64 total = 0, idle = 0;
    for (int i = 1; i < cpu.size() && i <= 8; ++i) {
        total += cpu[i].toULongLong();
        if (i == 4 || i == 5)
            idle += cpu[i].toULongLong();
    }
    const quint64 busy = total - idle;
    // Over a few clock ticks the ratio is noise (0% or 100%): keep the last
    // reading until enough time has passed.
    if (total - m_lastCpuTotal >= kMinCpuTicks) {
        m_lastCpu = percent(double(busy - m_lastCpuBusy), double(total - m_lastCpuTotal));
        m_lastCpuBusy = busy;
        m_lastCpuTotal = total;
    }
    result.cpu = m_lastCpu;

    double memTotal = 0, memAvailable = 0;
    for (const QByteArray &line : readProc("/proc/meminfo").split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.value(0) == "MemTotal:")
            memTotal = fields.value(1).toDouble();
        else if (fields.value(0) == "MemAvailable:")
            memAvailable = fields.value(1).toDouble();
    }
    result.memory = percent(memTotal - memAvailable, memTotal);

    // /proc/net/dev: "  eth0: rxbytes rxpackets ... (8 rx fields) txbytes ..."
    quint64 netBytes = 0;
    for (const QByteArray &line : readProc("/proc/net/dev").split('\n')) {
        const int colon = line.indexOf(':');
        if (colon < 0 || line.left(colon).trimmed() != m_interface.toUtf8())
            continue;
        const QList<QByteArray> fields = line.mid(colon + 1).simplified().split(' ');
        netBytes = fields.value(0).toULongLong() + fields.value(8).toULongLong();
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastSampleMs >= kMinNetworkIntervalMs) {
        if (m_lastSampleMs > 0) {
            const double bitsPerSecond = double(netBytes - m_lastNetBytes) * 8.0 * 1000.0 / double(now - m_lastSampleMs);
            m_lastNetwork = percent(bitsPerSecond, m_linkBitsPerSecond);
        }
        m_lastNetBytes = netBytes;
        m_lastSampleMs = now;
    }
    result.network = m_lastNetwork;
    return result;
}

} // namespace deploycast
