// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "domain/catalog_image.h"
#include "domain/session_info.h"
#include "image_upload.h"
#include "protocol/management_api.h"
#include "security/token_store.h"
#include "transfer/content_file.h"

#include <QCborMap>
#include <QObject>

namespace deploycast {

class FramedConnection;
class AuditLog;
class PushHub;
class Registry;
struct ServerDescription;

// The server's end of one management connection (console or command line):
// it answers requests by calling the registry. Viewers may only read. Every
// request that changes something, and every refused one, goes to the audit
// log with the token that made it.
class AdminPeer : public QObject
{
    Q_OBJECT
public:
    AdminPeer(FramedConnection *connection, Registry *registry, PushHub *hub, const ServerDescription &description,
              const TokenGrant &grant, AuditLog *audit, QObject *parent = nullptr);

private:
    void onRequest(const QCborMap &message);
    QCborMap dispatch(api::Method method, const QCborMap &params, Error *error);

    QCborMap getServer() const;
    QCborMap listSessions(const QCborMap &params, Error *error) const;
    QCborMap getSession(const QCborMap &params, Error *error) const;
    QCborMap createSession(const QCborMap &params, Error *error);
    QCborMap startSession(const QCborMap &params, Error *error);
    QCborMap removeSession(const QCborMap &params, Error *error);
    QCborMap disconnectClients(const QCborMap &params, Error *error);
    QCborMap setPolicy(const QCborMap &params, Error *error);
    QCborMap listFallbackClients() const;
    QCborMap getAuditLog(const QCborMap &params, Error *error);
    QCborMap getHistory(const QCborMap &params, Error *error) const;
    QCborMap setTransport(QCborMap params, Error *error);
    QCborMap controlTransport(const QCborMap &params, Error *error);
    // The image catalog (admin_catalog.cpp).
    QCborMap listImageGroups() const;
    QCborMap addImageGroup(const QCborMap &params, Error *error);
    QCborMap removeImageGroup(const QCborMap &params, Error *error);
    QCborMap setImageGroup(const QCborMap &params, Error *error);
    QCborMap listImages(const QCborMap &params, Error *error) const;
    QCborMap setImage(const QCborMap &params, Error *error);
    QCborMap removeImage(const QCborMap &params, Error *error);
    QCborMap beginImageUpload(const QCborMap &params, Error *error);
    QCborMap uploadImageData(const QCborMap &params, Error *error);
    QCborMap copyImageData(Error *error);
    QCborMap finishImageUpload(const QCborMap &params, Error *error);
    QCborMap readImageData(const QCborMap &params, Error *error);
    // /Copy-Image: the source, opened for the copy into m_upload; the
    // target takes its group. Returns the source's size, or -1.
    qint64 openCopySource(const QCborMap &params, ImageQuery *target, Error *error);
    // A file that clients are receiving is not replaced under them.
    bool checkNobodyReceives(const CatalogImage &image, Error *error) const;

    // A session named by "name", or a transmission by its catalog "image".
    std::optional<QString> sessionName(SessionKind kind, const QCborMap &params, Error *error) const;

    QCborMap sessionWithClients(quint32 sessionId, QCborMap session, bool withClients) const;

    FramedConnection *m_connection;
    Registry *m_registry;
    PushHub *m_hub;
    const ServerDescription &m_description;
    TokenGrant m_grant;
    AuditLog *m_audit;
    // The image this admin is sending (one at a time per connection).
    std::unique_ptr<ImageUpload> m_upload;
    CatalogImage m_uploadTarget;
    bool m_uploadReplaces = false;
    // /Copy-Image: the file m_upload is filled from, and which version of it
    // (a source changed or replaced during the copy is not a copy).
    std::unique_ptr<QFile> m_copySource;
    FileIdentity m_copySourceIdentity;
    // /Export-Image: the image file read last, kept open between pieces.
    std::unique_ptr<QFile> m_exportFile;
};

} // namespace deploycast
