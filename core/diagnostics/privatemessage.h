// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "core/result.h"

namespace chronoscope::diagnostics {

// NTP mode 7 "private" messages (the reference ntpd's ntpdc protocol; no RFC). Big-endian:
//   0: R(esponse) M(ore) VN(3) Mode(3)   1: A(uthenticated) sequence(7)   2: implementation
//   3: request code   4-5: error(4) item count(12)   6-7: must-be-zero(4) item size(12)
//   8..: item count × item size data bytes (at most 500 in one response datagram).
constexpr int PRIVATE_HEADER_SIZE = 8;
constexpr int PRIVATE_MAX_DATA = 500;        // ntpd RESP_DATA_SIZE
constexpr int PRIVATE_MAX_TRAILER = 4 + 64;  // key id and a digest of ≤ 64 bytes
constexpr std::uint8_t PRIVATE_IMPL_XNTPD = 3;
constexpr std::uint8_t PRIVATE_REQ_MON_GETLIST_1 = 42;  // "monlist" as ntpdc sends it

// One decoded mode 7 response datagram.
struct PrivateReply
{
    std::uint8_t version = 0;
    bool more = false;              // more datagrams of this response follow
    bool authenticated = false;
    std::uint8_t sequence = 0;      // 0 for the first datagram of a response, up to 127
    std::uint8_t implementation = 0;
    std::uint8_t requestCode = 0;
    int errorCode = 0;              // 0: no error (ntpd INFO_ERR_*)
    int itemCount = 0;
    int itemSize = 0;               // bytes per item
    QByteArray data;                // itemCount × itemSize bytes
    int trailingBytes = 0;
};

// The smallest MON_GETLIST_1 request ntpd accepts: the 8-byte header alone (version 2,
// implementation XNTPD, no items). This is the request behind CVE-2013-5211.
QByteArray encodeMonListRequest();

// Parses one mode 7 response. Anything that is not a well-formed response (too short, wrong
// mode or version, a request, non-zero MBZ bits, items that overrun the datagram or the 500-byte
// limit, junk after the items) is an Error naming the offending value. Reads nothing outside
// `datagram`.
Result<PrivateReply> decodePrivateReply(QByteArrayView datagram);

// "implementation not supported", "no data available", ... for a response's error code.
QString privateErrorText(int code);

} // namespace chronoscope::diagnostics
