// SPDX-License-Identifier: GPL-3.0-or-later
#include "server.h"

#include "admin_peer.h"
#include "image_upload.h"
#include "common/atomic_file.h"
#include "common/cbor_values.h"
#include "common/log.h"
#include "common/log_throttle.h"
#include "common/printable.h"
#include "protocol/framed_connection.h"
#include "protocol/messages.h"
#include "push_hub.h"
#include "receiver_peer.h"
#include "registry.h"

#include <QHostInfo>
#include <QRegularExpression>
#include <QTimer>

namespace deploycast {
namespace {
// A connection that has not said hello by then is dropped, so idle sockets
// cannot pile up.
constexpr int kHandshakeTimeoutMs = 10'000;
constexpr int kListenBacklog = 1024;
// A management peer that takes none of what waits for it for this long is
// dropped (consoles read all the time; a suspended one reconnects).
constexpr int kManagementStallMs = 30'000;

// Management peers: frames up to 1 MiB (a disconnect of 100,000 IDs);
// consoles ping every 30 s (ManagementClient); a request rate well above any
// console or script, with room for bursts.
FramedConnection::Limits managementLimits()
{
    FramedConnection::Limits limits;
    limits.maxFrameSize = kDefaultMaxFrameSize;
    limits.idleTimeoutMs = 120'000;
    limits.messagesPerSecond = 200;
    limits.burst = 1000;
    limits.stallTimeoutMs = kManagementStallMs;
    return limits;
}

// Receivers send a status a second, NAKs five times a second, and fetch
// requests in a burst when they fall back; silent or not reading for the
// client timeout, they are dropped.
FramedConnection::Limits receiverLimits(int clientTimeoutSeconds)
{
    FramedConnection::Limits limits;
    limits.maxFrameSize = kMaxFrameFromReceiver;
    limits.idleTimeoutMs = clientTimeoutSeconds * 1000;
    limits.messagesPerSecond = 50;
    limits.burst = 500;
    // A receiver is sent its join reply and digests (128 KB for a 4 GiB
    // image) and, in fallback, at most 1 MiB of data at a time.
    limits.pauseReadingAtQueuedBytes = 2 * 1024 * 1024;
    limits.stallTimeoutMs = clientTimeoutSeconds * 1000;
    return limits;
}

// The ID part of a token that failed, for the audit log: a real ID is 8 hex
// digits; anything else is shown escaped and cut short.
QString tokenIdForAudit(const QString &token)
{
    const QString id = token.section(u'.', 0, 0);
    static const QRegularExpression hex(u"^[0-9a-f]{1,8}$"_qs);
    return hex.match(id).hasMatch() ? id : printable(id.left(16));
}
}

QCborMap ServerDescription::toCbor() const
{
    return {{u"name"_qs, name},
            {u"version"_qs, version},
            {u"protocolVersion"_qs, proto::kVersion},
            {u"listen"_qs, QStringLiteral("%1:%2").arg(options.listenAddress.toString()).arg(options.listenPort)},
            {u"multicastInterface"_qs, options.transfer.multicastInterface.toString()},
            {u"imageStore"_qs, options.imageStore},
            {u"stateDirectory"_qs, options.stateDirectory}};
}

Server::Server(const ServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_description{QHostInfo::localHostName(), QStringLiteral(DEPLOYCAST_VERSION), options}
    , m_store(options.stateDirectory)
    , m_images(options.imageStore)
    , m_catalog(options.stateDirectory, &m_images)
    , m_tokens(options.stateDirectory)
    , m_audit(options.stateDirectory, options.audit)
{
}

Server::~Server()
{
    // Clients still here leave with the server; the history says so.
    if (m_registry)
        m_registry->recordShutdown();
}

bool Server::start(Error *error)
{
    if (!m_images.exists()) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("the image store %1 is not a folder").arg(m_description.options.imageStore)};
        return false;
    }
    m_description.options.imageStore = m_images.root();
    const QString stateDirectory = m_description.options.stateDirectory;
    if (!makeOwnerOnlyFolder(stateDirectory, error) || !m_lock.acquire(stateDirectory, error) || !m_store.load(error)
        || !m_tokens.load(error))
        return false;
    const ServerOptions &options = m_description.options;
    if (!applyStartTransport(error) || !openCatalog(error))
        return false;
    const std::optional<TlsIdentity> identity = options.tlsCertificate.isEmpty()
        ? TlsIdentity::loadOrCreate(options.stateDirectory, m_description.name, error)
        : TlsIdentity::load(options.tlsCertificate, options.tlsKey, error);
    if (!identity)
        return false;
    m_listener = new TlsServer(*identity, this);
    m_gate = new ConnectionGate(options.connections, this);
    connect(m_listener, &QTcpServer::newConnection, this, &Server::onNewConnection);
    // Hundreds of receivers join at once when a lab boots; Qt's default
    // backlog (50) would leave the rest half-open until the kernel retries.
    m_listener->setListenBacklogSize(kListenBacklog);
    m_registry = new Registry(m_description.name, &m_store, &m_images, &m_catalog, options.stateDirectory,
                              options.transfer, this);
    m_registry->restore();
    m_hub = new PushHub(m_registry, this);
    if (!m_listener->listen(m_description.options.listenAddress, m_description.options.listenPort)) {
        *error = {QLatin1String(ErrorCode::StorageError),
                  QStringLiteral("cannot listen on %1:%2: %3")
                      .arg(m_description.options.listenAddress.toString())
                      .arg(m_description.options.listenPort)
                      .arg(m_listener->errorString())};
        return false;
    }
    m_description.options.listenPort = m_listener->serverPort();
    qCInfo(lcMgmt).noquote() << "listening (TLS) on" << m_description.options.listenAddress.toString()
                             << m_listener->serverPort() << "; certificate" << fingerprintOf(identity->certificate)
                             << "; image store" << m_images.root() << "; state in" << m_store.filePath();
    return true;
}

