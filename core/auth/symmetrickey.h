// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

#include <QMetaType>
#include <QString>
#include <QStringList>

#include "core/auth/keytype.h"
#include "core/auth/secretbytes.h"
#include "core/result.h"

namespace chronoscope::auth {

// Key ids we accept: 0 is reserved by NTP; 65534 is the top of classic ntpd's range (ntpsec
// allows 65535, chrony 2^32 − 1), so every id here works with all three.
constexpr std::uint32_t MIN_KEY_ID = 1;
constexpr std::uint32_t MAX_KEY_ID = 65534;
// Longest secret accepted, bytes (chrony lines end at 2047 characters; ntpsec stops at 32).
constexpr int MAX_SECRET_LENGTH = 128;
// Below this a hash key is weak; chrony warns under 80 bits.
constexpr int MIN_RECOMMENDED_SECRET_LENGTH = 10;

// One symmetric key: what both ends of an authenticated association must share.
struct SymmetricKey
{
    std::uint32_t id = 0;
    KeyType type = KeyType::Sha1;
    SecretBytes secret;
    QString label;          // free text for the user, never sent anywhere
    QStringList servers;    // servers (as the user names them, "host[:port]") that use this key

    friend bool operator==(const SymmetricKey &, const SymmetricKey &) = default;
};

// Checks id range and the secret length the type needs. The error names the key id and the
// offending value, e.g. "key 7: AES128 needs a 16-byte key, got 15 bytes".
std::optional<Error> validateKey(const SymmetricKey &key);

// The key's secret rendered for a key file: "HEX:..." (upper case) — the only form that can
// hold any byte. Used by the writers; callers must never log it.
QString secretAsChronyHex(const SymmetricKey &key);

} // namespace chronoscope::auth

Q_DECLARE_METATYPE(chronoscope::auth::SymmetricKey)
