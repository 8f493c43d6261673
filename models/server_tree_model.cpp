// SPDX-License-Identifier: GPL-3.0-or-later
#include "server_tree_model.h"

#include "client/management_client.h"
#include "client/server_connection.h"
#include "client/server_list.h"
#include "common/units.h"
#include "display_names.h"
#include "palette_colors.h"
#include "themed_icon.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QLocale>

#include <algorithm>

namespace deploycast {

struct ServerTreeModel::Node {
    NodeKind kind;
    Node *parent = nullptr;
    ServerConnection *server = nullptr;
    quint32 id = 0; // session or client ID
    QString name;   // an image folder's group or architecture; an image's store path
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        const auto &siblings = parent->children;
        return int(std::find_if(siblings.begin(), siblings.end(), [this](const auto &n) { return n.get() == this; })
                   - siblings.begin());
    }
    Node *folder(NodeKind folderKind) const
    {
        for (const auto &child : children)
            if (child->kind == folderKind)
                return child.get();
        return nullptr;
    }
};

namespace {
using NodeKind = ServerTreeModel::NodeKind;

QString stateText(const ServerConnection *server)
{
    switch (server->state()) {
    case ConnectionState::Connecting:
        return QObject::tr("connecting…");
    case ConnectionState::Connected:
        return QObject::tr("connected");
    case ConnectionState::Lost: {
        // Say what happened: a typo'd name is not a server that went away.
        const QString code = server->lastErrorCode();
        const QString why = code == QLatin1String(ClientErrorCode::HostNotFound) ? QObject::tr("cannot resolve")
            : code == QLatin1String(ClientErrorCode::ConnectionRefused)           ? QObject::tr("refused the connection")
            : code == QLatin1String(ClientErrorCode::Unreachable)                 ? QObject::tr("unreachable")
                                                                                  : QObject::tr("lost");
        return QObject::tr("%1 (retrying in %2 s)").arg(why).arg(server->retryInSeconds());
    }
    case ConnectionState::Refused:
        if (server->lastErrorCode() == QLatin1String(ClientErrorCode::CertificateChanged))
            return QObject::tr("certificate changed: refused");
        return QObject::tr("refused: %1").arg(server->lastError());
    }
    return {};
}

} // namespace

std::unique_ptr<ServerTreeModel::Node> ServerTreeModel::makeNode(NodeKind kind, ServerConnection *server, quint32 id)
{
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->server = server;
    node->id = id;
    return node;
}

ServerTreeModel::ServerTreeModel(ServerList *servers, QObject *parent)
    : QAbstractItemModel(parent)
    , m_servers(servers)
    , m_root(makeNode(NodeKind::Servers, nullptr))
{
    auto serversNode = makeNode(NodeKind::Servers, nullptr);
    serversNode->parent = m_root.get();
    m_root->children.push_back(std::move(serversNode));
    for (ServerConnection *server : servers->servers())
        addServer(server);
    connect(servers, &ServerList::serverAdded, this, &ServerTreeModel::addServer);
    connect(servers, &ServerList::serverAboutToBeRemoved, this, &ServerTreeModel::removeServer);
}

ServerTreeModel::~ServerTreeModel() = default;

QModelIndex ServerTreeModel::serversIndex() const
{
    return index(0, 0);
}

ServerTreeModel::Node *ServerTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ServerTreeModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, const_cast<Node *>(node));
}

ServerTreeModel::Node *ServerTreeModel::serverNode(const ServerConnection *server) const
{
    for (const auto &child : m_root->children.front()->children)
        if (child->server == server)
            return child.get();
    return nullptr;
}

void ServerTreeModel::addServer(ServerConnection *server)
{
    Node *servers = m_root->children.front().get();
    auto node = makeNode(NodeKind::Server, server);
    for (NodeKind folder : {NodeKind::Transmissions, NodeKind::Namespaces, NodeKind::Fallback, NodeKind::InstallImages,
                            NodeKind::BootImages}) {
        auto child = makeNode(folder, server);
        child->parent = node.get();
        node->children.push_back(std::move(child));
    }
    node->parent = servers;
    const int row = int(servers->children.size());
    beginInsertRows(indexOf(servers), row, row);
    servers->children.push_back(std::move(node));
    endInsertRows();
    connect(server, &ServerConnection::changed, this,
            [this, server](const MirrorChange &change) { onChanged(server, change); });
    connect(server, &ServerConnection::stateChanged, this, [this, server] { onStateChanged(server); });
    connect(server, &ServerConnection::catalogChanged, this, [this, server] { onCatalogChanged(server); });
    // A server added with data already mirrored (not the usual case).
    MirrorChange existing;
    existing.addedSessions = server->sessions().keys();
    existing.addedClients = server->clients().keys();
    onChanged(server, existing);
    onCatalogChanged(server);
}

