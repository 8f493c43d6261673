// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry.h"

#include "common/log.h"
#include "common/printable.h"
#include "receiver_peer.h"

#include <QCborArray>
#include <QFileInfo>
#include <QRandomGenerator>

namespace deploycast {
namespace {

QString kindNoun(SessionKind kind)
{
    return kind == SessionKind::Transmission ? u"transmission"_qs : u"namespace"_qs;
}

} // namespace

Registry::Registry(const QString &serverName, StateStore *store, ImageStore *images, ImageCatalog *catalog,
                   const QString &stateDirectory,
                   const TransferSettings &settings, QObject *parent)
    : QObject(parent)
    , m_serverName(serverName)
    , m_store(store)
    , m_images(images)
    , m_catalog(catalog)
    , m_settings(settings)
    , m_hashes(stateDirectory)
    , m_bundleDirectory(stateDirectory + u"/bundles"_qs)
    , m_history(stateDirectory)
{
    m_hashing.setMaxThreadCount(1);
    m_policyTimer.setInterval(1000);
    connect(&m_policyTimer, &QTimer::timeout, this, &Registry::applySlowClientPolicy);
    m_policyTimer.start();
}

Registry::~Registry()
{
    // Sessions first: they stop their hashing, which the pool then waits for.
    for (const auto &[id, session] : m_sessions)
        delete session;
    m_sessions.clear();
    m_unicastSources.clear(); // they stop their hashing too
    m_hashing.waitForDone();
}

bool Registry::setTransport(const TransportConfig &transport, Error *error)
{
    if (!m_store->saveTransport(transport, error))
        return false;
    qCInfo(lcMgmt).noquote() << "transport server: groups" << transport.groupRangeText() << "and"
                             << transport.groupRangeTextV6() << "ports"
                             << transport.portRangeText() << "profile" << toText(transport.profile)
                             << "(for transmissions created from now on)";
    return true;
}

bool Registry::controlTransport(TransportAction action, Error *error)
{
    TransportConfig config = m_store->transport();
    switch (action) {
    case TransportAction::Start:
        if (!config.enabled) {
            *error = {QLatin1String(ErrorCode::NotAllowed),
                      ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the transport server is disabled: /Enable-TransportServer first"))};
            return false;
        }
        m_transportRunning = true;
        break;
    case TransportAction::Stop:
        m_transportRunning = false;
        break;
    case TransportAction::Enable:
    case TransportAction::Disable:
        config.enabled = action == TransportAction::Enable;
        if (!m_store->saveTransport(config, error))
            return false;
        if (!config.enabled)
            m_transportRunning = false;
        break;
    }
    for (const auto &[id, session] : m_sessions)
        session->setPaused(!m_transportRunning);
    qCInfo(lcMgmt).noquote() << "transport server" << (m_transportRunning ? "running" : "stopped")
                             << (config.enabled ? "(enabled)" : "(disabled)");
    return true;
}

bool Registry::setPolicy(SlowClientPolicy policy, Error *error)
{
    // WDS's Multistream needs no threshold (it sorts clients by speed); ours
    // moves clients below one, so it takes a default that marks a client
    // well below any LAN's speed.
    constexpr qint64 kDefaultMultistreamKBps = 1000;
    if (policy.kind == SlowClientPolicy::Kind::Multistream && policy.thresholdKBps == 0)
        policy.thresholdKBps = kDefaultMultistreamKBps;
    // 100 GB/s: above any link, and far from overflowing once in bytes per second.
    constexpr qint64 kMostKBps = 100'000'000;
    if (policy.thresholdKBps > kMostKBps) {
        *error = {QLatin1String(ErrorCode::InvalidArgument),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a threshold of %1 KB/s is more than any link; the most is %2")).arg(policy.thresholdKBps).arg(kMostKBps)};
        return false;
    }
    if (policy.kind != SlowClientPolicy::Kind::None && policy.thresholdKBps <= 0) {
        *error = {QLatin1String(ErrorCode::InvalidArgument),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 needs a threshold above 0 KB/s")).arg(toText(policy.kind))};
        return false;
    }
    if (policy.kind == SlowClientPolicy::Kind::Multistream && (policy.streamCount < 2 || policy.streamCount > 3)) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "Multistream needs a stream count of 2 or 3"))};
        return false;
    }
    if (!m_store->savePolicy(policy, error))
        return false;
    QString detail;
    if (policy.kind == SlowClientPolicy::Kind::AutoDisconnect)
        detail = QStringLiteral("below %1 KB/s, fallback %2").arg(policy.thresholdKBps).arg(policy.fallback ? u"yes"_qs : u"no"_qs);
    else if (policy.kind == SlowClientPolicy::Kind::Multistream)
        detail = QStringLiteral("%1 streams, moving clients below %2 KB/s").arg(policy.streamCount).arg(policy.thresholdKBps);
    qCInfo(lcMgmt).noquote() << "slow-client policy:" << toText(policy.kind) << detail;
    return true;
}

