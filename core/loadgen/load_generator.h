// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "load_client.h"
#include "rate_profile.h"

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <deque>
#include <vector>

namespace deploycast {

struct LoadOptions {
    QList<LoadTarget> targets; // clients are spread over them in turn
    int clients = 100;
    RateProfile profile;
    double churnPercent = 0; // this share of clients leaves, and as many join, every second
    double stuckPercent = 0; // this share reports no progress
    bool synchronized = false; // all report in the same instant, not spread over the second
    QString namePrefix = QStringLiteral("load");
    QString serverFingerprint;
    QString joinToken;
    bool ownLoopbackAddresses = true; // each client from its own 127.x.y.z when the server is on loopback
    int maxConnecting = 64;  // TLS handshakes in flight at once
    quint32 seed = 1;
};

// deploycast-loadgen's engine: keeps N load clients joined, reports for each
// once a second (spread over the second in ten slots, or all at once), turns
// some over every second if asked, and counts what became of them.
class LoadGenerator : public QObject
{
    Q_OBJECT
public:
    struct Counts {
        int joined = 0;
        int connecting = 0;
        int completed = 0;
        int aborted = 0;
        int disconnected = 0;
        int failed = 0;
        int left = 0;
    };

    explicit LoadGenerator(const LoadOptions &options, QObject *parent = nullptr);

    void start();
    Counts counts() const { return m_counts; }
    QString lastFailure() const { return m_lastFailure; }

Q_SIGNALS:
    void allJoined(); // once, when the first N have joined
    // The first client failed before any had joined: a wrong server,
    // transmission or join token, so there is no point going on.
    void gaveUp(const QString &reason);

private:
    void queueNewMachine(); // a new client number waits its turn to connect
    void startNext();
    void launch(int number);
    void onEnded(LoadClient *client, LoadClient::Outcome outcome, const QString &message);
    void onSlot();
    void churn();
    QHostAddress sourceAddressFor(const LoadTarget &target, int number) const;

    LoadOptions m_options;
    QRandomGenerator m_random;
    std::deque<int> m_waiting; // client numbers not yet started
    std::vector<LoadClient *> m_clients; // joined or connecting
    int m_nextNumber = 1;
    int m_slot = 0;
    bool m_announcedAllJoined = false;
    bool m_anyJoined = false;
    bool m_gaveUp = false;
    Counts m_counts;
    QString m_lastFailure;
    QTimer m_slotTimer;
    QTimer m_churnTimer;
};

} // namespace deploycast
