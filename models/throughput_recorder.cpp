// SPDX-License-Identifier: GPL-3.0-or-later
#include "throughput_recorder.h"

#include "client/server_connection.h"
#include "client/server_list.h"

namespace deploycast {

ThroughputRecorder::ThroughputRecorder(ServerList *servers, QObject *parent)
    : QObject(parent)
    , m_servers(servers)
{
    m_timer.setInterval(kSampleMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { sample(QDateTime::currentDateTimeUtc()); });
    m_timer.start();
    connect(servers, &ServerList::serverAboutToBeRemoved, this, [this](ServerConnection *server) {
        const quint32 serial = m_serial.take(server);
        const auto ofServer = [serial](quint64 key) { return quint32(key >> 32) == serial; };
        m_sessions.removeIf([&](const auto &it) { return ofServer(it.key()); });
        m_clients.removeIf([&](const auto &it) { return ofServer(it.key()); });
    });
}

void ThroughputRecorder::setSampling(bool on)
{
    if (on)
        m_timer.start();
    else
        m_timer.stop();
}

void ThroughputRecorder::sample(const QDateTime &now)
{
    for (ServerConnection *server : m_servers->servers()) {
        if (server->state() != ConnectionState::Connected)
            continue; // a frozen mirror says nothing about now
        const quint32 serial = serialOf(server);
        const quint64 high = quint64(serial) << 32;
        QHash<quint32, Sample> bySession;
        for (const ClientInfo &client : server->clients()) {
            Sample &sample = bySession[client.sessionId];
            sample.bytesPerSecond += double(client.transferRate);
            sample.percent += client.percentComplete;
            ++sample.clients;
            std::deque<float> &rates = m_clients[high | client.id];
            rates.push_back(float(client.transferRate));
            if (rates.size() > kClientSamples)
                rates.pop_front();
        }
        for (const SessionInfo &session : server->sessions()) {
            Sample sample = bySession.value(session.id);
            sample.time = now;
            if (sample.clients > 0)
                sample.percent /= sample.clients;
            std::deque<Sample> &samples = sessionSeries(server, session.id);
            samples.push_back(sample);
            if (samples.size() > kSessionSamples)
                samples.pop_front();
        }
        // Sessions the server no longer has, and clients gone from both the
        // live and the finished lists, go from here too.
        m_sessions.removeIf([&](const auto &it) {
            return quint32(it.key() >> 32) == serial && !server->sessions().contains(quint32(it.key()));
        });
        m_clients.removeIf([&](const auto &it) {
            const quint32 id = quint32(it.key());
            return quint32(it.key() >> 32) == serial && !server->client(id);
        });
    }
    Q_EMIT sampled();
}

quint32 ThroughputRecorder::serialOf(const ServerConnection *server)
{
    quint32 &serial = m_serial[server];
    if (serial == 0)
        serial = m_nextSerial++;
    return serial;
}

std::deque<ThroughputRecorder::Sample> &ThroughputRecorder::sessionSeries(const ServerConnection *server, quint32 sessionId)
{
    return m_sessions[(quint64(serialOf(server)) << 32) | sessionId];
}

void ThroughputRecorder::reconstructReplay(const ServerConnection *server)
{
    constexpr int kPoints = 60;
    const QDateTime now = server->referenceTime();
    for (const SessionInfo &session : server->sessions()) {
        QDateTime first = now;
        for (const ClientInfo &client : server->clients())
            if (client.sessionId == session.id && client.joinedAt.isValid() && client.joinedAt < first)
                first = client.joinedAt;
        const qint64 span = std::max<qint64>(first.msecsTo(now), kSampleMs);
        std::deque<Sample> &samples = sessionSeries(server, session.id);
        samples.clear();
        for (int point = 0; point <= kPoints; ++point) {
            Sample sample;
            sample.time = first.addMSecs(span * point / kPoints);
            for (const ClientInfo &client : server->clients()) {
                if (client.sessionId != session.id || client.joinedAt > sample.time)
                    continue;
                const qint64 joinedFor = std::max<qint64>(1, client.joinedAt.msecsTo(now));
                sample.bytesPerSecond += double(client.transferRate);
                sample.percent += client.percentComplete * double(client.joinedAt.msecsTo(sample.time)) / double(joinedFor);
                ++sample.clients;
            }
            if (sample.clients > 0)
                sample.percent /= sample.clients;
            samples.push_back(sample);
        }
    }
    // Each client's recent rate: its recorded one, from when it joined.
    const quint64 high = quint64(serialOf(server)) << 32;
    for (const ClientInfo &client : server->clients()) {
        std::deque<float> &rates = m_clients[high | client.id];
        rates.clear();
        for (std::size_t sample = 0; sample < kClientSamples; ++sample) {
            const QDateTime at = now.addMSecs(-qint64(kClientSamples - 1 - sample) * kSampleMs);
            rates.push_back(client.joinedAt <= at ? float(client.transferRate) : 0.0f);
        }
    }
    Q_EMIT sampled();
}

const std::deque<ThroughputRecorder::Sample> &ThroughputRecorder::sessionSamples(const ServerConnection *server,
                                                                                 quint32 sessionId) const
{
    static const std::deque<Sample> none;
    const quint32 serial = m_serial.value(server);
    const auto found = m_sessions.constFind((quint64(serial) << 32) | sessionId);
    return serial == 0 || found == m_sessions.constEnd() ? none : *found;
}

std::vector<float> ThroughputRecorder::clientRates(const ServerConnection *server, quint32 clientId) const
{
    const quint32 serial = m_serial.value(server);
    const auto found = m_clients.constFind((quint64(serial) << 32) | clientId);
    if (serial == 0 || found == m_clients.constEnd())
        return {};
    return {found->begin(), found->end()};
}

} // namespace deploycast