void Registry::applySlowClientPolicy()
{
    const SlowClientPolicy policy = m_store->policy();
    for (const auto &[id, session] : m_sessions) {
        session->checkContent();
        const std::optional<SlowClientAction> action = session->applyPolicy(policy);
        if (!action)
            continue;
        ReceiverPeer *peer = action->peer;
        if (action->toStream >= 0) {
            const QString stream = session->streamAddress(action->toStream).name;
            QString error;
            if (session->moveClient(peer, action->toStream, action->reason, &error))
                qCInfo(lcTransfer).noquote() << "moving client" << peer->clientId() << peer->info().machineName
                                             << "to the" << stream << "stream:" << action->reason;
            else
                qCWarning(lcTransfer).noquote() << "cannot move client" << peer->clientId() << "to the" << stream
                                                << "stream:" << error;
            continue;
        }
        const bool fallback = policy.fallback && peer->info().fallbackSupported;
        qCInfo(lcTransfer).noquote() << "auto-disconnecting client" << peer->clientId() << peer->info().machineName
                                     << (fallback ? "to unicast fallback:" : "(no fallback):") << action->reason;
        peer->setNote(u"auto-disconnected: "_qs + action->reason);
        peer->kick(fallback ? KickReason::Fallback : KickReason::Disconnected,
                   ServerText(QT_TRANSLATE_NOOP("ServerMessage", "disconnected by the slow-client policy: %1")).arg(action->reason),
                   fallback ? HistoryEvent::FellBack : HistoryEvent::PolicyDisconnected);
    }
}

void Registry::restore()
{
    m_history.load();
    m_transportRunning = m_store->transport().enabled; // a disabled transport server stays stopped
    QSet<QString> folders; // the namespaces' folders, whose bundles stay
    for (const SessionInfo &info : m_store->sessions()) {
        Error ignored;
        const std::optional<QString> path = m_images->resolveFileOrFolder(info.contentPath, &ignored);
        if (info.kind == SessionKind::Namespace && path && QFileInfo(*path).isDir())
            folders.insert(*path);
    }
    SessionContent::removeUnusedBundles(m_bundleDirectory, folders);
    for (SessionInfo info : m_store->sessions()) {
        // Clients do not survive a restart, so nothing is mid-transfer.
        if (info.state == SessionState::Deactivated) {
            qCInfo(lcState).noquote() << "dropping" << info.name << "(it was being removed)";
            continue;
        }
        if (info.type == CastType::AutoCast && info.state == SessionState::Active)
            info.state = SessionState::Waiting;
        const TransferSession *session = addSession(info);
        qCInfo(lcState).noquote() << "restored" << kindNoun(info.kind) << info.name << toText(info.state)
                                  << toText(session->condition());
    }
    persist(); // records dropped sessions
}

