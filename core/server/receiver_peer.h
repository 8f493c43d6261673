// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/server_text.h"
#include "domain/client_info.h"
#include "domain/history_entry.h"
#include "transfer/block_bitmap.h"
#include "transfer/content_file.h"
#include "transfer/repair_account.h"
#include "transfer_session.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <utility>

namespace deploycast {

class FramedConnection;
class Registry;

// Why the server sends a client away (the "kick" notification's reason).
enum class KickReason {
    Fallback,     // disconnected without Force: finish by unicast
    Abort,        // disconnected with Force, or its transmission removed with Force
    Disconnected, // disconnected without Force, but the client cannot fall back
};
QString toText(KickReason reason);

// The server's end of one deploycast-receive control connection: the client
// it represents, its reports, and its unicast fallback after a disconnect.
class ReceiverPeer : public QObject
{
    Q_OBJECT
public:
    ReceiverPeer(FramedConnection *connection, Registry *registry, QObject *parent = nullptr);

    ClientInfo info() const { return m_info; }
    quint32 clientId() const { return m_info.id; }
    bool inFallback() const { return m_info.method == TransferMethod::Unicast; }
    TransferSession *session() const { return m_session; }

    // Sends the client away; `outcome` is what the history records of it.
    void kick(KickReason reason, const ServerText &message, HistoryEvent outcome);
    bool hasCompleted() const { return m_completed; }
    // Records its final outcome now if nothing has (the server is stopping).
    void recordLeaving(const ServerText &reason);
    void setNote(const QString &note) { m_info.note = note; }
    void setStream(const QString &name) { m_info.stream = name; }
    // Multistream: tells the client to listen on another stream from now on.
    void move(const TransferSession::StreamAddress &to, const QString &reason);
    // Blocks this client asked to have repaired since the last call.
    quint64 takeNakedBlocks() { return std::exchange(m_nakedBlocks, 0); }
    // What it may ask of its stream's sender (MulticastSender keeps it).
    RepairAccount *repairAccount() { return &m_repairs; }

Q_SIGNALS:
    void gone(ReceiverPeer *peer, const QString &reason);

private:
    void onMessage(const QCborMap &message);
    void onJoin(qint64 requestId, const QCborMap &params);
    void joinImage(qint64 requestId, const QCborMap &params);
    void joinedSession(qint64 requestId, TransferSession *session);
    // The join reply's common part, for a session or an image by unicast.
    // What a join is answered with: the session and its image, and for a
    // compressed image its uncompressed size. The digests follow it (with
    // each frame's compressed size for a compressed image).
    QCborMap joinReply(const QString &name, const SessionContent &content, const QCborMap &extra) const;
    void onStatus(const QCborMap &params);
    void onNak(const QCborMap &params);
    void onComplete(const QCborMap &params);
    void onFetch(const QCborMap &params);
    void sendDigests(const SessionContent &content);
    void pumpFallback();
    void leaveSession();
    void record(HistoryEvent event, const ServerText &reason);

    FramedConnection *m_connection;
    Registry *m_registry;
    ClientInfo m_info;
    QPointer<TransferSession> m_session;
    std::shared_ptr<const ContentFile> m_content;
    // Unicast fallback: the blocks asked for and not sent yet, each once
    // however often it was asked for, sent in order from the cursor.
    BlockBitmap m_wanted;
    std::uint32_t m_wantedCursor = 0;
    bool m_completed = false;
    bool m_finalRecorded = false; // the history holds its final event
    quint64 m_nakedBlocks = 0;
    RepairAccount m_repairs;
};

} // namespace deploycast
