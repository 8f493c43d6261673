// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <vector>

namespace deploycast {

class ServerConnection;
class ServerList;

// How transfers went over time, sampled from the mirrors every kSampleMs:
// per transmission, the clients' total rate and their mean progress (the
// chart); per client, its rate (the detail panel's sparkline). Bounded:
// kSessionSamples per transmission, kClientSamples per client, and clients
// are forgotten once they leave the finished list.
class ThroughputRecorder : public QObject
{
    Q_OBJECT
public:
    struct Sample {
        QDateTime time;
        double bytesPerSecond = 0;
        double percent = 0; // mean progress of the clients then
        int clients = 0;
    };

    explicit ThroughputRecorder(ServerList *servers, QObject *parent = nullptr);

    const std::deque<Sample> &sessionSamples(const ServerConnection *server, quint32 sessionId) const;
    // Oldest first, one per kSampleMs while the client was on the server.
    std::vector<float> clientRates(const ServerConnection *server, quint32 clientId) const;

    // Takes one sample of every server now (the timer calls it; pictures
    // and tests call it with the time they want).
    void sample(const QDateTime &now);
    // A recording has one moment only: draws what led up to it, assuming
    // each client received at its recorded rate since it joined (pictures
    // of a replay; a live console samples instead).
    void reconstructReplay(const ServerConnection *server);
    void setSampling(bool on);

    static constexpr int kSampleMs = 2000;
    static constexpr std::size_t kSessionSamples = 1800; // an hour
    static constexpr std::size_t kClientSamples = 60;    // two minutes

Q_SIGNALS:
    void sampled();

private:
    quint32 serialOf(const ServerConnection *server); // a small number per server, for keys
    std::deque<Sample> &sessionSeries(const ServerConnection *server, quint32 sessionId);

    ServerList *m_servers;
    QTimer m_timer;
    QHash<const ServerConnection *, quint32> m_serial;
    quint32 m_nextSerial = 1;
    QHash<quint64, std::deque<Sample>> m_sessions;
    QHash<quint64, std::deque<float>> m_clients;
};

} // namespace deploycast
