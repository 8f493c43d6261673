// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "receiver/receiver_link.h"

#include <QObject>
#include <QRandomGenerator>

namespace deploycast {

// Where a simulated client joins.
struct LoadTarget {
    QString host;
    quint16 port = 0;
    QString transmission;
};

// One simulated receiver for deploycast-loadgen: a real control connection
// (ReceiverLink: TLS, join, reports, kicks) without the data path. It claims
// progress at its rate, completes like a real client when it gets to the end
// and obeys disconnects by leaving.
class LoadClient : public QObject
{
    Q_OBJECT
public:
    enum class Outcome {
        Completed,    // reached the end and sent "complete"
        Aborted,      // disconnected with Force
        Disconnected, // disconnected without Force (load clients cannot fall back)
        Failed,       // refused, or the connection was lost
        Left,         // told to leave (churn)
    };

    struct Setup {
        int number = 0; // 1, 2, …: names the machine and picks its report slot
        LoadTarget target;
        QString machineName;
        QString macAddress;
        QHostAddress sourceAddress; // null: the system's choice
        QString serverFingerprint;
        QString joinToken;
        qint64 baseRate = 0;
        bool stuck = false; // reports no progress, as a client that lost its stream
    };

    LoadClient(const Setup &setup, QObject *parent = nullptr);

    void start();
    // One status report; does nothing until joined.
    void report(QRandomGenerator &random);
    // Goes away as a machine that is switched off would.
    void leave();
    int number() const { return m_setup.number; }
    bool hasJoined() const { return m_clientId != 0; } // stays true after it ended
    bool isJoined() const { return hasJoined() && !m_ended; }

Q_SIGNALS:
    void joined();
    void ended(LoadClient::Outcome outcome, const QString &message);

private:
    void join();
    void end(Outcome outcome, const QString &message);

    Setup m_setup;
    ReceiverLink m_link;
    quint32 m_clientId = 0;
    qint64 m_size = 0;
    QByteArray m_sha256;
    qint64 m_bytes = 0;
    double m_cpu = 0;
    double m_memory = 0;
    bool m_ended = false;
};

} // namespace deploycast
