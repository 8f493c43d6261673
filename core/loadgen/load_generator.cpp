// SPDX-License-Identifier: GPL-3.0-or-later
#include "load_generator.h"

#include <QHostAddress>

#include <algorithm>

namespace deploycast {
namespace {
constexpr int kSlotsPerSecond = 10;
} // namespace

LoadGenerator::LoadGenerator(const LoadOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_random(options.seed)
{
    m_slotTimer.setInterval(1000 / kSlotsPerSecond);
    m_slotTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_slotTimer, &QTimer::timeout, this, &LoadGenerator::onSlot);
    m_churnTimer.setInterval(1000);
    connect(&m_churnTimer, &QTimer::timeout, this, &LoadGenerator::churn);
}

void LoadGenerator::start()
{
    for (int i = 0; i < m_options.clients; ++i)
        queueNewMachine();
    startNext();
    m_slotTimer.start();
}

void LoadGenerator::queueNewMachine()
{
    m_waiting.push_back(m_nextNumber++);
}

void LoadGenerator::startNext()
{
    while (!m_waiting.empty() && m_counts.connecting < m_options.maxConnecting) {
        const int number = m_waiting.front();
        m_waiting.pop_front();
        launch(number);
    }
}

QHostAddress LoadGenerator::sourceAddressFor(const LoadTarget &target, int number) const
{
    if (!m_options.ownLoopbackAddresses || !QHostAddress(target.host).isLoopback())
        return {};
    // 127.1.0.1 onwards: 250 clients per /24, never .0 or .255.
    return QHostAddress(quint32((127u << 24) | ((1u + quint32(number) / 62500u) << 16)
                                | ((quint32(number) / 250u % 250u) << 8) | (quint32(number) % 250u + 1u)));
}

void LoadGenerator::launch(int number)
{
    const LoadTarget &target = m_options.targets.at((number - 1) % m_options.targets.size());
    LoadClient::Setup setup;
    setup.number = number;
    setup.target = target;
    setup.machineName = QStringLiteral("%1-%2").arg(m_options.namePrefix).arg(number, 5, 10, QLatin1Char('0'));
    setup.macAddress = QStringLiteral("02:dc:%1:%2:%3:%4")
                           .arg(qHash(m_options.namePrefix) % 256, 2, 16, QLatin1Char('0'))
                           .arg((number >> 16) & 0xff, 2, 16, QLatin1Char('0'))
                           .arg((number >> 8) & 0xff, 2, 16, QLatin1Char('0'))
                           .arg(number & 0xff, 2, 16, QLatin1Char('0'));
    setup.sourceAddress = sourceAddressFor(target, number);
    setup.serverFingerprint = m_options.serverFingerprint;
    setup.joinToken = m_options.joinToken;
    setup.baseRate = m_options.profile.pickBaseRate(m_random);
    setup.stuck = m_random.bounded(100.0) < m_options.stuckPercent;
    auto *client = new LoadClient(setup, this);
    m_clients.push_back(client);
    ++m_counts.connecting;
    connect(client, &LoadClient::joined, this, [this] {
        --m_counts.connecting;
        ++m_counts.joined;
        m_anyJoined = true;
        startNext();
        if (!m_announcedAllJoined && m_counts.joined >= m_options.clients) {
            m_announcedAllJoined = true;
            // Churn begins once all are in: joins slower than the churn (a
            // busy or instrumented server) would otherwise never get there.
            if (m_options.churnPercent > 0)
                m_churnTimer.start();
            Q_EMIT allJoined();
        }
    });
    connect(client, &LoadClient::ended, this, [this, client](LoadClient::Outcome outcome, const QString &message) {
        --(client->hasJoined() ? m_counts.joined : m_counts.connecting);
        onEnded(client, outcome, message);
    });
    client->start();
}

void LoadGenerator::onEnded(LoadClient *client, LoadClient::Outcome outcome, const QString &message)
{
    m_clients.erase(std::find(m_clients.begin(), m_clients.end(), client));
    client->deleteLater();
    switch (outcome) {
    case LoadClient::Outcome::Completed:
        ++m_counts.completed;
        queueNewMachine(); // the next machine in the rack starts
        break;
    case LoadClient::Outcome::Aborted: ++m_counts.aborted; break;
    case LoadClient::Outcome::Disconnected: ++m_counts.disconnected; break;
    case LoadClient::Outcome::Left: ++m_counts.left; break;
    case LoadClient::Outcome::Failed:
        ++m_counts.failed;
        m_lastFailure = message;
        if (!m_anyJoined) {
            if (!std::exchange(m_gaveUp, true))
                Q_EMIT gaveUp(message);
            return;
        }
        // A machine whose connection broke tries again, a second later.
        QTimer::singleShot(1000, this, [this] {
            queueNewMachine();
            startNext();
        });
        break;
    }
    startNext();
}

void LoadGenerator::onSlot()
{
    // Client k reports in slot k mod 10, so reports are spread over the
    // second; synchronized, everyone reports in slot 0.
    const int slot = m_slot;
    m_slot = (m_slot + 1) % kSlotsPerSecond;
    if (m_options.synchronized && slot != 0)
        return;
    const std::vector<LoadClient *> clients = m_clients; // a report can end a client
    for (LoadClient *client : clients)
        if (m_options.synchronized || client->number() % kSlotsPerSecond == slot)
            client->report(m_random);
}

void LoadGenerator::churn()
{
    std::vector<LoadClient *> joined;
    for (LoadClient *client : m_clients)
        if (client->isJoined())
            joined.push_back(client);
    const auto leaving = std::min(joined.size(), std::size_t(double(m_options.clients) * m_options.churnPercent / 100.0 + 0.5));
    for (std::size_t i = 0; i < leaving; ++i) {
        const std::size_t pick = i + std::size_t(m_random.bounded(quint32(joined.size() - i)));
        std::swap(joined[i], joined[pick]);
        joined[i]->leave();
        queueNewMachine();
    }
    startNext();
}

} // namespace deploycast