void ServerTreeModel::removeServer(ServerConnection *server)
{
    disconnect(server, nullptr, this, nullptr);
    Node *node = serverNode(server);
    if (!node)
        return;
    Node *servers = node->parent;
    const int row = node->row();
    beginRemoveRows(indexOf(servers), row, row);
    servers->children.erase(servers->children.begin() + row);
    endRemoveRows();
}

ServerTreeModel::Node *ServerTreeModel::childWithId(const Node *folder, quint32 id) const
{
    for (const auto &child : folder->children)
        if (child->id == id)
            return child.get();
    return nullptr;
}

void ServerTreeModel::insertChild(Node *folder, std::unique_ptr<Node> child)
{
    // Children stay in ID order: creation order for sessions, join order for clients.
    const auto position = std::lower_bound(folder->children.begin(), folder->children.end(), child->id,
                                           [](const auto &node, quint32 id) { return node->id < id; });
    const int row = int(position - folder->children.begin());
    child->parent = folder;
    beginInsertRows(indexOf(folder), row, row);
    folder->children.insert(folder->children.begin() + row, std::move(child));
    endInsertRows();
    emitNodeChanged(folder); // its count
}

void ServerTreeModel::removeChild(Node *folder, quint32 id)
{
    const Node *child = childWithId(folder, id);
    if (!child)
        return;
    const int row = child->row();
    beginRemoveRows(indexOf(folder), row, row);
    folder->children.erase(folder->children.begin() + row);
    endRemoveRows();
    emitNodeChanged(folder);
}

void ServerTreeModel::onChanged(ServerConnection *server, const MirrorChange &change)
{
    Node *node = serverNode(server);
    if (!node)
        return;
    Node *transmissions = node->folder(NodeKind::Transmissions);
    Node *namespaces = node->folder(NodeKind::Namespaces);
    Node *fallback = node->folder(NodeKind::Fallback);

    for (quint32 id : change.removedSessions) {
        removeChild(transmissions, id);
        removeChild(namespaces, id);
    }
    auto folderFor = [&](quint32 id) -> Node * {
        const auto session = server->sessions().constFind(id);
        if (session == server->sessions().constEnd())
            return nullptr;
        return session->kind == SessionKind::Transmission ? transmissions : namespaces;
    };
    for (quint32 id : change.addedSessions + change.changedSessions) {
        Node *folder = folderFor(id);
        if (!folder)
            continue;
        if (const Node *existing = childWithId(folder, id))
            emitNodeChanged(existing);
        else
            insertChild(folder, makeNode(NodeKind::Session, server, id));
    }

    for (quint32 id : change.removedClients)
        removeChild(fallback, id);
    for (quint32 id : change.addedClients + change.changedClients) {
        const auto client = server->clients().constFind(id);
        if (client == server->clients().constEnd())
            continue;
        const bool unicast = client->method == TransferMethod::Unicast;
        const Node *existing = childWithId(fallback, id);
        if (unicast && existing)
            emitNodeChanged(existing);
        else if (unicast)
            insertChild(fallback, makeNode(NodeKind::FallbackClient, server, id));
        else if (existing)
            removeChild(fallback, id);
    }
}

void ServerTreeModel::onCatalogChanged(ServerConnection *server)
{
    Node *node = serverNode(server);
    if (!node)
        return;
    // Install images by group (every group, empty ones too), boot images by
    // architecture (those that have some), each in the catalog's order.
    auto folderOf = [server](const QString &name, ImageType type) {
        auto folder = makeNode(NodeKind::ImageFolder, server);
        folder->name = name;
        for (const CatalogImage &image : server->images()) {
            if (image.type != type || (type == ImageType::Install ? image.group : image.architecture) != name)
                continue;
            auto child = makeNode(NodeKind::Image, server);
            child->name = image.path;
            child->parent = folder.get();
            folder->children.push_back(std::move(child));
        }
        return folder;
    };
    std::vector<std::unique_ptr<Node>> groups;
    for (const QString &group : server->imageGroups())
        groups.push_back(folderOf(group, ImageType::Install));
    std::vector<std::unique_ptr<Node>> architectures;
    for (const QString &architecture : deploycast::architectures()) {
        auto folder = folderOf(architecture, ImageType::Boot);
        if (!folder->children.empty())
            architectures.push_back(std::move(folder));
    }
    refill(node->folder(NodeKind::InstallImages), std::move(groups));
    refill(node->folder(NodeKind::BootImages), std::move(architectures));
}

