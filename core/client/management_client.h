#pragma once

#include "common/error.h"

#include <QCborMap>
#include <QHash>
#include <QObject>

#include <functional>

namespace deploycast {

class FramedConnection;

// Client-side error codes, beside the server's (docs/protocol.md).
namespace ClientErrorCode {
inline constexpr auto Unreachable = "unreachable";
inline constexpr auto ConnectionLost = "connection-lost";
}

// The core's management client, shared by the console and the command line:
// one connection to one deploycastd, requests matched to replies by id.
class ManagementClient : public QObject
{
    Q_OBJECT
public:
    using ReplyHandler = std::function<void(const QCborMap &result, const Error &error)>;

    explicit ManagementClient(QObject *parent = nullptr);

    // role is "admin" or "viewer". Emits ready() after the server's welcome,
    // or failed() if the server cannot be reached or refuses the hello.
    void connectToServer(const QString &host, quint16 port, const QString &role);
    void request(const QString &method, const QCborMap &params, ReplyHandler handler);

    QString serverName() const { return m_serverName; }

Q_SIGNALS:
    void ready();
    // A notification pushed by the server (e.g. "delta").
    void notified(const QString &event, const QCborMap &params);
    // Unreachable, refused, or lost; every pending request is failed first.
    void failed(const Error &error);

private:
    void onMessage(const QCborMap &message);
    void fail(const Error &error);

    FramedConnection *m_connection = nullptr;
    QString m_target;
    QString m_serverName;
    bool m_welcomed = false;
    bool m_failed = false;
    qint64 m_nextId = 1;
    QHash<qint64, ReplyHandler> m_pending;
};

} // namespace deploycast
