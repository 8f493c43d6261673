// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>

namespace deploycast {

// CPU, memory and network utilisation of this host, in percent, as WDS
// clients report them. Read from /proc and /sys; each sample compares with
// the one before it.
class HostMetrics
{
public:
    // The interface that carries traffic from localAddress; its name and MAC
    // are reported, and its counters measure network utilisation.
    explicit HostMetrics(const QHostAddress &localAddress);

    QString macAddress() const { return m_mac; }

    struct Sample {
        double cpu = 0;
        double memory = 0;
        double network = 0;
    };
    Sample sample();

private:
    QString m_interface;
    QString m_mac;
    double m_linkBitsPerSecond;
    quint64 m_lastCpuBusy = 0;
    quint64 m_lastCpuTotal = 0;
    quint64 m_lastNetBytes = 0;
    qint64 m_lastSampleMs = 0;
    double m_lastCpu = 0;
    double m_lastNetwork = 0;
};

} // namespace deploycast
