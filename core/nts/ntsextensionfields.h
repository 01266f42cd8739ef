// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include "core/nts/ntsfailure.h"

namespace chronoscope::nts {

// NTP extension field types of RFC 8915 §5.
enum class NtsFieldType : std::uint16_t {
    UniqueIdentifier = 0x0104,
    Cookie = 0x0204,
    CookiePlaceholder = 0x0304,
    Authenticator = 0x0404,
};

constexpr qsizetype NTS_UNIQUE_ID_SIZE = 32;   // bytes of randomness per request
constexpr qsizetype NTS_NONCE_SIZE = 16;       // our AEAD nonce; also the minimum we accept
constexpr qsizetype NTP_HEADER_SIZE = 48;

// Where one extension field sits in a byte string: its type and its full extent (header and
// padding included).
struct FieldSpan
{
    std::uint16_t type = 0;
    qsizetype offset = 0;
    qsizetype length = 0;
    // The value: everything after the 4-byte type/length header.
    QByteArrayView body(QByteArrayView bytes) const { return bytes.sliced(offset + 4, length - 4); }
};

// Splits `bytes` from `start` to its end into extension fields (16-bit type, 16-bit length
// counting the whole field, a multiple of 4 and at least 4). At most `maxFields` fields. Empty
// on any impossible length; `error` then says which (when not null).
std::optional<QList<FieldSpan>> splitExtensionFields(QByteArrayView bytes, qsizetype start, int maxFields,
                                                     QString *error = nullptr);

// What goes into one NTS request besides the NTP header.
struct NtsRequestParts
{
    QByteArray uniqueId;   // NTS_UNIQUE_ID_SIZE random bytes
    QByteArray cookie;     // used once
    int placeholders = 0;  // Cookie Placeholders of the cookie's size (asks for that many more)
    QByteArray nonce;      // NTS_NONCE_SIZE random bytes for the authenticator
};

// header ‖ Unique Identifier ‖ Cookie ‖ placeholders ‖ Authenticator, where the authenticator
// holds the nonce and AES-SIV(C2S key, nonce, everything before it, empty plaintext) — i.e. the
// 16-byte tag (RFC 8915 §5.6). Empty when the key or nonce is unusable.
std::optional<QByteArray> buildNtsRequest(QByteArrayView header, const NtsRequestParts &parts, QByteArrayView c2sKey);

// The NTS fields of a reply, located but not yet trusted.
struct NtsReplyLayout
{
    QByteArray uniqueId;                  // first Unique Identifier (empty when none)
    std::optional<qsizetype> authOffset;  // the Authenticator, when it is the last field
    QByteArray nonce;
    QByteArray ciphertext;                // tag ‖ encrypted extension fields
};

struct NtsReplyLayoutCheck
{
    std::optional<NtsReplyLayout> layout;
    NtsFailure failure;   // MalformedFields when the fields do not parse
};

// Locates the NTS fields of a reply datagram (48-byte header, then extension fields only).
NtsReplyLayoutCheck locateNtsReplyFields(QByteArrayView datagram);

// The fields inside a decrypted authenticator: new cookies (each up to MAX_COOKIE_SIZE bytes, a
// multiple of 4) and how many other fields were skipped.
struct EncryptedFields
{
    QList<QByteArray> cookies;
    int ignoredFields = 0;
    int rejectedCookies = 0;   // empty, oversized or unaligned cookies, or more than MAX_COOKIES
};

std::optional<EncryptedFields> decodeEncryptedFields(QByteArrayView plaintext, QString *error = nullptr);

} // namespace chronoscope::nts