TransferSession *Registry::addSession(const SessionInfo &info)
{
    auto *content = new SessionContent(info.contentPath, {m_images, &m_hashes, &m_hashing, m_bundleDirectory});
    TransferSettings settings = m_settings;
    settings.transport = m_store->transport();
    settings.maxRate = rateCap();
    auto *session = new TransferSession(info, content, settings, this);
    session->setPaused(!m_transportRunning);
    connect(session, &TransferSession::stateChanged, this, &Registry::persist);
    m_recordedStates.insert(info.id, info.state);
    connect(session, &TransferSession::stateChanged, this, [this, session] { onSessionStateChanged(session); });
    connect(session, &TransferSession::drained, this, [this, session] {
        qCInfo(lcState).noquote() << "removed" << session->info().name << "after its last client left";
        recordSessionEvent(HistoryEvent::TransmissionRemoved, session->info(),
                           ServerText(QT_TRANSLATE_NOOP("ServerMessage", "deactivated, and its last client has left")));
        m_recordedStates.remove(session->info().id);
        m_sessions.erase(session->info().id);
        session->deleteLater();
        persist();
    });
    m_sessions[info.id] = session;
    return session;
}

QList<SessionInfo> Registry::sessions(SessionKind kind) const
{
    QList<SessionInfo> result;
    for (const auto &[id, session] : m_sessions)
        if (session->info().kind == kind)
            result.append(session->info());
    return result;
}

std::optional<SessionInfo> Registry::session(SessionKind kind, const QString &name, Error *error) const
{
    if (TransferSession *session = find(kind, name))
        return session->info();
    *error = notFound(kind, name);
    return std::nullopt;
}

QList<ClientInfo> Registry::multicastClients(quint32 sessionId) const
{
    QList<ClientInfo> result;
    const auto it = m_sessions.find(sessionId);
    if (it != m_sessions.end())
        for (const ReceiverPeer *peer : it->second->clients())
            result.append(peer->info());
    return result;
}

QList<ClientInfo> Registry::fallbackClients() const
{
    QList<ClientInfo> result;
    for (const ReceiverPeer *peer : m_clients)
        if (peer->inFallback())
            result.append(peer->info());
    std::sort(result.begin(), result.end(), [](const ClientInfo &a, const ClientInfo &b) { return a.id < b.id; });
    return result;
}

QList<SessionInfo> Registry::allSessions() const
{
    QList<SessionInfo> result;
    for (const auto &[id, session] : m_sessions)
        result.append(session->info());
    return result;
}

QList<ClientInfo> Registry::allClients() const
{
    QList<ClientInfo> result;
    result.reserve(m_clients.size());
    for (const ReceiverPeer *peer : m_clients)
        result.append(peer->info());
    return result;
}

QList<SessionInfo> Registry::sessionsServing(const QString &path) const
{
    // By the file itself: "./Install/Lab/x.img" and a namespace's path are the same file.
    Error ignored;
    const std::optional<QString> file = m_images->resolveFile(path, &ignored);
    QList<SessionInfo> serving;
    for (const auto &[id, session] : m_sessions) {
        const SessionInfo info = session->info();
        if (info.contentPath == path || (file && m_images->resolveFile(info.contentPath, &ignored) == file))
            serving.append(info);
    }
    return serving;
}

std::optional<SessionInfo> Registry::transmissionAt(const QString &path) const
{
    for (const SessionInfo &info : sessionsServing(path))
        if (info.kind == SessionKind::Transmission)
            return info;
    return std::nullopt;
}

QCborMap Registry::imageToCbor(const CatalogImage &image) const
{
    QCborMap map = image.toCbor();
    if (const auto session = transmissionAt(image.path))
        map[u"transmission"_qs] = session->name;
    return map;
}

QCborMap Registry::catalogSnapshot() const
{
    QCborArray groups;
    for (const QString &group : m_catalog->groups())
        groups.append(group);
    QCborArray images;
    for (const CatalogImage &image : m_catalog->images())
        images.append(imageToCbor(image));
    return {{u"groups"_qs, groups}, {u"images"_qs, images}};
}

