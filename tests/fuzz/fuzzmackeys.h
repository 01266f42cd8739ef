// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArray>
#include <QList>

#include "core/auth/symmetrickey.h"

// The five MAC test keys (ids 1-5: MD5, SHA1, SHA256, AES128CMAC, AES256CMAC) of
// tests/unit/data/ntp-mac-vectors.json, so that the seeds' MACs verify. Shared by the
// ntppacket and replyvalidator fuzzers.
inline QList<chronoscope::auth::SymmetricKey> fuzzMacTestKeys()
{
    using chronoscope::auth::KeyType;
    const struct { std::uint32_t id; KeyType type; const char *hex; } table[] = {
        {1, KeyType::Md5, "0102030405060708090A0B0C0D0E0F1011121314"},
        {2, KeyType::Sha1, "2122232425262728292A2B2C2D2E2F3031323334"},
        {3, KeyType::Sha256, "4142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5F60"},
        {4, KeyType::Aes128Cmac, "000102030405060708090A0B0C0D0E0F"},
        {5, KeyType::Aes256Cmac, "808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9F"},
    };
    QList<chronoscope::auth::SymmetricKey> keys;
    for (const auto &row : table) {
        chronoscope::auth::SymmetricKey key;
        key.id = row.id;
        key.type = row.type;
        key.secret = chronoscope::auth::SecretBytes(QByteArray::fromHex(row.hex));
        keys.append(key);
    }
    return keys;
}
