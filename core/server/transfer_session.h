#pragma once

#include "common/error.h"
#include "domain/session_info.h"
#include "transfer/block_bitmap.h"
#include "transfer/content_file.h"

#include <QHostAddress>
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
};

} // namespace deploycast