std::optional<SessionInfo> Registry::transmissionOf(const ImageQuery &image, Error *error) const
{
    const std::optional<CatalogImage> found = m_catalog->find(image, error);
    if (!found)
        return std::nullopt;
    const std::optional<SessionInfo> session = transmissionAt(found->path);
    if (!session)
        *error = {QLatin1String(ErrorCode::NotFound),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the %1 has no multicast transmission")).arg(image.describe())};
    return session;
}

std::optional<SessionInfo> Registry::createSession(SessionRequest request, Error *error)
{
    if (request.image) {
        // WDS's way: the transmission of a catalog image, one per image.
        if (request.kind != SessionKind::Transmission) {
            *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "only a transmission is made from a catalog image"))};
            return std::nullopt;
        }
        const std::optional<CatalogImage> image = m_catalog->find(*request.image, error);
        if (!image)
            return std::nullopt;
        if (!image->enabled) {
            *error = {QLatin1String(ErrorCode::NotAllowed), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the %1 is disabled")).arg(request.image->describe())};
            return std::nullopt;
        }
        if (const auto existing = transmissionAt(image->path)) {
            *error = {QLatin1String(ErrorCode::AlreadyExists),
                      ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the %1 already has a transmission, '%2'")).arg(request.image->describe(), existing->name)};
            return std::nullopt;
        }
        request.contentPath = image->path;
        request.image = image->query(); // the image's own spelling, and only it
    }
    if (request.name.trimmed().isEmpty()) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a %1 needs a name")).arg(kindNoun(request.kind))};
        return std::nullopt;
    }
    // Names and descriptions are shown in every listing, log line and console.
    for (const QString *text : {&request.name, &request.friendlyName, &request.description, &request.contentPath}) {
        if (text->size() > 1024 || !isPrintable(*text)) {
            *error = {QLatin1String(ErrorCode::InvalidArgument),
                      ServerText(QT_TRANSLATE_NOOP("ServerMessage", "names, descriptions and paths must be at most 1024 characters, none of them "
                                     "control characters (not '%1')")).arg(printable(text->left(64)))};
            return std::nullopt;
        }
    }
    if (find(request.kind, request.name)) {
        *error = {QLatin1String(ErrorCode::AlreadyExists),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a %1 named '%2' already exists")).arg(kindNoun(request.kind), request.name)};
        return std::nullopt;
    }
    QString provider;
    if (request.kind == SessionKind::Namespace) {
        const std::optional<QString> content = namespaceContent(request.contentProvider, request.contentPath, &provider, error);
        if (!content)
            return std::nullopt;
        request.contentPath = *content;
    }
    if (request.type == CastType::AutoCast && (request.startTime.isValid() || request.minClients > 0)) {
        *error = {QLatin1String(ErrorCode::InvalidArgument),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "a start time and a client count go with a ScheduledCast only: an AutoCast starts when its first "
                  "client joins"))};
        return std::nullopt;
    }
    if (request.minClients < 0) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the client count cannot be negative"))};
        return std::nullopt;
    }
    // Check the content before spending an ID on it. A namespace may serve a
    // folder tree; a transmission serves an image file.
    if (!(request.kind == SessionKind::Namespace ? m_images->resolveFileOrFolder(request.contentPath, error)
                                                 : m_images->resolveFile(request.contentPath, error)))
        return std::nullopt;
    const std::optional<quint32> id = m_store->allocateSessionId(error);
    if (!id)
        return std::nullopt;

    SessionInfo info;
    info.id = *id;
    info.kind = request.kind;
    info.name = request.name;
    info.friendlyName = request.friendlyName;
    info.description = request.description;
    info.contentPath = request.contentPath;
    info.contentProvider = provider;
    info.catalogImage = request.image;
    info.type = request.type;
    info.startTime = request.type == CastType::ScheduledCast ? request.startTime : QDateTime();
    info.minClients = request.type == CastType::ScheduledCast ? request.minClients : 0;
    info.group = m_store->transport().groupFor(*id, m_settings.multicastInterface.protocol()).toString();
    info.port = m_store->transport().portFor(*id);
    info.created = QDateTime::currentDateTimeUtc();
    if (request.requireJoinToken)
        info.joinToken = QString::fromLatin1(QByteArray::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0')
                                             + QByteArray::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0'));
    TransferSession *session = addSession(info);
    if (!saveAll(error)) {
        m_sessions.erase(info.id);
        delete session;
        return std::nullopt;
    }
    qCInfo(lcMgmt).noquote() << "created" << kindNoun(info.kind) << info.name << "from" << info.contentPath << toText(info.type);
    return session->info();
}

std::optional<SessionInfo> Registry::startSession(SessionKind kind, const QString &name, Error *error)
{
    TransferSession *session = find(kind, name);
    if (!session) {
        *error = notFound(kind, name);
        return std::nullopt;
    }
    if (!session->start(error))
        return std::nullopt;
    return session->info();
}

