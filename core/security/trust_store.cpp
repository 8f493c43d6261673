// SPDX-License-Identifier: GPL-3.0-or-later
#include "trust_store.h"

#include "common/atomic_file.h"
#include "tls_identity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace deploycast {
namespace {

// known_hosts lines: "host:port SHA256:AA:BB:..."; '#' starts a comment.
QList<std::pair<QString, QString>> readKnownHosts(const QString &path)
{
    QList<std::pair<QString, QString>> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
        if (fields.size() == 2)
            entries.append({fields[0].toLower(), fields[1]});
    }
    return entries;
}

} // namespace

QStringList TrustStore::knownTargets()
{
    QStringList targets;
    for (const auto &[host, fingerprint] : readKnownHosts(knownHostsPath()))
        if (!targets.contains(host))
            targets.append(host);
    return targets;
}

QString TrustStore::knownHostsPath()
{
    const QString overridden = qEnvironmentVariable("DEPLOYCAST_KNOWN_HOSTS");
    if (!overridden.isEmpty())
        return overridden;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/deploycast/known_hosts"_qs;
}

QStringList TrustStore::localStateDirectories()
{
    const QString configured = qEnvironmentVariable("DEPLOYCAST_STATE_DIR");
    if (!configured.isEmpty())
        return configured.split(u':', Qt::SkipEmptyParts);
    return {u"/var/lib/deploycast"_qs};
}

TrustStore::Verdict TrustStore::check(const QString &target, const QSslCertificate &certificate, QString *pinned) const
{
    const QString fingerprint = fingerprintOf(certificate);
    for (const auto &[host, known] : readKnownHosts(knownHostsPath())) {
        if (host != target.toLower())
            continue;
        if (known == fingerprint)
            return Verdict::Pinned;
        if (pinned)
            *pinned = known;
        return Verdict::Changed;
    }
    return localStateDirectoryOf(certificate) ? Verdict::Local : Verdict::Unknown;
}

bool TrustStore::pin(const QString &target, const QSslCertificate &certificate, Error *error) const
{
    const QString path = knownHostsPath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = {QLatin1String(ErrorCode::StorageError), QStringLiteral("cannot create the folder of %1").arg(path)};
        return false;
    }
    QByteArray content;
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly))
        content = existing.readAll();
    else
        content = "# Server certificates that deploycast and deploycast-console trust (host:port fingerprint).\n";
    if (!content.isEmpty() && !content.endsWith('\n'))
        content += '\n';
    content += (target.toLower() + u' ' + fingerprintOf(certificate) + u'\n').toUtf8();
    return writeFileAtomically(path, content, kOwnerOnly, error);
}

std::optional<QString> TrustStore::localStateDirectoryOf(const QSslCertificate &certificate) const
{
    for (const QString &directory : localStateDirectories()) {
        QFile file(TlsIdentity::certificatePath(directory));
        if (file.open(QIODevice::ReadOnly) && QSslCertificate(&file, QSsl::Pem) == certificate)
            return directory;
    }
    return std::nullopt;
}

} // namespace deploycast
