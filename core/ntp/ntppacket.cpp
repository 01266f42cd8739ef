// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ntp/ntppacket.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace chronoscope::ntp {
namespace {

void appendBigEndian32(QByteArray &out, std::uint32_t value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void appendBigEndian64(QByteArray &out, std::uint64_t value)
{
    char bytes[8];
    qToBigEndian(value, bytes);
    out.append(bytes, 8);
}

std::uint32_t read32(const uchar *p) { return qFromBigEndian<std::uint32_t>(p); }
std::uint64_t read64(const uchar *p) { return qFromBigEndian<std::uint64_t>(p); }

bool isMacLength(qsizetype remaining) { return remaining == 20 || remaining == 24; }

Error malformed(const QString &what) { return Error{what}; }

} // namespace

QByteArray encode(const Packet &p)
{
    QByteArray out;
    out.reserve(HEADER_SIZE + 64);
    out.append(char((std::uint8_t(p.leap) << 6) | ((p.version & 0x7) << 3) | std::uint8_t(p.mode)));
    out.append(char(p.stratum));
    out.append(char(p.poll));
    out.append(char(p.precision));
    appendBigEndian32(out, p.rootDelay.raw());
    appendBigEndian32(out, p.rootDispersion.raw());
    appendBigEndian32(out, p.referenceId);
    appendBigEndian64(out, p.referenceTime.raw());
    appendBigEndian64(out, p.originTime.raw());
    appendBigEndian64(out, p.receiveTime.raw());
    appendBigEndian64(out, p.transmitTime.raw());

    for (qsizetype i = 0; i < p.extensions.size(); ++i) {
        const ExtensionField &field = p.extensions.at(i);
        const bool last = i + 1 == p.extensions.size() && !p.mac && !p.cryptoNak;
        const int minimum = last ? MIN_LAST_EXTENSION_SIZE : MIN_EXTENSION_FIELD_SIZE;
        qsizetype length = 4 + field.body.size();
        length = std::max<qsizetype>((length + 3) & ~qsizetype(3), minimum);
        const char header[4] = {char(field.type >> 8), char(field.type), char(length >> 8), char(length)};
        out.append(header, 4);
        out.append(field.body);
        out.append(QByteArray(length - 4 - field.body.size(), '\0'));
    }
    if (p.mac) {
        appendBigEndian32(out, p.mac->keyId);
        out.append(p.mac->digest);
    } else if (p.cryptoNak) {
        appendBigEndian32(out, 0);
    }
    return out;
}

Result<Packet> decode(QByteArrayView datagram)
{
    const qsizetype size = datagram.size();
    if (size < HEADER_SIZE)
        return malformed(u"truncated packet: %1 bytes, the NTP header needs 48"_s.arg(size));
    if (size > MAX_DATAGRAM_SIZE)
        return malformed(u"oversized packet: %1 bytes (limit %2)"_s.arg(size).arg(MAX_DATAGRAM_SIZE));
    if (size % 4 != 0)
        return malformed(u"packet length %1 is not a multiple of 4"_s.arg(size));

    const auto *d = reinterpret_cast<const uchar *>(datagram.data());
    Packet p;
    p.leap = LeapIndicator(d[0] >> 6);
    p.version = (d[0] >> 3) & 0x7;
    p.mode = Mode(d[0] & 0x7);
    if (p.version < 1 || p.version > 4)
        return malformed(u"unsupported NTP version %1"_s.arg(p.version));
    p.stratum = d[1];
    p.poll = std::int8_t(d[2]);
    p.precision = std::int8_t(d[3]);
    p.rootDelay = NtpShort(read32(d + 4));
    p.rootDispersion = NtpShort(read32(d + 8));
    p.referenceId = read32(d + 12);
    p.referenceTime = NtpTimestamp(read64(d + 16));
    p.originTime = NtpTimestamp(read64(d + 24));
    p.receiveTime = NtpTimestamp(read64(d + 32));
    p.transmitTime = NtpTimestamp(read64(d + 40));

    qsizetype pos = HEADER_SIZE;
    auto readMac = [&](qsizetype at) {
        p.mac = MacTrailer{read32(d + at), QByteArray(reinterpret_cast<const char *>(d + at + 4), size - at - 4)};
    };

    if (p.version < 4) {
        // NTPv1–3 have no extension fields: whatever follows the header is a MAC.
        const qsizetype remaining = size - pos;
        if (remaining == 0)
            return p;
        if (isMacLength(remaining)) {
            readMac(pos);
            return p;
        }
        return malformed(u"NTPv%1 trailer of %2 bytes is not a MAC"_s.arg(p.version).arg(remaining));
    }

    if (size - pos == 4) {
        if (read32(d + pos) != 0)
            return malformed(u"4-byte trailer with key id %1 is neither a MAC nor a crypto-NAK"_s.arg(read32(d + pos)));
        p.cryptoNak = true;
        return p;
    }
    while (pos < size) {
        const qsizetype remaining = size - pos;
        if (isMacLength(remaining)) {
            readMac(pos);
            return p;
        }
        if (remaining < MIN_EXTENSION_FIELD_SIZE)
            return malformed(u"%1 trailing bytes at offset %2 are neither an extension field nor a MAC"_s
                                 .arg(remaining).arg(pos));
        const std::uint16_t type = qFromBigEndian<std::uint16_t>(d + pos);
        const std::uint16_t length = qFromBigEndian<std::uint16_t>(d + pos + 2);
        if (length < MIN_EXTENSION_FIELD_SIZE)
            return malformed(u"extension field at offset %1 has length %2, below the minimum of 16"_s
                                 .arg(pos).arg(length));
        if (length % 4 != 0)
            return malformed(u"extension field at offset %1 has length %2, not a multiple of 4"_s
                                 .arg(pos).arg(length));
        if (length > remaining)
            return malformed(u"extension field at offset %1 claims %2 bytes but only %3 remain"_s
                                 .arg(pos).arg(length).arg(remaining));
        if (length == remaining && length < MIN_LAST_EXTENSION_SIZE)
            return malformed(u"last extension field at offset %1 has length %2; without a MAC it must be at least 28"_s
                                 .arg(pos).arg(length));
        p.extensions.append(ExtensionField{type, QByteArray(reinterpret_cast<const char *>(d + pos + 4), length - 4)});
        pos += length;
    }
    return p;
}

QByteArray referenceIdAscii(std::uint32_t referenceId)
{
    QByteArray text;
    for (int shift = 24; shift >= 0; shift -= 8) {
        const char c = char((referenceId >> shift) & 0xFF);
        if (c == '\0')
            break;
        if (c < 0x20 || c > 0x7E)
            return {};
        text.append(c);
    }
    return text;
}

} // namespace chronoscope::ntp
