// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>

#include "core/nts/kerecord.h"
#include "core/nts/ntsfailure.h"

namespace chronoscope::nts {

constexpr qsizetype MAX_COOKIE_SIZE = 256;   // bytes; larger cookies make the reply invalid
constexpr int MAX_COOKIES = 8;               // kept at most (RFC 8915 §4.1.6)
constexpr qsizetype MAX_NTP_SERVER_NAME = 255;

// What a valid NTS-KE response negotiated (RFC 8915 §4).
struct KeResponse
{
    std::uint16_t aead = 0;
    QList<QByteArray> cookies;        // at most MAX_COOKIES, in the order received
    int ignoredCookies = 0;           // cookies beyond MAX_COOKIES
    QString ntpServer;                // Server Negotiation; empty: the KE host
    std::optional<quint16> ntpPort;   // Port Negotiation; empty: 123
    int ignoredRecords = 0;           // unknown non-critical records
};

// The client request: Next Protocol [NTPv4] (critical), AEAD [AES-SIV-CMAC-256] (critical),
// End of Message (critical).
QByteArray buildKeRequest();

// Either the negotiated parameters or why the response is unusable.
struct KeResponseCheck
{
    std::optional<KeResponse> response;
    NtsFailure failure;
};

// Applies RFC 8915 §4's client rules to a complete record list (ending with End of Message):
// an Error or Warning record, an unknown critical record, a missing or foreign Next Protocol, an
// AEAD other than the one we offered, a malformed server name or port, a cookie that is empty,
// larger than MAX_COOKIE_SIZE or not a multiple of 4 bytes, or no cookie at all → failure.
KeResponseCheck checkKeResponse(const QList<KeRecord> &records);

// "Unrecognized Critical Record", "Bad Request", "Internal Server Error" or "code N".
QString keErrorCodeName(std::uint16_t code);

} // namespace chronoscope::nts
