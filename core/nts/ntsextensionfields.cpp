// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nts/ntsextensionfields.h"

#include <QtEndian>

#include "core/nts/aessivcmac.h"
#include "core/nts/kemessage.h"

using namespace Qt::StringLiterals;

namespace chronoscope::nts {
namespace {

constexpr int MAX_REPLY_FIELDS = 32;       // a 1024-byte datagram cannot hold more 28-byte fields
constexpr int MAX_ENCRYPTED_FIELDS = 32;

qsizetype padded(qsizetype size) { return (size + 3) & ~qsizetype(3); }

void appendUint16(QByteArray &out, std::uint16_t value)
{
    char bytes[2];
    qToBigEndian(value, bytes);
    out.append(bytes, 2);
}

void appendField(QByteArray &out, NtsFieldType type, QByteArrayView body)
{
    appendUint16(out, std::uint16_t(type));
    appendUint16(out, std::uint16_t(4 + padded(body.size())));
    out.append(body);
    out.append(QByteArray(padded(body.size()) - body.size(), '\0'));
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

} // namespace

std::optional<QList<FieldSpan>> splitExtensionFields(QByteArrayView bytes, qsizetype start, int maxFields,
                                                     QString *error)
{
    QList<FieldSpan> fields;
    if (start < 0 || start > bytes.size()) {
        setError(error, u"no extension fields: %1 bytes"_s.arg(bytes.size()));
        return std::nullopt;
    }
    const auto *d = reinterpret_cast<const uchar *>(bytes.data());
    qsizetype pos = start;
    while (pos < bytes.size()) {
        const qsizetype remaining = bytes.size() - pos;
        if (remaining < 4) {
            setError(error, u"%1 stray bytes at offset %2"_s.arg(remaining).arg(pos));
            return std::nullopt;
        }
        const std::uint16_t type = qFromBigEndian<std::uint16_t>(d + pos);
        const std::uint16_t length = qFromBigEndian<std::uint16_t>(d + pos + 2);
        if (length < 4 || length % 4 != 0 || length > remaining) {
            setError(error, u"field of type 0x%1 at offset %2 has length %3 (%4 bytes remain)"_s
                                .arg(type, 4, 16, QLatin1Char('0')).arg(pos).arg(length).arg(remaining));
            return std::nullopt;
        }
        if (fields.size() >= maxFields) {
            setError(error, u"more than %1 extension fields"_s.arg(maxFields));
            return std::nullopt;
        }
        fields.append(FieldSpan{type, pos, length});
        pos += length;
    }
    return fields;
}

std::optional<QByteArray> buildNtsRequest(QByteArrayView header, const NtsRequestParts &parts, QByteArrayView c2sKey)
{
    if (parts.nonce.size() != NTS_NONCE_SIZE || parts.cookie.isEmpty() || parts.placeholders < 0)
        return std::nullopt;
    QByteArray out(header.data(), header.size());
    appendField(out, NtsFieldType::UniqueIdentifier, parts.uniqueId);
    appendField(out, NtsFieldType::Cookie, parts.cookie);
    const QByteArray zeros(parts.cookie.size(), '\0');
    for (int i = 0; i < parts.placeholders; ++i)
        appendField(out, NtsFieldType::CookiePlaceholder, zeros);
    const std::optional<QByteArray> tag = AesSivCmac256::encrypt(c2sKey, parts.nonce, out, {});
    if (!tag)
        return std::nullopt;
    QByteArray authenticator;
    appendUint16(authenticator, std::uint16_t(parts.nonce.size()));
    appendUint16(authenticator, std::uint16_t(tag->size()));
    authenticator.append(parts.nonce);
    authenticator.append(*tag);
    appendField(out, NtsFieldType::Authenticator, authenticator);
    return out;
}

NtsReplyLayoutCheck locateNtsReplyFields(QByteArrayView datagram)
{
    QString error;
    const std::optional<QList<FieldSpan>> fields = splitExtensionFields(datagram, NTP_HEADER_SIZE, MAX_REPLY_FIELDS,
                                                                        &error);
    if (!fields)
        return {std::nullopt, NtsFailure{NtsFailureKind::MalformedFields, error}};
    NtsReplyLayout layout;
    for (const FieldSpan &field : *fields) {
        if (field.type == std::uint16_t(NtsFieldType::UniqueIdentifier)) {
            layout.uniqueId = field.body(datagram).toByteArray();
            break;
        }
    }
    if (fields->isEmpty() || fields->last().type != std::uint16_t(NtsFieldType::Authenticator))
        return {std::move(layout), {}};

    const FieldSpan &auth = fields->last();
    const QByteArrayView body = auth.body(datagram);
    if (body.size() < 4)
        return {std::nullopt, NtsFailure{NtsFailureKind::MalformedFields,
                                         u"authenticator of %1 bytes has no nonce and ciphertext lengths"_s.arg(
                                             body.size())}};
    const auto *d = reinterpret_cast<const uchar *>(body.data());
    const qsizetype nonceLength = qFromBigEndian<std::uint16_t>(d);
    const qsizetype cipherLength = qFromBigEndian<std::uint16_t>(d + 2);
    if (nonceLength < NTS_NONCE_SIZE || cipherLength < AesSivCmac256::TAG_SIZE
        || 4 + padded(nonceLength) + padded(cipherLength) > body.size())
        return {std::nullopt, NtsFailure{NtsFailureKind::MalformedFields,
                                         u"authenticator with a %1-byte nonce and %2-byte ciphertext in %3 bytes"_s
                                             .arg(nonceLength).arg(cipherLength).arg(body.size())}};
    layout.authOffset = auth.offset;
    layout.nonce = body.sliced(4, nonceLength).toByteArray();
    layout.ciphertext = body.sliced(4 + padded(nonceLength), cipherLength).toByteArray();
    return {std::move(layout), {}};
}

std::optional<EncryptedFields> decodeEncryptedFields(QByteArrayView plaintext, QString *error)
{
    const std::optional<QList<FieldSpan>> fields = splitExtensionFields(plaintext, 0, MAX_ENCRYPTED_FIELDS, error);
    if (!fields)
        return std::nullopt;
    EncryptedFields result;
    for (const FieldSpan &field : *fields) {
        if (field.type != std::uint16_t(NtsFieldType::Cookie)) {
            ++result.ignoredFields;
            continue;
        }
        // The body is the cookie; its length is a multiple of 4, so there is no padding.
        const QByteArrayView cookie = field.body(plaintext);
        if (cookie.isEmpty() || cookie.size() > MAX_COOKIE_SIZE || result.cookies.size() >= MAX_COOKIES)
            ++result.rejectedCookies;
        else
            result.cookies.append(cookie.toByteArray());
    }
    return result;
}

} // namespace chronoscope::nts