bool Registry::removeSession(SessionKind kind, const QString &name, bool force, Error *error)
{
    TransferSession *session = find(kind, name);
    if (!session) {
        *error = notFound(kind, name);
        return false;
    }
    if (!force) {
        qCInfo(lcMgmt).noquote() << "deactivating" << name << "; its" << session->clients().size() << "clients finish first";
        session->deactivate(); // emits drained at once if it has no clients
        return true;
    }
    qCInfo(lcMgmt).noquote() << "removing" << name << "with Force; stopping" << session->clients().size() << "clients";
    const QList<ReceiverPeer *> clients = session->clients();
    for (ReceiverPeer *peer : clients)
        peer->kick(KickReason::Abort, ServerText(QT_TRANSLATE_NOOP("ServerMessage", "%1 '%2' was removed with Force")).arg(kindNoun(kind), name),
                   HistoryEvent::Forced);
    session->deactivate();
    return true;
}

DisconnectOutcome Registry::disconnectClient(quint32 id, bool force)
{
    ReceiverPeer *peer = m_clients.value(id);
    if (!peer)
        return {id, u"gone"_qs, QStringLiteral("no client with ID %1 on server %2").arg(id).arg(m_serverName), {}};
    if (peer->hasCompleted())
        return {id, u"gone"_qs, QStringLiteral("client %1 has already finished").arg(id), {}};
    if (force) {
        peer->kick(KickReason::Abort, ServerText(QT_TRANSLATE_NOOP("ServerMessage", "disconnected by an administrator with Force")),
                   HistoryEvent::Forced);
        return {id, u"done"_qs, QStringLiteral("client %1 stopped").arg(id), u"stopped"_qs};
    }
    if (peer->inFallback())
        return {id, u"not-allowed"_qs,
                QStringLiteral("client %1 is already finishing by unicast; use Force to stop it").arg(id), {}};
    if (peer->info().fallbackSupported) {
        peer->kick(KickReason::Fallback,
                   ServerText(QT_TRANSLATE_NOOP("ServerMessage", "disconnected by an administrator; finish by unicast")),
                   HistoryEvent::FellBack);
        return {id, u"done"_qs, QStringLiteral("client %1 falls back to unicast").arg(id), u"fallback"_qs};
    }
    peer->kick(KickReason::Disconnected,
               ServerText(QT_TRANSLATE_NOOP("ServerMessage", "disconnected by an administrator; this client cannot fall back")),
               HistoryEvent::Failed);
    return {id, u"done"_qs, QStringLiteral("client %1 disconnected (it does not support fallback)").arg(id), u"failed"_qs};
}

TransferSession *Registry::join(ReceiverPeer *peer, SessionKind kind, const QString &name, const QString &joinToken,
                                ClientInfo *client, Error *error)
{
    TransferSession *session = find(kind, name);
    if (!session) {
        *error = notFound(kind, name);
        return nullptr;
    }
    if (!session->acceptsClients(error))
        return nullptr;
    const QString required = session->info().joinToken;
    if (!required.isEmpty() && joinToken != required) {
        *error = {QLatin1String(ErrorCode::PermissionDenied),
                  joinToken.isEmpty() ? QStringLiteral("'%1' needs a join token (--join-token)").arg(name)
                                      : QStringLiteral("the join token for '%1' is not right").arg(name)};
        qCInfo(lcTransfer).noquote() << client->ipAddress << "refused for" << name << ":" << error->message;
        return nullptr;
    }
    client->sessionId = session->info().id;
    client->sessionName = session->info().name;
    if (!registerClient(peer, client, session->content()->imageSize(), error))
        return nullptr;
    session->addClient(peer);
    return session;
}