bool Server::openCatalog(Error *error)
{
    ImageUpload::removeLeftovers(m_images);
    if (!m_catalog.load(error))
        return false;
    const int adopted = m_catalog.adoptStoreFiles(error);
    if (adopted < 0)
        return false;
    if (adopted > 0)
        qCInfo(lcState).noquote() << "the catalog adopted" << adopted << "files found in the image store";
    return true;
}

bool Server::applyStartTransport(Error *error)
{
    const QCborMap &given = m_description.options.transport;
    if (given.isEmpty())
        return true;
    const std::optional<TransportConfig> config = m_store.transport().updatedFrom(given, error);
    if (!config)
        return false;
    if (*config == m_store.transport())
        return true;
    qCInfo(lcState).noquote() << "transport settings from the command line or configuration file: groups"
                              << config->groupRangeText() << "and" << config->groupRangeTextV6() << "ports" << config->portRangeText() << "profile"
                              << toText(config->profile);
    return m_store.saveTransport(*config, error);
}

void Server::onNewConnection()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        const QHostAddress peer = socket->peerAddress();
        if (!m_gate->admit(peer)) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // Until it says who it is, a peer may send only small frames.
        auto *connection = new FramedConnection(socket, this, kMaxFrameBeforeHello);
        m_gate->track(connection, peer);
        auto *timeout = new QTimer(connection);
        timeout->setSingleShot(true);
        timeout->start(kHandshakeTimeoutMs);
        connect(timeout, &QTimer::timeout, connection, [connection] {
            connection->closeWithError({QLatin1String(ErrorCode::Timeout), u"no hello within 10 seconds"_qs});
        });
        // The first frame decides what the connection is; after it, the
        // peer object takes the connection over.
        connect(connection, &FramedConnection::messageReceived, this, [this, connection, timeout](const QCborMap &message) {
            delete timeout;
            disconnect(connection, &FramedConnection::messageReceived, this, nullptr);
            if (connection->isOpen()) // not already being closed for a late hello
                onHello(connection, message);
        });
        connect(connection, &FramedConnection::closed, this, [this, connection] {
            if (connection->parent() == this)
                connection->deleteLater(); // closed before a peer took it over
        });
    }
}

void Server::onHello(FramedConnection *connection, const QCborMap &message)
{
    auto refuse = [connection](const char *code, const QString &text) {
        static LogThrottle throttle(20, 10'000);
        int heldBack = 0;
        if (throttle.allow(&heldBack))
            qCInfo(lcMgmt).noquote() << connection->peerAddress().toString() << "refused:" << text;
        if (heldBack > 0)
            qCInfo(lcMgmt).noquote() << heldBack << "more hellos were refused in the 10 s before";
        connection->closeWithError({QLatin1String(code), text});
    };
    if (proto::typeOf(message) != QLatin1String(proto::Type::Hello))
        return refuse(ErrorCode::HandshakeRequired, u"the first message must be a hello"_qs);
    const qint64 version = integerOf(message.value(u"version"_qs));
    if (version != proto::kVersion)
        return refuse(ErrorCode::VersionMismatch,
                      QStringLiteral("protocol version %1 is not supported (this server speaks %2)").arg(version).arg(proto::kVersion));
    const QString role = message.value(u"role"_qs).toString();
    if (role == QLatin1String(proto::Role::Receiver)) {
        m_gate->authenticated(connection);
        connection->setLimits(receiverLimits(m_description.options.clientTimeoutSeconds));
        connection->send(proto::welcome(m_description.name, role));
        m_registry->adoptPeer(new ReceiverPeer(connection, m_registry, this));
        return;
    }
    const std::optional<AccessRole> asked = accessRoleFromString(role);
    if (!asked)
        return refuse(ErrorCode::BadRequest, QStringLiteral("unknown role '%1'").arg(role));
    const QString token = message.value(u"token"_qs).toString();
    std::optional<TokenGrant> grant = m_tokens.authenticate(token);
    if (!grant) {
        const QString why = token.isEmpty() ? u"authentication failed: no token"_qs
                                            : u"authentication failed: the token is not valid on this server"_qs;
        m_audit.record({connection->peerText(), tokenIdForAudit(token), u"hello"_qs, printable(role.left(32)),
                        QLatin1String(ErrorCode::AuthenticationFailed) + u": "_qs + why});
        return refuse(ErrorCode::AuthenticationFailed, why);
    }
    grant->role = std::min(grant->role, *asked); // an admin may ask to be only a viewer
    m_gate->authenticated(connection);
    connection->setLimits(managementLimits());
    connection->send(proto::welcome(m_description.name, toText(grant->role)));
    new AdminPeer(connection, m_registry, m_hub, m_description, *grant, &m_audit, this);
}

} // namespace deploycast
