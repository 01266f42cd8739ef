// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/controlmessage.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

constexpr std::uint8_t REQUEST_VERSION = 2;   // ntpq's pktversion (NTP_OLDVERSION + 1)
constexpr std::uint8_t MODE_CONTROL = 6;
constexpr std::uint8_t RESPONSE_BIT = 0x80;
constexpr std::uint8_t ERROR_BIT = 0x40;
constexpr std::uint8_t MORE_BIT = 0x20;
constexpr std::uint8_t OPCODE_MASK = 0x1f;

std::uint16_t read16(const uchar *p)
{
    return qFromBigEndian<std::uint16_t>(p);
}

bool isSpaceOrSeparator(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',';
}

} // namespace

QByteArray encodeReadVarRequest(std::uint16_t sequence)
{
    return encodeControlRequest(CONTROL_OP_READVAR, sequence, 0);
}

QByteArray encodeControlRequest(std::uint8_t opcode, std::uint16_t sequence, std::uint16_t associationId)
{
    QByteArray out(CONTROL_HEADER_SIZE, '\0');
    out[0] = char((REQUEST_VERSION << 3) | MODE_CONTROL);
    out[1] = char(opcode & OPCODE_MASK);
    qToBigEndian(sequence, out.data() + 2);
    qToBigEndian(associationId, out.data() + 6);
    // status, offset and count stay zero.
    return out;
}

Result<ControlReply> decodeControlReply(QByteArrayView datagram)
{
    const qsizetype size = datagram.size();
    if (size < CONTROL_HEADER_SIZE)
        return Error{u"mode 6 reply of %1 bytes is shorter than the %2-byte header"_s.arg(size).arg(CONTROL_HEADER_SIZE)};
    const auto *p = reinterpret_cast<const uchar *>(datagram.data());
    const int mode = p[0] & 0x7;
    if (mode != MODE_CONTROL)
        return Error{u"mode %1 where a mode 6 reply was expected"_s.arg(mode)};
    ControlReply reply;
    reply.version = std::uint8_t((p[0] >> 3) & 0x7);
    if (reply.version < 1 || reply.version > 4)
        return Error{u"unsupported NTP version %1 in a mode 6 reply"_s.arg(reply.version)};
    if ((p[1] & RESPONSE_BIT) == 0)
        return Error{u"a mode 6 request (response bit clear), not a reply"_s};
    reply.error = (p[1] & ERROR_BIT) != 0;
    reply.more = (p[1] & MORE_BIT) != 0;
    reply.opcode = std::uint8_t(p[1] & OPCODE_MASK);
    reply.sequence = read16(p + 2);
    reply.status = read16(p + 4);
    reply.associationId = read16(p + 6);
    reply.offset = read16(p + 8);
    const int count = read16(p + 10);
    if (count > CONTROL_MAX_DATA)
        return Error{u"count %1 exceeds the %2-byte limit of one mode 6 fragment"_s.arg(count).arg(CONTROL_MAX_DATA)};
    const qsizetype available = size - CONTROL_HEADER_SIZE;
    if (count > available)
        return Error{u"count %1 but only %2 data bytes in the datagram"_s.arg(count).arg(available)};
    if (count == 0 && reply.more)
        return Error{u"empty fragment with the more bit set (offset %1)"_s.arg(reply.offset)};
    if (int(reply.offset) + count > 0xffff)
        return Error{u"fragment at offset %1 with %2 bytes runs past 65535"_s.arg(reply.offset).arg(count)};
    reply.trailingBytes = int(available - count);
    if (reply.trailingBytes > CONTROL_MAX_TRAILER)
        return Error{u"%1 bytes after the data: more than padding and an authenticator"_s.arg(reply.trailingBytes)};
    reply.data = QByteArray(datagram.data() + CONTROL_HEADER_SIZE, count);
    return reply;
}

QString controlErrorText(int code)
{
    // ntpd's CERR_* codes (ntp_control.h); the meanings are also in RFC 9327 §4.
    switch (code) {
    case 0: return u"unspecified error"_s;
    case 1: return u"request format error"_s;
    case 2: return u"permission denied (authentication required)"_s;
    case 3: return u"unknown opcode"_s;
    case 4: return u"unknown association"_s;
    case 5: return u"unknown variable"_s;
    case 6: return u"bad variable value"_s;
    case 7: return u"administratively prohibited"_s;
    default: break;
    }
    return u"error code %1"_s.arg(code);
}

QString controlVariable(const QByteArray &text, QByteArrayView name)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && isSpaceOrSeparator(text.at(i)))
            ++i;
        const qsizetype nameStart = i;
        while (i < n && text.at(i) != '=' && text.at(i) != ',')
            ++i;
        const QByteArrayView key = QByteArrayView(text).sliced(nameStart, i - nameStart).trimmed();
        QByteArray value;
        if (i < n && text.at(i) == '=') {
            ++i;
            if (i < n && text.at(i) == '"') {
                const qsizetype close = text.indexOf('"', i + 1);
                const qsizetype end = close < 0 ? n : close;
                value = text.mid(i + 1, end - i - 1);
                i = close < 0 ? n : close + 1;
            } else {
                const qsizetype start = i;
                while (i < n && text.at(i) != ',')
                    ++i;
                value = text.mid(start, i - start).trimmed();
            }
        }
        if (key == name)
            return QString::fromLatin1(value);
    }
    return {};
}

} // namespace chronoscope::diagnostics
