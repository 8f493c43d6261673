// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <vector>

// The scale benchmarks' test bed: real deploycastd processes on loopback
// ports, each with the same transmissions (ScheduledCast, never started, so
// no multicast data flows: the load is the control plane), and one
// deploycast-loadgen process for all the clients.
class ScaleBed
{
public:
    ScaleBed(int servers, int transmissionsPerServer);
    ~ScaleBed();

    // Starts the servers and creates the transmissions; false with a message on stderr.
    bool start();
    // Starts the load generator over every transmission of the first
    // `servers` servers (all of them by default) and waits until all clients
    // have joined.
    bool startLoadgen(int clients, const QStringList &extraArguments = {}, int servers = -1);
    void stopLoadgen();

    QStringList serverAddresses() const; // "127.0.0.1:port"
    qint64 serverPid(int server) const;
    static QString binary(const char *name); // next to this benchmark

private:
    bool createTransmissions(int server);

    int m_transmissions;
    QTemporaryDir m_root;
    std::vector<quint16> m_ports;
    std::vector<std::unique_ptr<QProcess>> m_servers;
    std::unique_ptr<QProcess> m_loadgen;
};

// Runs the event loop until `condition` holds; false if it did not within the timeout.
bool waitFor(const std::function<bool()> &condition, int timeoutMs);
// Resident memory of a process, from /proc (VmRSS), in bytes.
qint64 residentBytesOf(qint64 pid);
// CPU time (user + system) a process has used so far, in seconds.
double cpuSecondsOf(qint64 pid);
// Bytes a process has written so far, sockets included (/proc/PID/io wchar).
qint64 bytesWrittenBy(qint64 pid);
