// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/privatemessage.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

constexpr std::uint8_t REQUEST_VERSION = 2;   // ntpdc's default (NTP_OLDVERSION + 1)
constexpr std::uint8_t MODE_PRIVATE = 7;
constexpr std::uint8_t RESPONSE_BIT = 0x80;
constexpr std::uint8_t MORE_BIT = 0x40;
constexpr std::uint8_t AUTH_BIT = 0x80;

} // namespace

QByteArray encodeMonListRequest()
{
    QByteArray out(PRIVATE_HEADER_SIZE, '\0');
    out[0] = char((REQUEST_VERSION << 3) | MODE_PRIVATE);
    out[1] = 0; // not authenticated, sequence 0
    out[2] = char(PRIVATE_IMPL_XNTPD);
    out[3] = char(PRIVATE_REQ_MON_GETLIST_1);
    // error, item count, must-be-zero and item size all zero: a request without data.
    return out;
}

Result<PrivateReply> decodePrivateReply(QByteArrayView datagram)
{
    const qsizetype size = datagram.size();
    if (size < PRIVATE_HEADER_SIZE)
        return Error{u"mode 7 reply of %1 bytes is shorter than the %2-byte header"_s.arg(size).arg(PRIVATE_HEADER_SIZE)};
    const auto *p = reinterpret_cast<const uchar *>(datagram.data());
    const int mode = p[0] & 0x7;
    if (mode != MODE_PRIVATE)
        return Error{u"mode %1 where a mode 7 reply was expected"_s.arg(mode)};
    PrivateReply reply;
    reply.version = std::uint8_t((p[0] >> 3) & 0x7);
    if (reply.version < 1 || reply.version > 4)
        return Error{u"unsupported NTP version %1 in a mode 7 reply"_s.arg(reply.version)};
    if ((p[0] & RESPONSE_BIT) == 0)
        return Error{u"a mode 7 request (response bit clear), not a reply"_s};
    reply.more = (p[0] & MORE_BIT) != 0;
    reply.authenticated = (p[1] & AUTH_BIT) != 0;
    reply.sequence = std::uint8_t(p[1] & 0x7f);
    reply.implementation = p[2];
    reply.requestCode = p[3];
    const std::uint16_t errorItems = qFromBigEndian<std::uint16_t>(p + 4);
    const std::uint16_t mbzSize = qFromBigEndian<std::uint16_t>(p + 6);
    reply.errorCode = errorItems >> 12;
    reply.itemCount = errorItems & 0x0fff;
    reply.itemSize = mbzSize & 0x0fff;
    if ((mbzSize >> 12) != 0)
        return Error{u"must-be-zero bits are %1 in a mode 7 reply"_s.arg(mbzSize >> 12)};
    if (reply.itemCount > 0 && reply.itemSize == 0)
        return Error{u"%1 items of size 0"_s.arg(reply.itemCount)};
    const int dataBytes = reply.itemCount * reply.itemSize;
    if (dataBytes > PRIVATE_MAX_DATA)
        return Error{u"%1 items of %2 bytes exceed the %3-byte limit of one mode 7 reply"_s.arg(reply.itemCount)
                             .arg(reply.itemSize)
                             .arg(PRIVATE_MAX_DATA)};
    const qsizetype available = size - PRIVATE_HEADER_SIZE;
    if (dataBytes > available)
        return Error{u"%1 items of %2 bytes need %3 bytes but only %4 follow the header"_s.arg(reply.itemCount)
                             .arg(reply.itemSize)
                             .arg(dataBytes)
                             .arg(available)};
    reply.trailingBytes = int(available - dataBytes);
    if (reply.trailingBytes > PRIVATE_MAX_TRAILER)
        return Error{u"%1 bytes after the items: more than an authenticator"_s.arg(reply.trailingBytes)};
    reply.data = QByteArray(datagram.data() + PRIVATE_HEADER_SIZE, dataBytes);
    return reply;
}

QString privateErrorText(int code)
{
    // ntpd's INFO_ERR_* codes (ntp_request.h).
    switch (code) {
    case 0: return u"no error"_s;
    case 1: return u"implementation not supported"_s;
    case 2: return u"request not implemented"_s;
    case 3: return u"request format error"_s;
    case 4: return u"no data available"_s;
    case 7: return u"authentication required"_s;
    default: break;
    }
    return u"error code %1"_s.arg(code);
}

} // namespace chronoscope::diagnostics
