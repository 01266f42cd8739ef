// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

namespace chronoscope::auth {

// The symmetric-key MAC algorithms of NTP-NOTES §5. MD5/SHA1/SHA256 hash key ‖ packet;
// the CMAC types use the key as the AES key over the packet (RFC 8573).
enum class KeyType { Md5, Sha1, Sha256, Aes128Cmac, Aes256Cmac };

// Every type, in the order the UI and the documentation list them.
inline constexpr KeyType ALL_KEY_TYPES[] = {KeyType::Md5, KeyType::Sha1, KeyType::Sha256, KeyType::Aes128Cmac,
                                            KeyType::Aes256Cmac};

// Stable lower-case id used by JSON output and the CLI: "md5", "sha1", "sha256", "aes128-cmac",
// "aes256-cmac" (ARCHITECTURE.md §3, the "auth" field).
QString keyTypeId(KeyType type);
// The inverse of keyTypeId, also accepting every key-file spelling (parseKeyTypeName).
std::optional<KeyType> keyTypeFromId(const QString &id);

// Type name in chrony key files: MD5, SHA1, SHA256, AES128, AES256.
QString chronyTypeName(KeyType type);
// Type name in ntpd/ntpsec key files: MD5, SHA1, SHA256, AES128CMAC (read by ntpd and ntpsec),
// AES-256 (ntpsec; classic ntpd has no AES-256 CMAC).
QString ntpTypeName(KeyType type);
// Parses a type as chrony or ntpd/ntpsec write it, case-insensitively: MD5, SHA1 / SHA-1 / SHA,
// SHA256 / SHA-256, AES / AES128 / AES-128 / AES128CMAC / AES-128-CMAC, AES256 / AES-256 /
// AES256CMAC / AES-256-CMAC. Anything else (SHA512, TIGER, ...) is unsupported.
std::optional<KeyType> parseKeyTypeName(const QString &name);

// Length of the full digest or CMAC tag, bytes (MD5 16, SHA1 20, SHA256 32, CMAC 16).
int digestLength(KeyType type);
// Length of the MAC on the wire, bytes: NTPv4 allows at most 20 (RFC 7822), so SHA256 is
// truncated to its first 20 bytes — the form ntpsec and chrony both accept (reference README).
int wireMacLength(KeyType type);
// The exact key length a cipher needs (AES128 16, AES256 32 bytes); empty for hash types, which
// take any length.
std::optional<int> requiredKeyLength(KeyType type);
// Bytes a generated key gets: 20 (160 bits, as `chronyc keygen` and ntpkeygen) for MD5 and SHA1,
// 32 for SHA256, the cipher key size for CMAC.
int generatedKeyLength(KeyType type);
// True for types that only interoperate with a caveat (SHA256: see wireMacLength).
bool hasInteropCaveat(KeyType type);

} // namespace chronoscope::auth
