// SPDX-License-Identifier: GPL-3.0-or-later
#include "hash_cache.h"

#include "common/atomic_file.h"
#include "common/cbor_values.h"
#include "common/log.h"
#include "common/sha256.h"
#include "protocol/block_datagram.h"

#include <QCborMap>
#include <QCborValue>
#include <QFile>

namespace deploycast {
namespace {

QCborMap identityToCbor(const QString &path, const FileIdentity &identity)
{
    return {{u"path"_qs, path},
            {u"size"_qs, identity.size},
            {u"modifiedNs"_qs, identity.modifiedNs},
            {u"inode"_qs, qint64(identity.inode)},
            {u"device"_qs, qint64(identity.device)}};
}

} // namespace

HashCache::HashCache(const QString &stateDirectory)
    : m_directory(stateDirectory + u"/hashes"_qs)
{
}

QString HashCache::entryPath(const QString &imagePath) const
{
    const QByteArray key = QFile::encodeName(imagePath);
    return m_directory + u'/' + QString::fromLatin1(Sha256::of(key.constData(), std::size_t(key.size())).toHex().left(32));
}

std::optional<ImageDigests> HashCache::find(const QString &path, const FileIdentity &identity, std::uint32_t chunks) const
{
    QFile file(entryPath(path));
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024 * 1024)
        return std::nullopt;
    const QCborMap entry = QCborValue::fromCbor(file.readAll()).toMap();
    QCborMap expected = identityToCbor(path, identity);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        if (entry.value(it.key()) != it.value())
            return std::nullopt;
    ImageDigests digests{entry.value(u"sha256"_qs).toByteArray(), entry.value(u"chunks"_qs).toByteArray()};
    if (digests.sha256.size() != kDigestSize || digests.chunkSha256.size() % kDigestSize != 0
        || digests.chunkCount() != chunks)
        return std::nullopt;
    return digests;
}

void HashCache::store(const QString &path, const FileIdentity &identity, const ImageDigests &digests) const
{
    QCborMap entry = identityToCbor(path, identity);
    entry.insert(u"sha256"_qs, digests.sha256);
    entry.insert(u"chunks"_qs, digests.chunkSha256);
    Error error;
    if (!makeOwnerOnlyFolder(m_directory, &error)
        || !writeFileAtomically(entryPath(path), entry.toCborValue().toCbor(), kOwnerOnly, &error))
        qCWarning(lcState).noquote() << "cannot keep the hash of" << path << "for the next start:" << error.message;
}

} // namespace deploycast
