// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

#include "core/result.h"

namespace chronoscope::sysservice {

// One cmdmon reply with its header checked (cmdmonprotocol.h); `data` is everything after the
// 28-byte header, decoded by cmdmondecoders.h.
struct CmdmonReply
{
    std::uint16_t command = 0;
    std::uint16_t replyCode = 0;
    std::uint16_t status = 0;
    std::uint32_t sequence = 0;
    QByteArray data;
};

// A request for `command` with `data`, padded so that a reply of `replyDataSize` bytes of data
// is never larger than the request (chronyd refuses shorter requests).
QByteArray encodeCmdmonRequest(std::uint16_t command, std::uint32_t sequence, QByteArrayView data,
                               int replyDataSize, std::uint16_t attempt = 0);

// The 20-byte address field for `address` (IPv4 or IPv6).
QByteArray encodeCmdmonAddress(const QHostAddress &address);

// Checks a reply's header: long enough, not longer than any reply (MAX_DATAGRAM_SIZE),
// protocol version 6 (another version is named: "chronyd speaks protocol version 5"), packet
// type reply, reserved bytes zero. It does not look at command, sequence or status.
Result<CmdmonReply> decodeCmdmonReply(QByteArrayView datagram);

// "no such source", "not supported by this chronyd", ... for a status code.
QString cmdmonStatusText(std::uint16_t status);

} // namespace chronoscope::sysservice
