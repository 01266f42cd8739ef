// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/keytype.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chronoscope::auth {

QString keyTypeId(KeyType type)
{
    switch (type) {
    case KeyType::Md5: return u"md5"_s;
    case KeyType::Sha1: return u"sha1"_s;
    case KeyType::Sha256: return u"sha256"_s;
    case KeyType::Aes128Cmac: return u"aes128-cmac"_s;
    case KeyType::Aes256Cmac: return u"aes256-cmac"_s;
    }
    return u"md5"_s;
}

std::optional<KeyType> keyTypeFromId(const QString &id)
{
    for (KeyType type : ALL_KEY_TYPES) {
        if (keyTypeId(type) == id)
            return type;
    }
    return parseKeyTypeName(id);
}

QString chronyTypeName(KeyType type)
{
    switch (type) {
    case KeyType::Md5: return u"MD5"_s;
    case KeyType::Sha1: return u"SHA1"_s;
    case KeyType::Sha256: return u"SHA256"_s;
    case KeyType::Aes128Cmac: return u"AES128"_s;
    case KeyType::Aes256Cmac: return u"AES256"_s;
    }
    return u"MD5"_s;
}

QString ntpTypeName(KeyType type)
{
    switch (type) {
    case KeyType::Md5: return u"MD5"_s;
    case KeyType::Sha1: return u"SHA1"_s;
    case KeyType::Sha256: return u"SHA256"_s;
    case KeyType::Aes128Cmac: return u"AES128CMAC"_s;
    case KeyType::Aes256Cmac: return u"AES-256"_s;
    }
    return u"MD5"_s;
}

std::optional<KeyType> parseKeyTypeName(const QString &name)
{
    const QString n = name.trimmed().toUpper();
    if (n == u"MD5"_s)
        return KeyType::Md5;
    if (n == u"SHA1"_s || n == u"SHA-1"_s || n == u"SHA"_s)
        return KeyType::Sha1;
    if (n == u"SHA256"_s || n == u"SHA-256"_s)
        return KeyType::Sha256;
    if (n == u"AES"_s || n == u"AES128"_s || n == u"AES-128"_s || n == u"AES128CMAC"_s || n == u"AES-128-CMAC"_s)
        return KeyType::Aes128Cmac;
    if (n == u"AES256"_s || n == u"AES-256"_s || n == u"AES256CMAC"_s || n == u"AES-256-CMAC"_s)
        return KeyType::Aes256Cmac;
    return std::nullopt;
}

int digestLength(KeyType type)
{
    switch (type) {
    case KeyType::Md5: return 16;
    case KeyType::Sha1: return 20;
    case KeyType::Sha256: return 32;
    case KeyType::Aes128Cmac:
    case KeyType::Aes256Cmac: return 16;
    }
    return 16;
}

int wireMacLength(KeyType type)
{
    constexpr int MAX_V4_MAC = 20; // NTPv4 legacy MAC: key id + at most 20 bytes (RFC 7822)
    return std::min(digestLength(type), MAX_V4_MAC);
}

std::optional<int> requiredKeyLength(KeyType type)
{
    switch (type) {
    case KeyType::Aes128Cmac: return 16;
    case KeyType::Aes256Cmac: return 32;
    case KeyType::Md5:
    case KeyType::Sha1:
    case KeyType::Sha256: break;
    }
    return std::nullopt;
}

int generatedKeyLength(KeyType type)
{
    switch (type) {
    case KeyType::Md5:
    case KeyType::Sha1: return 20;
    case KeyType::Sha256: return 32;
    case KeyType::Aes128Cmac: return 16;
    case KeyType::Aes256Cmac: return 32;
    }
    return 20;
}

bool hasInteropCaveat(KeyType type)
{
    return type == KeyType::Sha256;
}

} // namespace chronoscope::auth
