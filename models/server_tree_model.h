// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client_scope.h"
#include "domain/catalog_image.h"

#include <QAbstractItemModel>
#include <QIcon>

#include <memory>
#include <vector>

namespace deploycast {

class ServerConnection;
class ServerList;
struct MirrorChange;

// Servers > server > {Multicast Transmissions > each transmission,
// Namespaces > each namespace, Unicast Fallback > each client finishing by
// unicast, Install Images > each image group > its images, Boot Images >
// each architecture > its images}. Nodes are plain structs (no QObject per
// node); every change is a precise insert, remove or dataChanged (the image
// folders, which change seldom, are refilled whole).
class ServerTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        PathNameRole = Qt::UserRole + 1, // the node's name in --select paths, without counts or state
    };
    enum class NodeKind {
        Servers, Server, Transmissions, Namespaces, Fallback, Session, FallbackClient,
        InstallImages, BootImages, ImageFolder, Image, // a group or an architecture; an image by its store path
    };

    explicit ServerTreeModel(ServerList *servers, QObject *parent = nullptr);
    ~ServerTreeModel() override;

    ClientScope scopeOf(const QModelIndex &index) const;
    ServerConnection *serverOf(const QModelIndex &index) const;
    quint32 sessionIdOf(const QModelIndex &index) const; // 0 unless a transmission or namespace
    // "127.0.0.1:7405/Multicast Transmissions/Lab": each part matched on PathNameRole, case-insensitively.
    QModelIndex findPath(const QString &path) const;
    QModelIndex serversIndex() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    static std::unique_ptr<Node> makeNode(NodeKind kind, ServerConnection *server, quint32 id = 0);
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node) const;
    Node *serverNode(const ServerConnection *server) const;
    void addServer(ServerConnection *server);
    void removeServer(ServerConnection *server);
    void onChanged(ServerConnection *server, const MirrorChange &change);
    void onStateChanged(ServerConnection *server);
    void onCatalogChanged(ServerConnection *server);
    void refill(Node *folder, std::vector<std::unique_ptr<Node>> children);
    void insertChild(Node *folder, std::unique_ptr<Node> child);
    void removeChild(Node *folder, quint32 id);
    Node *childWithId(const Node *folder, quint32 id) const;
    void emitNodeChanged(const Node *node);
    void emitSubtreeChanged(const Node *node);
    QString displayText(const Node *node) const;
    static CatalogImage imageOf(const Node *node);
    static QIcon iconOf(const Node *node);
    static quint32 transmissionOf(const Node *node); // the transmission of an image node's image, or 0

    ServerList *m_servers;
    std::unique_ptr<Node> m_root; // invisible; its one child is "Servers"
};

} // namespace deploycast
