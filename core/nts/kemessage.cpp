// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nts/kemessage.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace chronoscope::nts {
namespace {

KeResponseCheck fail(NtsFailureKind kind, const QString &detail)
{
    return KeResponseCheck{std::nullopt, NtsFailure{kind, detail}};
}

bool isPrintableName(const QByteArray &name)
{
    for (const char c : name)
        if (c <= 0x20 || c >= 0x7F)
            return false;
    return true;
}

std::optional<std::uint16_t> singleUint16(const KeRecord &record)
{
    QList<std::uint16_t> values;
    if (!readUint16List(record.body, values) || values.size() != 1)
        return std::nullopt;
    return values.first();
}

} // namespace

QString keErrorCodeName(std::uint16_t code)
{
    switch (code) {
    case 0: return u"Unrecognized Critical Record"_s;
    case 1: return u"Bad Request"_s;
    case 2: return u"Internal Server Error"_s;
    default: return u"code %1"_s.arg(code);
    }
}

QByteArray buildKeRequest()
{
    return encodeKeRecord(makeUint16Record(KeRecordType::NextProtocol, true, {NTS_NEXT_PROTOCOL_NTPV4}))
        + encodeKeRecord(makeUint16Record(KeRecordType::AeadAlgorithm, true, {AEAD_AES_SIV_CMAC_256}))
        + encodeKeRecord(KeRecord{true, std::uint16_t(KeRecordType::EndOfMessage), {}});
}

KeResponseCheck checkKeResponse(const QList<KeRecord> &records)
{
    if (records.isEmpty() || records.last().type != std::uint16_t(KeRecordType::EndOfMessage))
        return fail(NtsFailureKind::KeMalformed, u"the response does not end with End of Message"_s);

    KeResponse response;
    bool haveProtocol = false;
    bool haveAead = false;
    bool haveServer = false;
    for (qsizetype i = 0; i + 1 < records.size(); ++i) {
        const KeRecord &record = records.at(i);
        switch (KeRecordType(record.type)) {
        case KeRecordType::EndOfMessage:
            return fail(NtsFailureKind::KeMalformed, u"End of Message before the last record"_s);
        case KeRecordType::Error: {
            const std::optional<std::uint16_t> code = singleUint16(record);
            return fail(NtsFailureKind::KeServerError,
                        code ? u"the server answered with error %1 (%2)"_s.arg(*code).arg(keErrorCodeName(*code))
                             : u"the server answered with an error record of %1 bytes"_s.arg(record.body.size()));
        }
        case KeRecordType::Warning: {
            const std::optional<std::uint16_t> code = singleUint16(record);
            return fail(NtsFailureKind::KeServerWarning,
                        code ? u"the server sent warning code %1"_s.arg(*code)
                             : u"the server sent a warning record of %1 bytes"_s.arg(record.body.size()));
        }
        case KeRecordType::NextProtocol: {
            QList<std::uint16_t> protocols;
            if (haveProtocol)
                return fail(NtsFailureKind::KeMalformed, u"two Next Protocol records"_s);
            haveProtocol = true;
            if (!readUint16List(record.body, protocols) || protocols.size() != 1
                || protocols.first() != NTS_NEXT_PROTOCOL_NTPV4)
                return fail(NtsFailureKind::KeNegotiation,
                            u"the server did not choose NTPv4 as next protocol (%1-byte record)"_s.arg(
                                record.body.size()));
            break;
        }
        case KeRecordType::AeadAlgorithm: {
            QList<std::uint16_t> algorithms;
            if (haveAead)
                return fail(NtsFailureKind::KeMalformed, u"two AEAD Algorithm records"_s);
            haveAead = true;
            if (!readUint16List(record.body, algorithms) || algorithms.size() != 1
                || algorithms.first() != AEAD_AES_SIV_CMAC_256)
                return fail(NtsFailureKind::KeNegotiation,
                            algorithms.size() == 1
                                ? u"the server chose AEAD algorithm %1; we offered only 15 (AES-SIV-CMAC-256)"_s.arg(
                                      algorithms.first())
                                : u"the server's AEAD record lists %1 algorithms, not one"_s.arg(algorithms.size()));
            response.aead = algorithms.first();
            break;
        }
        case KeRecordType::NewCookie:
            if (record.body.isEmpty() || record.body.size() > MAX_COOKIE_SIZE || record.body.size() % 4 != 0)
                return fail(NtsFailureKind::KeMalformed,
                            u"cookie of %1 bytes (we accept 4 to %2 bytes, a multiple of 4)"_s.arg(record.body.size())
                                .arg(MAX_COOKIE_SIZE));
            if (response.cookies.size() < MAX_COOKIES)
                response.cookies.append(record.body);
            else
                ++response.ignoredCookies;
            break;
        case KeRecordType::NtpServer:
            if (haveServer)
                return fail(NtsFailureKind::KeMalformed, u"two NTPv4 Server Negotiation records"_s);
            haveServer = true;
            if (record.body.isEmpty() || record.body.size() > MAX_NTP_SERVER_NAME || !isPrintableName(record.body))
                return fail(NtsFailureKind::KeMalformed,
                            u"NTPv4 server name of %1 bytes is empty, too long or not printable ASCII"_s.arg(
                                record.body.size()));
            response.ntpServer = QString::fromLatin1(record.body);
            break;
        case KeRecordType::NtpPort: {
            if (response.ntpPort)
                return fail(NtsFailureKind::KeMalformed, u"two NTPv4 Port Negotiation records"_s);
            const std::optional<std::uint16_t> port = singleUint16(record);
            if (!port || *port == 0)
                return fail(NtsFailureKind::KeMalformed,
                            u"NTPv4 port record of %1 bytes is not a port number"_s.arg(record.body.size()));
            response.ntpPort = *port;
            break;
        }
        default:
            if (record.critical)
                return fail(NtsFailureKind::KeUnknownCritical,
                            u"critical record of unknown type %1"_s.arg(record.type));
            ++response.ignoredRecords;
            break;
        }
    }
    if (!haveProtocol)
        return fail(NtsFailureKind::KeNegotiation, u"the response has no Next Protocol record"_s);
    if (!haveAead)
        return fail(NtsFailureKind::KeNegotiation, u"the response has no AEAD Algorithm record"_s);
    if (response.cookies.isEmpty())
        return fail(NtsFailureKind::KeNegotiation, u"the response carries no cookies"_s);
    return KeResponseCheck{std::move(response), {}};
}

} // namespace chronoscope::nts