std::optional<QString> Registry::namespaceContent(const QString &provider, const QString &configString, QString *canonical,
                                                  Error *error) const
{
    if (provider.compare(u"file"_qs, Qt::CaseInsensitive) == 0) {
        *canonical = u"file"_qs;
        if (configString.isEmpty()) {
            *error = {QLatin1String(ErrorCode::InvalidArgument),
                      ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the 'file' content provider needs a config string (/ConfigString): the file's path in the image store"))};
            return std::nullopt;
        }
        return configString;
    }
    for (auto it = m_settings.contentProviders.cbegin(); it != m_settings.contentProviders.cend(); ++it) {
        if (it.key().compare(provider, Qt::CaseInsensitive) != 0)
            continue;
        *canonical = it.key();
        if (!configString.isEmpty()) {
            *error = {QLatin1String(ErrorCode::InvalidArgument),
                      ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the content provider '%1' serves %2 and takes no config string")).arg(it.key(), it.value())};
            return std::nullopt;
        }
        return it.value();
    }
    *error = {QLatin1String(ErrorCode::InvalidArgument),
              ServerText(QT_TRANSLATE_NOOP("ServerMessage", "unknown content provider '%1' (this server has: %2)")).arg(provider, contentProviders().join(u", "_qs))};
    return std::nullopt;
}

bool Registry::registerClient(ReceiverPeer *peer, ClientInfo *client, qint64 imageSize, Error *error)
{
    // Refused before it counts as joined: a disk too small for the image.
    if (client->diskCapacity > 0 && imageSize > client->diskCapacity) {
        *error = {QLatin1String(ErrorCode::DiskTooSmall),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "'%1' is %2 bytes, and the client's disk holds only %3 bytes"))
                      .arg(client->sessionName).arg(imageSize).arg(client->diskCapacity)};
        qCInfo(lcTransfer).noquote() << client->ipAddress << "refused for" << client->sessionName << ":" << error->message;
        return false;
    }
    const std::optional<quint32> id = m_store->allocateClientId(error);
    if (!id)
        return false;
    client->id = *id;
    client->joinedAt = QDateTime::currentDateTimeUtc();
    m_clients.insert(*id, peer);
    qCInfo(lcTransfer).noquote() << "client" << *id << client->machineName << client->ipAddress << "joined"
                                 << client->sessionName << (client->fallbackSupported ? "" : "(no fallback)");
    return true;
}

SessionContent *Registry::unicastSource(const QString &path)
{
    std::unique_ptr<SessionContent> &source = m_unicastSources[path];
    if (!source)
        source = std::make_unique<SessionContent>(path, SessionContent::Services{m_images, &m_hashes, &m_hashing, m_bundleDirectory});
    Error changed;
    // Missing: look again now rather than at its next retry. Changed on disk
    // (copied over outside the catalog): its digests are stale, hash it again.
    if (source->state() == SessionContent::State::Missing
        || (source->state() == SessionContent::State::Ready && !source->file()->checkUnchanged(&changed)))
        source->prepare();
    return source.get();
}

void Registry::forgetUnicastSource(const QString &path)
{
    m_unicastSources.erase(path);
}

