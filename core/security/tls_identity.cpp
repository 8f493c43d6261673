// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls_identity.h"

#include "common/atomic_file.h"

#include <QFile>
#include <QNetworkInterface>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace deploycast {
namespace {

constexpr long kValiditySeconds = 10L * 365 * 24 * 3600;

template <typename T, void (*Free)(T *)>
using OpenSslPtr = std::unique_ptr<T, decltype([](T *p) { Free(p); })>;
using KeyPtr = OpenSslPtr<EVP_PKEY, EVP_PKEY_free>;
using CertPtr = OpenSslPtr<X509, X509_free>;
using BioPtr = OpenSslPtr<BIO, BIO_free_all>;
using ExtPtr = OpenSslPtr<X509_EXTENSION, X509_EXTENSION_free>;

Error tlsError(const QString &text)
{
    return {QLatin1String(ErrorCode::StorageError), text};
}

QByteArray pemOf(const std::function<int(BIO *)> &write)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

// The subject names a client may use for this host: its name, localhost,
// and every address it has.
QByteArray subjectAltNames(const QString &hostName)
{
    QStringList names{u"DNS:"_qs + hostName, u"DNS:localhost"_qs};
    for (const QHostAddress &address : QNetworkInterface::allAddresses())
        if (address.protocol() == QAbstractSocket::IPv4Protocol || address.protocol() == QAbstractSocket::IPv6Protocol)
            names.append(u"IP:"_qs + address.toString().section(u'%', 0, 0));
    return names.join(u',').toLatin1();
}

// Makes the key and the self-signed certificate, as PEM.
bool generate(const QString &hostName, QByteArray *keyPem, QByteArray *certificatePem)
{
    KeyPtr key(EVP_EC_gen("P-256"));
    CertPtr certificate(X509_new());
    if (!key || !certificate)
        return false;
    X509_set_version(certificate.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), long(QDateTime::currentSecsSinceEpoch()));
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600); // tolerate a clock a little behind
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), kValiditySeconds);
    X509_set_pubkey(certificate.get(), key.get());
    X509_NAME *name = X509_get_subject_name(certificate.get());
    const QByteArray commonName = (u"deploycastd on "_qs + hostName).toUtf8().left(64);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(commonName.constData()),
                               -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate.get(), certificate.get(), nullptr, nullptr, 0);
    const QByteArray altNames = subjectAltNames(hostName);
    ExtPtr extension(X509V3_EXT_conf_nid(nullptr, &context, NID_subject_alt_name, altNames.constData()));
    if (!extension || X509_add_ext(certificate.get(), extension.get(), -1) != 1)
        return false;
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return false;
    *keyPem = pemOf([&](BIO *bio) {
        return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
    *certificatePem = pemOf([&](BIO *bio) { return PEM_write_bio_X509(bio, certificate.get()); });
    return !keyPem->isEmpty() && !certificatePem->isEmpty();
}

} // namespace

QString TlsIdentity::certificatePath(const QString &stateDirectory)
{
    return stateDirectory + u"/tls/server.crt"_qs;
}

QString TlsIdentity::keyPath(const QString &stateDirectory)
{
    return stateDirectory + u"/tls/server.key"_qs;
}

std::optional<TlsIdentity> TlsIdentity::load(const QString &certificatePath, const QString &keyPath, Error *error)
{
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly)) {
        *error = tlsError(QStringLiteral("cannot read the TLS certificate %1: %2").arg(certificatePath, certificateFile.errorString()));
        return std::nullopt;
    }
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = tlsError(QStringLiteral("cannot read the TLS key %1: %2").arg(keyPath, keyFile.errorString()));
        return std::nullopt;
    }
    TlsIdentity identity{QSslCertificate(&certificateFile, QSsl::Pem), {}};
    const QByteArray keyPem = keyFile.readAll();
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        identity.key = QSslKey(keyPem, algorithm, QSsl::Pem);
        if (!identity.key.isNull())
            break;
    }
    if (identity.certificate.isNull() || identity.key.isNull()) {
        *error = tlsError(QStringLiteral("%1 is not a PEM certificate or %2 not a PEM EC or RSA private key")
                              .arg(certificatePath, keyPath));
        return std::nullopt;
    }
    return identity;
}

std::optional<TlsIdentity> TlsIdentity::loadOrCreate(const QString &stateDirectory, const QString &hostName, Error *error)
{
    const QString certificate = certificatePath(stateDirectory);
    const QString key = keyPath(stateDirectory);
    if (!QFile::exists(certificate) || !QFile::exists(key)) {
        QByteArray keyPem;
        QByteArray certificatePem;
        if (!makeOwnerOnlyFolder(stateDirectory + u"/tls"_qs, error))
            return std::nullopt;
        if (!generate(hostName, &keyPem, &certificatePem)) {
            *error = tlsError(u"OpenSSL could not make a key and certificate"_qs);
            return std::nullopt;
        }
        // The key first, so a certificate never exists without its key.
        if (!writeFileAtomically(key, keyPem, kOwnerOnly, error)
            || !writeFileAtomically(certificate, certificatePem,
                                    kOwnerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther, error))
            return std::nullopt;
    }
    return load(certificate, key, error);
}

QString fingerprintOf(const QSslCertificate &certificate)
{
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i < digest.size(); i += 2)
        pairs.append(QString::fromLatin1(digest.mid(i, 2)));
    return u"SHA256:"_qs + pairs.join(u':');
}

} // namespace deploycast
