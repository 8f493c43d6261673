#pragma once

#include "common/error.h"
#include "domain/session_info.h"
#include "domain/slow_client_policy.h"
#include "transfer/block_bitmap.h"
#include "transfer/content_file.h"

#include <QHostAddress>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace deploycast {

class MulticastSender;
class ReceiverPeer;

struct TransferSettings {
    QHostAddress multicastInterface{QHostAddress::LocalHost};
    qint64 maxRate = 0; // bytes per second, 0 for no limit
};

// The live side of one transmission or namespace: who is in it, when it
// starts (AutoCast or ScheduledCast) and its multicast sender.
class TransferSession : public QObject
{
    Q_OBJECT
public:
    TransferSession(const SessionInfo &info, std::shared_ptr<const ContentFile> content,
                    const TransferSettings &settings, QObject *parent = nullptr);
    ~TransferSession() override;

    bool openSender(QString *error);

    SessionInfo info() const;
    quint32 token() const { return m_token; }
    std::shared_ptr<const ContentFile> content() const { return m_content; }
    const QList<ReceiverPeer *> &clients() const { return m_clients; }

    // Whether a new client may join, and why not.
    bool acceptsClients(Error *error) const;
    void addClient(ReceiverPeer *peer);
    void removeClient(ReceiverPeer *peer);

    // Start by hand (ScheduledCast only, as in WDS).
    bool start(Error *error);
    // Remove without Force: current clients finish, no new ones join.
    void deactivate();
    void requestRepair(const std::vector<BlockRange> &ranges);

    // Called once a second under AutoDisconnect: the client to disconnect, if
    // clients have received below the threshold for long enough. It is the
    // "master client" of MS-WDSMT: the one that asked for the most repairs
    // meanwhile (or, if none did, the slowest).
    ReceiverPeer *slowClientToDisconnect(const SlowClientPolicy &policy, QString *reason);
    static constexpr int kSustainSeconds = 5;
    static constexpr int kGraceSeconds = 5; // after a disconnect, let the rate recover

Q_SIGNALS:
    void stateChanged();
    // Deactivated and its last client has gone: the registry deletes it.
    void drained();

private:
    void setState(SessionState state);
    void checkScheduledStart();
    void armScheduleTimer();
    void updateSender();

    SessionInfo m_info;
    std::shared_ptr<const ContentFile> m_content;
    TransferSettings m_settings;
    quint32 m_token;
    MulticastSender *m_sender = nullptr;
    QList<ReceiverPeer *> m_clients;
    QTimer m_scheduleTimer;
    int m_slowSeconds = 0;
    int m_graceSeconds = 0;
    QHash<ReceiverPeer *, quint64> m_nakedBlocks; // over the current slow stretch
};

} // namespace deploycast
