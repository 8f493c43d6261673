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
        quint32 &serial = m_serial[server];
        if (serial == 0)
            serial = m_nextSerial++;
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
            std::deque<Sample> &samples = m_sessions[high | session.id];
            samples.push_back(sample);
            if (samples.size() > kSessionSamples)
                samples.pop_front();
        }
        // Clients gone from both the live and the finished lists go from here too.
        m_clients.removeIf([&](const auto &it) {
            const quint32 id = quint32(it.key());
            return quint32(it.key() >> 32) == serial && !server->client(id);
        });
    }
    Q_EMIT sampled();
}

void ThroughputRecorder::addSessionSample(const ServerConnection *server, quint32 sessionId, const Sample &sample)
{
    quint32 &serial = m_serial[server];
    if (serial == 0)
        serial = m_nextSerial++;
    std::deque<Sample> &samples = m_sessions[(quint64(serial) << 32) | sessionId];
    samples.push_back(sample);
    if (samples.size() > kSessionSamples)
        samples.pop_front();
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