std::optional<Registry::ImageJoin> Registry::joinImage(ReceiverPeer *peer, const ImageQuery &image, const QString &joinToken,
                                                      ClientInfo *client, Error *error)
{
    // Receivers are strangers: they must name an image, and learn nothing of
    // the store from a refusal (no paths).
    if (image.name.isEmpty()) {
        *error = {QLatin1String(ErrorCode::InvalidArgument), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "name the image (--image NAME)"))};
        return std::nullopt;
    }
    const QList<CatalogImage> matches = m_catalog->matching(image);
    if (matches.size() != 1) {
        *error = {QLatin1String(ErrorCode::NotFound),
                  matches.isEmpty() ? QStringLiteral("there is no %1").arg(image.describe())
                                    : QStringLiteral("the %1 is not the only one of that name: give --image-group or "
                                                     "--architecture").arg(image.describe())};
        return std::nullopt;
    }
    const CatalogImage *found = &matches.first();
    if (!found->enabled) {
        *error = {QLatin1String(ErrorCode::NotAllowed), ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the %1 is disabled")).arg(image.describe())};
        return std::nullopt;
    }
    // A session that guards the same file with a join token guards it by
    // unicast too: its token, or no file.
    const QList<SessionInfo> serving = sessionsServing(found->path);
    for (const SessionInfo &session : serving) {
        if (!session.joinToken.isEmpty() && joinToken != session.joinToken) {
            *error = {QLatin1String(ErrorCode::PermissionDenied),
                      ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the %1 needs the join token of '%2' (--join-token)")).arg(image.describe(), session.name)};
            return std::nullopt;
        }
    }
    for (const SessionInfo &transmission : serving) {
        if (transmission.kind != SessionKind::Transmission)
            continue;
        TransferSession *session = join(peer, SessionKind::Transmission, transmission.name, joinToken, client, error);
        return session ? std::optional(ImageJoin{session, nullptr}) : std::nullopt;
    }
    const SessionContent *source = unicastSource(found->path);
    switch (source->state()) {
    case SessionContent::State::Ready:
        break;
    case SessionContent::State::Preparing:
        *error = {QLatin1String(ErrorCode::NotReady),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the %1 is being prepared (%2% hashed)")).arg(image.describe()).arg(source->preparedPercent())};
        return std::nullopt;
    case SessionContent::State::Missing:
        *error = {QLatin1String(ErrorCode::NotReady),
                  ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the file of the %1 is missing: %2")).arg(image.describe(), source->missingReason())};
        return std::nullopt;
    }
    client->method = TransferMethod::Unicast;
    client->sessionName = found->name + u" (unicast)"_qs;
    if (!registerClient(peer, client, source->imageSize(), error))
        return std::nullopt;
    return ImageJoin{nullptr, source};
}

void Registry::adoptPeer(ReceiverPeer *peer)
{
    connect(peer, &ReceiverPeer::gone, this, &Registry::onPeerGone);
}

void Registry::onPeerGone(ReceiverPeer *peer, const QString &reason)
{
    if (peer->clientId() != 0) {
        qCInfo(lcTransfer).noquote() << "client" << peer->clientId() << peer->info().machineName << "left:" << reason;
        m_clients.remove(peer->clientId());
    }
    peer->deleteLater();
}

void Registry::recordClientEvent(HistoryEvent event, const ClientInfo &client, const ServerText &reason)
{
    HistoryEntry entry;
    entry.event = event;
    entry.sessionId = client.sessionId;
    entry.sessionName = client.sessionName;
    entry.client = client;
    entry.setReason(reason);
    m_history.record(std::move(entry));
}

void Registry::recordSessionEvent(HistoryEvent event, const SessionInfo &session, const ServerText &reason)
{
    HistoryEntry entry;
    entry.event = event;
    entry.sessionId = session.id;
    entry.sessionName = session.name;
    entry.setReason(reason);
    m_history.record(std::move(entry));
}

void Registry::onSessionStateChanged(TransferSession *session)
{
    const SessionInfo &info = session->info();
    const SessionState before = m_recordedStates.value(info.id, info.state);
    m_recordedStates.insert(info.id, info.state);
    if (before == info.state)
        return;
    if (info.state == SessionState::Active)
        recordSessionEvent(HistoryEvent::TransmissionStarted, info, {});
    else if (before == SessionState::Active && info.state != SessionState::Deactivated)
        recordSessionEvent(HistoryEvent::TransmissionFinished, info, info.problem);
}

void Registry::recordShutdown()
{
    for (ReceiverPeer *peer : std::as_const(m_clients))
        peer->recordLeaving(ServerText(QT_TRANSLATE_NOOP("ServerMessage", "the server stopped")));
}

bool Registry::saveAll(Error *error)
{
    return m_store->saveSessions(allSessions(), error);
}

void Registry::persist()
{
    Error error;
    if (!saveAll(&error))
        qCCritical(lcState).noquote() << error.message;
}

TransferSession *Registry::find(SessionKind kind, const QString &name) const
{
    for (const auto &[id, session] : m_sessions)
        if (session->info().kind == kind && session->info().name.compare(name, Qt::CaseInsensitive) == 0)
            return session;
    return nullptr;
}

Error Registry::notFound(SessionKind kind, const QString &name) const
{
    return {QLatin1String(ErrorCode::NotFound),
            ServerText(QT_TRANSLATE_NOOP("ServerMessage", "no %1 named '%2' on server %3")).arg(kindNoun(kind), name, m_serverName)};
}

} // namespace deploycast
