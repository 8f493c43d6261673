// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/management_api.h"
#include "common/error.h"
#include "common/host_port.h"
#include "domain/catalog_image.h"
#include "domain/client_info.h"
#include "domain/history_entry.h"
#include "domain/session_info.h"

#include <QCborMap>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>

#include <deque>
#include <functional>

namespace deploycast {

class ManagementClient;

enum class ConnectionState {
    Connecting,
    Connected,
    Lost,       // retrying; see retryInSeconds()
    Refused,    // refused (authentication, an unknown or changed certificate); no retry until asked
};

// What one snapshot or delta changed in a server's mirror, by ID. Models turn
// it into precise item-model signals.
struct MirrorChange {
    QList<quint32> addedSessions, changedSessions, removedSessions;
    QList<quint32> addedClients, changedClients, removedClients;
    // Clients whose history now ends (completed, failed, forced, left): they
    // stay in finishedClients() after leaving the live set.
    QList<quint32> finishedClients;

    bool isEmpty() const
    {
        return addedSessions.isEmpty() && changedSessions.isEmpty() && removedSessions.isEmpty()
               && addedClients.isEmpty() && changedClients.isEmpty() && removedClients.isEmpty()
               && finishedClients.isEmpty();
    }
};

// The console's link to one deploycastd: keeps a local mirror of its
// sessions and clients (one snapshot, then pushed deltas), reconnects with
// exponential backoff and jitter when the link drops, and carries the
// console's requests. While the link is down the mirror keeps its last
// contents, so admins still see the clients (greyed out).
class ServerConnection : public QObject
{
    Q_OBJECT
public:
    explicit ServerConnection(const HostPort &address, QObject *parent = nullptr);
    ~ServerConnection() override;

    QString address() const; // "host:port", as the admin typed it
    QString serverName() const { return m_serverName; }
    ConnectionState state() const { return m_state; }
    int retryInSeconds() const;
    QString lastError() const { return m_lastError; }
    QString lastErrorCode() const { return m_lastErrorCode; }
    // What the server granted: "admin" or "viewer" (empty until connected).
    QString role() const { return m_role; }
    bool mayModify() const { return m_role == u"admin"; }
    // The certificate it presented: what "trust" pins after asking the admin.
    QSslCertificate peerCertificate() const { return m_peerCertificate; }

    // The token to present; empty for the local server's own token file.
    void setToken(const QString &token) { m_token = token; }
    // After the admin accepted the certificate (pins it) or gave a token.
    void retryTrustingCertificate();
    void retryNow();
    QDateTime lastUpdate() const { return m_lastUpdate; }

    const QHash<quint32, SessionInfo> &sessions() const { return m_sessions; }
    // The clients on the server now.
    const QHash<quint32, ClientInfo> &clients() const { return m_clients; }
    // Clients the history says have finished (completed, failed, forced,
    // left), the newest kMaxFinished, with their outcome and end time.
    const QHash<quint32, ClientInfo> &finishedClients() const { return m_finished; }
    // A client on the server, or else a finished one; null if neither.
    const ClientInfo *client(quint32 id) const;
    // The server's activity history as pushed, oldest first (the newest kMaxHistory).
    const std::deque<HistoryEntry> &history() const { return m_history; }
    // The server's image catalog, as last pushed.
    const QStringList &imageGroups() const { return m_imageGroups; }
    const QList<CatalogImage> &images() const { return m_images; }
    // The transmission serving the image at this store path, or 0: an image
    // has at most one (WDS's rule).
    quint32 transmissionOf(const QString &imagePath) const;

    void start();
    // Shows a recorded snapshot (deploycast /Get-Server /Show:Snapshot
    // /Format:Cbor) instead of a live server: no network, and the clock
    // frozen at the moment of recording.
    void startReplay(const QCborMap &snapshot);
    // Under replay: show the recording as if the link had just dropped, for
    // pictures of the "lost" state. The countdown is frozen too.
    void replayLoss(const QString &error, int retryInSeconds);
    bool isReplay() const { return m_frozenTime.isValid(); }
    // "Now" for durations such as time connected: the wall clock, or the
    // recording's time under replay.
    QDateTime referenceTime() const;

    // Asks for a fresh snapshot; the mirror is brought in line with it by
    // the same precise changes as any delta.
    void refresh();

    using Done = std::function<void(const QCborMap &result, const Error &error)>;
    void call(api::Method method, const QCborMap &params, Done done);
    void disconnectClients(const QList<quint32> &ids, bool force,
                           std::function<void(const QList<DisconnectOutcome> &outcomes, const Error &error)> done);

    // The decode path of the wire, public so recorded data and benchmarks
    // go through exactly what a live server's messages go through.
    void applySnapshot(const QCborMap &snapshot);
    void applyDelta(const QCborMap &delta);
    // The whole catalog ({groups, images}), from a snapshot or a "catalog" push.
    void applyCatalog(const QCborMap &catalog);
    // History entries from a snapshot or a "history" push ({history: [entry]});
    // those already seen are skipped.
    void applyHistory(const QCborMap &push, bool live = true);

    static constexpr int kMaxBackoffSeconds = 30;
    static constexpr int kMaxFinished = 10'000;
    static constexpr int kMaxHistory = 10'000;

Q_SIGNALS:
    void stateChanged();
    void changed(const MirrorChange &change);
    void catalogChanged();
    // New history entries, oldest first. live: pushed as they happened; false
    // for those a snapshot brings (at start, after a reconnect).
    void historyAdded(const QList<HistoryEntry> &entries, bool live);
    // The server's history is another one (its state was wiped): ours went.
    void historyCleared();

private:
    void connectNow();
    void onReady();
    void onFailed(const Error &error);
    void setState(ConnectionState state);
    void applySessions(const QCborArray &sessions, MirrorChange *change);
    void applyClients(const QCborArray &clients, MirrorChange *change);
    void removeLiveClient(quint32 id, MirrorChange *change);
    void forgetHistory(MirrorChange *change);

    HostPort m_address;
    QPointer<ManagementClient> m_client;
    ConnectionState m_state = ConnectionState::Connecting;
    QString m_serverName;
    QString m_lastError;
    QString m_lastErrorCode;
    QString m_role;
    QString m_token;
    bool m_trustNew = false;
    QSslCertificate m_peerCertificate;
    QDateTime m_lastUpdate;
    QDateTime m_frozenTime; // set under replay
    int m_frozenRetrySeconds = 0;
    int m_attempt = 0;
    QTimer m_retryTimer;
    QTimer m_countdownTimer; // re-announces "retrying in N s" every second
    QHash<quint32, SessionInfo> m_sessions;
    QHash<quint32, ClientInfo> m_clients;
    QHash<quint32, ClientInfo> m_finished;
    std::deque<quint32> m_finishedOrder; // oldest first, for the bound
    std::deque<HistoryEntry> m_history;
    QString m_historyId; // which history m_history is of
    QStringList m_imageGroups;
    QList<CatalogImage> m_images;
};

} // namespace deploycast