void ServerTreeModel::refill(Node *folder, std::vector<std::unique_ptr<Node>> children)
{
    if (!folder->children.empty()) {
        beginRemoveRows(indexOf(folder), 0, int(folder->children.size()) - 1);
        folder->children.clear();
        endRemoveRows();
    }
    if (!children.empty()) {
        beginInsertRows(indexOf(folder), 0, int(children.size()) - 1);
        for (auto &child : children) {
            child->parent = folder;
            folder->children.push_back(std::move(child));
        }
        endInsertRows();
    }
    emitNodeChanged(folder); // its count
}

void ServerTreeModel::onStateChanged(ServerConnection *server)
{
    if (const Node *node = serverNode(server))
        emitSubtreeChanged(node); // greyed out or back, with the state text
}

void ServerTreeModel::emitNodeChanged(const Node *node)
{
    const QModelIndex index = indexOf(node);
    Q_EMIT dataChanged(index, index);
}

void ServerTreeModel::emitSubtreeChanged(const Node *node)
{
    emitNodeChanged(node);
    if (!node->children.empty())
        Q_EMIT dataChanged(indexOf(node->children.front().get()), indexOf(node->children.back().get()));
    for (const auto &child : node->children)
        if (!child->children.empty())
            emitSubtreeChanged(child.get());
}

QModelIndex ServerTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    if (column != 0 || row < 0 || row >= int(node->children.size()))
        return {};
    return createIndex(row, 0, node->children[std::size_t(row)].get());
}

QModelIndex ServerTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    return child.isValid() ? indexOf(node->parent) : QModelIndex();
}

int ServerTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ServerTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QString ServerTreeModel::displayText(const Node *node) const
{
    switch (node->kind) {
    case NodeKind::Servers:
        return tr("Servers");
    case NodeKind::Server:
        return QStringLiteral("%1 — %2").arg(node->server->address(), stateText(node->server));
    case NodeKind::Transmissions:
        return tr("Multicast Transmissions (%1)").arg(node->children.size());
    case NodeKind::Namespaces:
        return tr("Namespaces (%1)").arg(node->children.size());
    case NodeKind::Fallback:
        return tr("Unicast Fallback (%1)").arg(node->children.size());
    case NodeKind::Session: {
        const SessionInfo session = node->server->sessions().value(node->id);
        if (!session.problem.isEmpty())
            return tr("%1 — stopped: %2").arg(session.name, session.problem);
        if (session.condition != SessionCondition::Ready) // the tooltip says why
            return tr("%1 — %2").arg(session.name, DisplayNames::conditionOf(session));
        return tr("%1 — %2, %n client(s)", nullptr, session.clientCount).arg(session.name, DisplayNames::of(session.state));
    }
    case NodeKind::FallbackClient: {
        const ClientInfo client = node->server->clients().value(node->id);
        return tr("%1 (ID %2) — %3%, %4").arg(client.machineName).arg(client.id)
            .arg(QLocale().toString(client.percentComplete, 'f', 0), formatRate(client.transferRate, QLocale()));
    }
    case NodeKind::InstallImages:
    case NodeKind::BootImages: {
        qsizetype count = 0;
        for (const auto &folder : node->children)
            count += qsizetype(folder->children.size());
        return (node->kind == NodeKind::InstallImages ? tr("Install Images (%1)") : tr("Boot Images (%1)")).arg(count);
    }
    case NodeKind::ImageFolder:
        return tr("%1 (%2)").arg(node->name).arg(node->children.size());
    case NodeKind::Image: {
        const CatalogImage image = imageOf(node);
        return image.enabled ? tr("%1 — %2, %3").arg(image.name, image.fileName, formatSize(image.size, QLocale()))
                             : tr("%1 — %2, %3, disabled").arg(image.name, image.fileName, formatSize(image.size, QLocale()));
    }
    }
    return {};
}

QIcon ServerTreeModel::iconOf(const Node *node)
{
    switch (node->kind) {
    case NodeKind::Servers:
    case NodeKind::Server: return themedIcon(u"network-server"_qs);
    case NodeKind::Transmissions:
    case NodeKind::Session: return themedIcon(u"network-transmit"_qs);
    case NodeKind::Namespaces: return themedIcon(u"folder-remote"_qs);
    case NodeKind::Fallback:
    case NodeKind::FallbackClient: return themedIcon(u"network-wired"_qs);
    case NodeKind::InstallImages:
    case NodeKind::BootImages:
    case NodeKind::ImageFolder: return themedIcon(u"folder"_qs);
    case NodeKind::Image: return themedIcon(u"drive-harddisk"_qs);
    }
    return {};
}

