// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "domain/session_info.h"
#include "domain/slow_client_policy.h"
#include "domain/transport_config.h"
#include "session_content.h"
#include "slow_client_watch.h"
#include "transfer/block_bitmap.h"
#include "transfer/multicast_sender.h"

#include <QHostAddress>
#include <QHash>
#include <QMap>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace deploycast {

class ReceiverPeer;

// What the slow-client policy decided for one client this second.
struct SlowClientAction {
    ReceiverPeer *peer = nullptr;
    int toStream = -1; // Multistream: the slower stream it moves to; -1: disconnect it
    QString reason;
};

struct TransferSettings {
    QHostAddress multicastInterface{QHostAddress::LocalHost};
    qint64 maxRate = 0; // bytes per second, 0 for no limit
    TransportConfig transport; // where multistream groups go
    // Content providers besides "file" (--content-provider NAME=PATH): each
    // serves one file of the image store, by its path there.
    QMap<QString, QString> contentProviders;
};

// The live side of one transmission or namespace: who is in it, when it
// starts (AutoCast or ScheduledCast) and its multicast streams. There is one
// stream on the session's group; under the Multistream policy, slow clients
// are moved to slower streams (MS-WDSMT's DEMOTE), each on a group of its
// own and paced by its own clients. Every stream is a carousel of the same
// blocks, so a moved client keeps what it has and takes the rest from there.
//
// It lives whether or not it can be served: while its image is hashed or
// missing (SessionContent), or its multicast interface is not up, it keeps
// its settings and tells clients to wait; it starts serving once both are there.
class TransferSession : public QObject
{
    Q_OBJECT
public:
    // content: the session's file, owned from now on.
    TransferSession(const SessionInfo &info, SessionContent *content, const TransferSettings &settings,
                    QObject *parent = nullptr);
    ~TransferSession() override;

    SessionInfo info() const;
    SessionCondition condition() const;
    quint32 token() const { return m_token; }
    // Set once Ready.
    std::shared_ptr<const ContentFile> file() const { return m_content->file(); }
    // A namespace's folder, multicast as a folder bundle that receivers unpack.
    bool servesFolder() const { return m_content->isFolder(); }
    std::shared_ptr<const ImageDigests> digests() const { return m_content->digests(); }
    const SessionContent *content() const { return m_content; }
    const QList<ReceiverPeer *> &clients() const { return m_clients; }
    // The multicast group, port and name of a stream, for the client's join
    // reply and move notices.
    struct StreamAddress {
        QString group;
        quint16 port = 0;
        QString name; // "fast", "medium" or "slow"; empty while there is one stream
    };
    StreamAddress streamAddress(int stream) const;

    // Whether a new client may join, and why not ("not-ready": ask again).
    bool acceptsClients(Error *error) const;
    // The transport server stopped (/Stop-TransportServer): nothing is
    // multicast and new clients wait; joined clients keep what they have.
    void setPaused(bool paused);
    void addClient(ReceiverPeer *peer);
    void removeClient(ReceiverPeer *peer);

    // Start by hand (ScheduledCast only, as in WDS).
    bool start(Error *error);
    // Remove without Force: current clients finish, no new ones join.
    void deactivate();
    // Repairs go to the stream that the asking client is on.
    // How many of the blocks named went by on the client's stream since it arrived.
    std::uint64_t requestRepair(ReceiverPeer *peer, const std::vector<BlockRange> &ranges, MulticastSender::RepairKind kind);

    // Called once a second: what the slow-client policy does now, if anything
    // (see SlowClientWatch). Under Multistream a client on the slowest stream
    // stays there.
    std::optional<SlowClientAction> applyPolicy(const SlowClientPolicy &policy);
    // Called once a second: if the file changed or went under a running
    // session, stop it (failContent); if it changed while nobody was in it,
    // take the new version (hash it again).
    void checkContent();
    // Moves a client to another stream (opening it on first use) and tells it
    // where to listen. False, with the reason, if the stream cannot be opened.
    bool moveClient(ReceiverPeer *peer, int stream, const QString &reason, QString *error);

Q_SIGNALS:
    // Its state, condition or content changed (what state.json keeps, or
    // what listings show).
    void stateChanged();
    // Deactivated and its last client has gone: the registry deletes it.
    void drained();

private:
    void setState(SessionState state);
    void checkScheduledStart();
    void armScheduleTimer();
    void updateSenders();
    void onContentChanged();
    void openFirstStream();
    // The file cannot be served as it was announced: stop every stream, send
    // every client away with the reason (their SHA-256 would never match),
    // and refuse new ones until the session is removed and made again.
    void failContent(const Error &error);
    QList<ReceiverPeer *> clientsOn(int stream) const;
    qsizetype clientCountOn(int stream) const;
    bool openStream(int stream, QString *error);
    MulticastSender *senderOf(ReceiverPeer *peer) const;

    struct Stream {
        MulticastSender *sender = nullptr;
        SlowClientWatch watch;
    };

    SessionInfo m_info;
    SessionContent *m_content;
    bool m_paused = false;
    TransferSettings m_settings;
    quint32 m_token;
    std::vector<Stream> m_streams; // [0] the session's group; slower ones after it
    int m_streamCount = 1;         // how many streams the clients are named for
    QString m_interfaceProblem;    // why stream 0 cannot be opened yet
    QTimer m_interfaceRetry;
    QList<ReceiverPeer *> m_clients;
    QHash<ReceiverPeer *, int> m_streamOf; // clients not on stream 0
    QTimer m_scheduleTimer;
};

} // namespace deploycast
