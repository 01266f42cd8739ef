// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include "core/auth/keytype.h"
#include "core/result.h"

namespace chronoscope::auth {

// The full MAC of `message` (NTP-NOTES §5): MD5/SHA1/SHA256 = digest(key ‖ message);
// AES128/AES256 = AES-CMAC(key, message) (RFC 4493), through OpenSSL 3 EVP. Fails only when
// OpenSSL refuses (an algorithm disabled by policy, a CMAC key of the wrong length); the error
// names the algorithm, never the key.
Result<QByteArray> computeMac(KeyType type, QByteArrayView key, QByteArrayView message);

// computeMac truncated to what goes on the wire (wireMacLength: SHA256 to 20 bytes).
Result<QByteArray> computeWireMac(KeyType type, QByteArrayView key, QByteArrayView message);

// True when `received` is exactly the wire MAC of `message`. Lengths are compared first, then
// the bytes in constant time (CRYPTO_memcmp), so timing reveals nothing about the expected MAC.
bool verifyWireMac(KeyType type, QByteArrayView key, QByteArrayView message, QByteArrayView received);

// Constant-time equality of two byte strings of the same length (false when lengths differ).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace chronoscope::auth
