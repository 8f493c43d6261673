// SPDX-License-Identifier: GPL-3.0-or-later
#include "load_client.h"

#include "rate_profile.h"

#include <QTimer>

#include <algorithm>

namespace deploycast {
namespace {
constexpr double kLinkBytesPerSecond = 125e6; // "network" is the share of a 1 Gbit/s link

double wander(double value, double step, QRandomGenerator &random)
{
    return std::clamp(value + random.bounded(2 * step) - step, 0.0, 100.0);
}
} // namespace

LoadClient::LoadClient(const Setup &setup, QObject *parent)
    : QObject(parent)
    , m_setup(setup)
{
    connect(&m_link, &ReceiverLink::connected, this, &LoadClient::join);
    // Its image is being hashed, say: ask again, as a real receiver does.
    connect(&m_link, &ReceiverLink::notReady, this, [this] { QTimer::singleShot(1000, this, &LoadClient::join); });
    connect(&m_link, &ReceiverLink::joined, this, [this](const JoinReply &reply) {
        m_clientId = reply.clientId;
        m_size = reply.size;
        m_sha256 = reply.sha256;
        Q_EMIT joined();
    });
    connect(&m_link, &ReceiverLink::kicked, this, [this](const QString &reason, const QString &message) {
        end(reason == u"abort"_qs ? Outcome::Aborted : Outcome::Disconnected, message);
    });
    connect(&m_link, &ReceiverLink::failed, this, [this](const QString &message) { end(Outcome::Failed, message); });
    connect(&m_link, &ReceiverLink::lost, this, [this](const QString &reason) { end(Outcome::Failed, reason); });
}

void LoadClient::join()
{
    m_link.join({SessionKind::Transmission, m_setup.target.transmission, m_setup.machineName, m_setup.macAddress,
                 false, m_setup.joinToken});
}

void LoadClient::start()
{
    m_link.open(m_setup.target.host, m_setup.target.port, m_setup.serverFingerprint, m_setup.sourceAddress);
}

void LoadClient::report(QRandomGenerator &random)
{
    if (!isJoined())
        return;
    const qint64 rate = m_setup.stuck ? 0 : RateProfile::jittered(m_setup.baseRate, random);
    m_bytes = std::min(m_size, m_bytes + rate);
    m_cpu = wander(m_cpu == 0 ? 10 + random.bounded(30.0) : m_cpu, 5, random);
    m_memory = wander(m_memory == 0 ? 20 + random.bounded(40.0) : m_memory, 1, random);
    const double network = std::min(100.0, 100.0 * double(rate) / kLinkBytesPerSecond);
    const bool done = m_bytes >= m_size;
    const ClientState state = done ? ClientState::Verifying
                                   : (m_setup.stuck ? ClientState::Repairing : ClientState::Receiving);
    m_link.sendStatus({m_bytes, rate, m_cpu, m_memory, network, state});
    if (done) {
        m_link.sendComplete(m_sha256); // the hash the server announced: there is no data to hash
        end(Outcome::Completed, {});
    }
}

void LoadClient::leave()
{
    end(Outcome::Left, {});
}

void LoadClient::end(Outcome outcome, const QString &message)
{
    if (m_ended)
        return;
    m_ended = true;
    disconnect(&m_link, nullptr, this, nullptr);
    m_link.close();
    Q_EMIT ended(outcome, message);
}

} // namespace deploycast
