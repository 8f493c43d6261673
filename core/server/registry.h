// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "domain/client_info.h"
#include "domain/session_info.h"
#include "domain/session_request.h"
#include "hash_cache.h"
#include "history_log.h"
#include "image_catalog.h"
#include "image_store.h"
#include "state_store.h"
#include "transfer_session.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <map>

namespace deploycast {

class ReceiverPeer;

// The server's truth: its sessions, their clients, and the state store
// behind them. Management and receiver connections both act through it.
class Registry : public QObject
{
    Q_OBJECT
public:
    Registry(const QString &serverName, StateStore *store, ImageStore *images, ImageCatalog *catalog,
             const QString &stateDirectory,
             const TransferSettings &settings, QObject *parent = nullptr);
    ~Registry() override;

    // Brings back the stored sessions, every one: one whose image is missing
    // or whose interface is not up waits for them, and says so.
    void restore();

    QString serverName() const { return m_serverName; }

    QList<SessionInfo> sessions(SessionKind kind) const;
    std::optional<SessionInfo> session(SessionKind kind, const QString &name, Error *error) const;
    QList<ClientInfo> multicastClients(quint32 sessionId) const;
    QList<ClientInfo> fallbackClients() const;
    QList<SessionInfo> allSessions() const;
    QList<ClientInfo> allClients() const; // multicast and fallback
    int clientCount() const { return int(m_clients.size()); }

    std::optional<SessionInfo> createSession(SessionRequest request, Error *error);
    // The transmission of a catalog image (WDS has at most one per image).
    std::optional<SessionInfo> transmissionOf(const ImageQuery &image, Error *error) const;
    // The transmission serving the file at this store path, if any.
    std::optional<SessionInfo> transmissionAt(const QString &path) const;
    // Every session (transmission or namespace) serving that file, however its path is spelled.
    QList<SessionInfo> sessionsServing(const QString &path) const;

    ImageCatalog *catalog() const { return m_catalog; }
    // A catalog image as the protocol shows it: with its transmission's name, if it has one.
    QCborMap imageToCbor(const CatalogImage &image) const;
    // The whole catalog, for consoles: {groups: [name], images: [image]}.
    QCborMap catalogSnapshot() const;
    const ImageStore &imageStore() const { return *m_images; }
    std::optional<SessionInfo> startSession(SessionKind kind, const QString &name, Error *error);
    // Without Force the session is deactivated and goes once its clients
    // finish; with Force its clients are stopped and it goes at once.
    bool removeSession(SessionKind kind, const QString &name, bool force, Error *error);
    DisconnectOutcome disconnectClient(quint32 id, bool force);

    const SlowClientPolicy &policy() const { return m_store->policy(); }
    bool setPolicy(SlowClientPolicy policy, Error *error);
    // Where new transmissions take their group and port, and their rate cap.
    const TransportConfig &transport() const { return m_store->transport(); }
    bool setTransport(const TransportConfig &transport, Error *error);
    // /Start-, /Stop-, /Enable- and /Disable-TransportServer.
    enum class TransportAction { Start, Stop, Enable, Disable };
    bool controlTransport(TransportAction action, Error *error);
    bool transportRunning() const { return m_transportRunning; }
    // Namespace content providers: "file" and those of --content-provider.
    QStringList contentProviders() const { return QStringList{u"file"_qs} + m_settings.contentProviders.keys(); }
    // The rate cap of a transmission created now (bytes/s, 0 for none).
    qint64 rateCap() const { return transport().rateCap(m_settings.maxRate); }

    // Called by a receiver connection: on success fills in the client's id,
    // session and join time.
    TransferSession *join(ReceiverPeer *peer, SessionKind kind, const QString &name, const QString &joinToken,
                          ClientInfo *client, Error *error);
    // Joins a catalog image: its transmission if it has one (session set),
    // else the image by unicast (content set, Ready), as a WDS client gets
    // an image nobody multicasts.
    struct ImageJoin {
        TransferSession *session = nullptr;
        const SessionContent *content = nullptr;
    };
    std::optional<ImageJoin> joinImage(ReceiverPeer *peer, const ImageQuery &image, const QString &joinToken,
                                       ClientInfo *client, Error *error);
    // An image's file changed or went: the unicast copy of it is prepared afresh.
    void forgetUnicastSource(const QString &path);
    void adoptPeer(ReceiverPeer *peer);

    // What became of clients and sessions, kept across restarts.
    const HistoryLog &history() const { return m_history; }
    void recordClientEvent(HistoryEvent event, const ClientInfo &client, const ServerText &reason);
    // The server is stopping: every client still here is recorded as leaving.
    void recordShutdown();

private:
    TransferSession *find(SessionKind kind, const QString &name) const;
    SessionContent *unicastSource(const QString &path);
    // A namespace's file in the store, from its content provider and config
    // string; canonical: the provider's own spelling.
    std::optional<QString> namespaceContent(const QString &provider, const QString &configString, QString *canonical,
                                            Error *error) const;
    bool registerClient(ReceiverPeer *peer, ClientInfo *client, qint64 imageSize, Error *error);
    TransferSession *addSession(const SessionInfo &info);
    void onPeerGone(ReceiverPeer *peer, const QString &reason);
    void onSessionStateChanged(TransferSession *session);
    void recordSessionEvent(HistoryEvent event, const SessionInfo &session, const ServerText &reason);
    void applySlowClientPolicy();
    bool saveAll(Error *error);
    void persist();
    Error notFound(SessionKind kind, const QString &name) const;

    QString m_serverName;
    StateStore *m_store;
    ImageStore *m_images;
    ImageCatalog *m_catalog;
    TransferSettings m_settings;
    HashCache m_hashes;
    QString m_bundleDirectory; // namespaces' folders as bundles (SessionContent)
    // Images are hashed here, one at a time, off the event loop.
    QThreadPool m_hashing;
    std::map<quint32, TransferSession *> m_sessions; // by id: listings come out in creation order
    // Catalog images sent by unicast to clients that joined them with no
    // transmission: hashed once, by store path.
    std::map<QString, std::unique_ptr<SessionContent>> m_unicastSources;
    bool m_transportRunning = true;
    QHash<quint32, ReceiverPeer *> m_clients;        // joined clients, multicast or fallback
    QTimer m_policyTimer;
    HistoryLog m_history;
    QHash<quint32, SessionState> m_recordedStates; // each session's state as the history last saw it
};

} // namespace deploycast
