// SPDX-License-Identifier: GPL-3.0-or-later
#include "management_api.h"

#include <QCborArray>

namespace deploycast::api {
namespace {

struct MethodSpec {
    Method method;
    const char *name;
    bool modifies;
    bool adminOnly;
};

constexpr MethodSpec kMethods[] = {
    {Method::Ping, "ping", false, false},
    {Method::GetServer, "getServer", false, false},
    {Method::Subscribe, "subscribe", false, false},
    {Method::ListSessions, "listSessions", false, false},
    {Method::GetSession, "getSession", false, false},
    {Method::ListFallbackClients, "listFallbackClients", false, false},
    {Method::CreateSession, "createSession", true, true},
    {Method::StartSession, "startSession", true, true},
    {Method::RemoveSession, "removeSession", true, true},
    {Method::DisconnectClients, "disconnectClients", true, true},
    {Method::SetPolicy, "setPolicy", true, true},
    {Method::GetAuditLog, "getAuditLog", false, true},
    {Method::SetTransport, "setTransport", true, true},
    {Method::ControlTransport, "controlTransport", true, true},
    {Method::ListImageGroups, "listImageGroups", false, false},
    {Method::AddImageGroup, "addImageGroup", true, true},
    {Method::RemoveImageGroup, "removeImageGroup", true, true},
    {Method::SetImageGroup, "setImageGroup", true, true},
    {Method::ListImages, "listImages", false, false},
    {Method::SetImage, "setImage", true, true},
    {Method::RemoveImage, "removeImage", true, true},
    {Method::BeginImageUpload, "beginImageUpload", true, true},
    // Each piece of an upload: admins only, but not audited one by one (its
    // begin and finish are).
    {Method::UploadImageData, "uploadImageData", false, true},
    // Each step of a server-side copy (/Copy-Image), likewise.
    {Method::CopyImageData, "copyImageData", false, true},
    {Method::FinishImageUpload, "finishImageUpload", true, true},
    // A piece of an image's file (/Export-Image): admins only (images may
    // hold what viewers should not see), changes nothing.
    {Method::ReadImageData, "readImageData", false, true},
    // What became of clients and transmissions: viewers see the clients anyway.
    {Method::GetHistory, "getHistory", false, false},
};

const MethodSpec &specOf(Method method)
{
    for (const MethodSpec &spec : kMethods)
        if (spec.method == method)
            return spec;
    Q_UNREACHABLE();
}

} // namespace

const QList<Method> &allMethods()
{
    static const QList<Method> methods = [] {
        QList<Method> list;
        for (const MethodSpec &spec : kMethods)
            list.append(spec.method);
        return list;
    }();
    return methods;
}

QString methodName(Method method)
{
    return QLatin1String(specOf(method).name);
}

std::optional<Method> methodFromName(const QString &name)
{
    for (const MethodSpec &spec : kMethods)
        if (name == QLatin1String(spec.name))
            return spec.method;
    return std::nullopt;
}

bool modifiesServer(Method method)
{
    return specOf(method).modifies;
}

bool adminOnly(Method method)
{
    return specOf(method).adminOnly;
}

QCborMap sessionRef(SessionKind kind, const QString &name)
{
    return {{u"kind"_qs, toText(kind)}, {u"name"_qs, name}};
}

QCborMap sessionRef(const ImageQuery &image)
{
    return {{u"kind"_qs, toText(SessionKind::Transmission)}, {u"image"_qs, image.toCbor()}};
}

QCborMap disconnectRequest(const QList<quint32> &ids, bool force)
{
    QCborArray array;
    for (quint32 id : ids)
        array.append(qint64(id));
    return {{u"ids"_qs, array}, {u"force"_qs, force}};
}

} // namespace deploycast::api
