// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/macalgorithm.h"

#include <memory>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

using namespace Qt::StringLiterals;

namespace chronoscope::auth {
namespace {

struct MdCtxDeleter { void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); } };
struct MdDeleter { void operator()(EVP_MD *p) const { EVP_MD_free(p); } };
struct MacDeleter { void operator()(EVP_MAC *p) const { EVP_MAC_free(p); } };
struct MacCtxDeleter { void operator()(EVP_MAC_CTX *p) const { EVP_MAC_CTX_free(p); } };

QString opensslError(const QString &what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return what;
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return what + u": "_s + QString::fromLatin1(text);
}

const char *digestName(KeyType type)
{
    switch (type) {
    case KeyType::Md5: return "MD5";
    case KeyType::Sha1: return "SHA1";
    case KeyType::Sha256: return "SHA256";
    case KeyType::Aes128Cmac:
    case KeyType::Aes256Cmac: break;
    }
    return nullptr;
}

Result<QByteArray> hashMac(KeyType type, QByteArrayView key, QByteArrayView message)
{
    // digest(key ‖ message): the legacy NTP MAC (RFC 5905 §7.3; ntpsec macencrypt.c).
    const std::unique_ptr<EVP_MD, MdDeleter> md(EVP_MD_fetch(nullptr, digestName(type), nullptr));
    if (!md)
        return Error{opensslError(u"OpenSSL does not provide %1"_s.arg(chronyTypeName(type)))};
    const std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (!ctx || !EVP_DigestInit_ex(ctx.get(), md.get(), nullptr)
        || !EVP_DigestUpdate(ctx.get(), key.data(), size_t(key.size()))
        || !EVP_DigestUpdate(ctx.get(), message.data(), size_t(message.size()))
        || !EVP_DigestFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &length))
        return Error{opensslError(u"%1 digest failed"_s.arg(chronyTypeName(type)))};
    out.truncate(qsizetype(length));
    return out;
}

Result<QByteArray> cmacMac(KeyType type, QByteArrayView key, QByteArrayView message)
{
    // AES-CMAC with the key as cipher key (RFC 4493, RFC 8573). A fresh context per call also
    // sidesteps the OpenSSL 3.0.2 key-reload bug ntpsec works around (NTP-NOTES §5.2).
    const char *cipher = type == KeyType::Aes128Cmac ? "AES-128-CBC" : "AES-256-CBC";
    if (key.size() != *requiredKeyLength(type))
        return Error{u"%1 needs a %2-byte key, got %3 bytes"_s.arg(chronyTypeName(type))
                         .arg(*requiredKeyLength(type))
                         .arg(key.size())};
    const std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
    if (!mac)
        return Error{opensslError(u"OpenSSL does not provide CMAC"_s)};
    const std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> ctx(EVP_MAC_CTX_new(mac.get()));
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, const_cast<char *>(cipher), 0),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    size_t length = 0;
    if (!ctx
        || !EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char *>(key.data()), size_t(key.size()), params)
        || !EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char *>(message.data()), size_t(message.size()))
        || !EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &length, size_t(out.size())))
        return Error{opensslError(u"%1 CMAC failed"_s.arg(chronyTypeName(type)))};
    out.truncate(qsizetype(length));
    return out;
}

} // namespace

Result<QByteArray> computeMac(KeyType type, QByteArrayView key, QByteArrayView message)
{
    switch (type) {
    case KeyType::Md5:
    case KeyType::Sha1:
    case KeyType::Sha256: return hashMac(type, key, message);
    case KeyType::Aes128Cmac:
    case KeyType::Aes256Cmac: return cmacMac(type, key, message);
    }
    return Error{u"unknown key type"_s};
}

Result<QByteArray> computeWireMac(KeyType type, QByteArrayView key, QByteArrayView message)
{
    Result<QByteArray> mac = computeMac(type, key, message);
    if (mac)
        mac.value().truncate(wireMacLength(type));
    return mac;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    return a.isEmpty() || CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

bool verifyWireMac(KeyType type, QByteArrayView key, QByteArrayView message, QByteArrayView received)
{
    if (received.size() != wireMacLength(type))
        return false;
    const Result<QByteArray> expected = computeWireMac(type, key, message);
    return expected && constantTimeEquals(*expected, received);
}

} // namespace chronoscope::auth
