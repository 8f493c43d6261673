// SPDX-License-Identifier: GPL-3.0-or-later
#include "sha256.h"

#include <openssl/evp.h>

namespace deploycast {

struct Sha256::Context {
    EVP_MD_CTX *digest = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(digest); }
};

Sha256::Sha256()
    : m_context(std::make_unique<Context>())
{
    EVP_DigestInit_ex(m_context->digest, EVP_sha256(), nullptr);
}

Sha256::~Sha256() = default;

void Sha256::addData(const void *data, std::size_t length)
{
    EVP_DigestUpdate(m_context->digest, data, length);
}

QByteArray Sha256::result()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->digest, digest, &length);
    return QByteArray(reinterpret_cast<const char *>(digest), int(length));
}

QByteArray Sha256::of(const void *data, std::size_t length)
{
    Sha256 hash;
    hash.addData(data, length);
    return hash.result();
}

} // namespace deploycast