QVariant ServerTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(node);
    case PathNameRole:
        switch (node->kind) {
        case NodeKind::Servers: return tr("Servers");
        case NodeKind::Server: return node->server->address();
        case NodeKind::Transmissions: return QStringLiteral("Multicast Transmissions");
        case NodeKind::Namespaces: return QStringLiteral("Namespaces");
        case NodeKind::Fallback: return QStringLiteral("Unicast Fallback");
        case NodeKind::Session: return node->server->sessions().value(node->id).name;
        case NodeKind::FallbackClient: return node->server->clients().value(node->id).machineName;
        case NodeKind::InstallImages: return QStringLiteral("Install Images");
        case NodeKind::BootImages: return QStringLiteral("Boot Images");
        case NodeKind::ImageFolder: return node->name;
        case NodeKind::Image: return imageOf(node).name;
        }
        break;
    case Qt::DecorationRole:
        return iconOf(node);
    case Qt::ForegroundRole: {
        const QPalette palette = QGuiApplication::palette();
        if (node->server && node->server->state() != ConnectionState::Connected)
            return palette.color(QPalette::Disabled, QPalette::Text);
        if (node->kind == NodeKind::Session && !node->server->sessions().value(node->id).problem.isEmpty())
            return warningTextColor(palette); // stopped: its file changed (the tooltip says how)
        if (node->kind == NodeKind::Session
            && node->server->sessions().value(node->id).condition != SessionCondition::Ready)
            return palette.color(QPalette::Disabled, QPalette::Text); // not served yet (the tooltip says why)
        break;
    }
    case Qt::ToolTipRole:
        if (node->kind == NodeKind::Server) {
            const QString name = node->server->serverName();
            const QString error = node->server->lastError();
            return QStringList{name.isEmpty() ? node->server->address() : tr("%1, host %2").arg(node->server->address(), name),
                               error}.join(u'\n').trimmed();
        }
        if (node->kind == NodeKind::FallbackClient)
            return node->server->clients().value(node->id).note;
        if (node->kind == NodeKind::Session) {
            const SessionInfo session = node->server->sessions().value(node->id);
            return session.problem.isEmpty() ? session.conditionReason : session.problem;
        }
        if (node->kind == NodeKind::Image) {
            const CatalogImage image = imageOf(node);
            return QStringList{image.path, image.description}.join(u'\n').trimmed();
        }
        break;

    }
    return {};
}

ClientScope ServerTreeModel::scopeOf(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!index.isValid())
        return {};
    switch (node->kind) {
    case NodeKind::Servers: return {ClientScope::Kind::AllServers, nullptr, 0};
    case NodeKind::Server: return {ClientScope::Kind::Server, node->server, 0};
    case NodeKind::Transmissions: return {ClientScope::Kind::Transmissions, node->server, 0};
    case NodeKind::Namespaces: return {ClientScope::Kind::Namespaces, node->server, 0};
    case NodeKind::Session: return {ClientScope::Kind::Session, node->server, node->id};
    case NodeKind::Fallback:
    case NodeKind::FallbackClient: return {ClientScope::Kind::Fallback, node->server, 0};
    case NodeKind::Image:
        if (const quint32 transmission = transmissionOf(node))
            return {ClientScope::Kind::Session, node->server, transmission};
        return {ClientScope::Kind::Nothing, node->server, 0};
    case NodeKind::InstallImages:
    case NodeKind::BootImages:
    case NodeKind::ImageFolder: return {ClientScope::Kind::Transmissions, node->server, 0};
    }
    return {};
}

CatalogImage ServerTreeModel::imageOf(const Node *node)
{
    for (const CatalogImage &image : node->server->images())
        if (image.path == node->name)
            return image;
    return {};
}

quint32 ServerTreeModel::transmissionOf(const Node *node)
{
    return node->server->transmissionOf(node->name);
}

ServerConnection *ServerTreeModel::serverOf(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->server : nullptr;
}

quint32 ServerTreeModel::sessionIdOf(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (index.isValid() && node->kind == NodeKind::Image)
        return transmissionOf(node); // an image stands for its transmission, as in WDS
    return index.isValid() && node->kind == NodeKind::Session ? node->id : 0;
}

QModelIndex ServerTreeModel::findPath(const QString &path) const
{
    QModelIndex current = serversIndex();
    for (const QString &part : path.split(u'/', Qt::SkipEmptyParts)) {
        QModelIndex next;
        for (int row = 0; row < rowCount(current); ++row) {
            const QModelIndex candidate = index(row, 0, current);
            if (candidate.data(PathNameRole).toString().compare(part, Qt::CaseInsensitive) == 0) {
                next = candidate;
                break;
            }
        }
        if (!next.isValid())
            return {};
        current = next;
    }
    return current;
}

} // namespace deploycast
