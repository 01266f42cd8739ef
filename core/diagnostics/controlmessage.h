// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "core/result.h"

namespace chronoscope::diagnostics {

// NTP mode 6 control messages (RFC 9327, what `ntpq` speaks). Every field is big-endian:
//   0: LI(2) VN(3) Mode(3)   1: R(esponse) E(rror) M(ore) Opcode(5)   2-3: sequence
//   4-5: status              6-7: association id                     8-9: offset   10-11: count
//   12..: `count` data bytes, then padding to 32 bits and an optional authenticator.
constexpr int CONTROL_HEADER_SIZE = 12;
constexpr int CONTROL_MAX_DATA = 468;        // data bytes in one fragment (ntpd CTL_MAX_DATA_LEN)
constexpr int CONTROL_MAX_TRAILER = 7 + 68;  // padding to 64 bits + key id and a digest of ≤ 64 bytes
constexpr std::uint8_t CONTROL_OP_READSTAT = 1;   // association ids and status words
constexpr std::uint8_t CONTROL_OP_READVAR = 2;

// One decoded mode 6 response datagram (one fragment of a possibly longer response).
struct ControlReply
{
    std::uint8_t version = 0;
    bool error = false;             // E bit: the status field carries an error code
    bool more = false;              // M bit: more fragments follow
    std::uint8_t opcode = 0;
    std::uint16_t sequence = 0;
    std::uint16_t status = 0;
    std::uint16_t associationId = 0;
    std::uint16_t offset = 0;       // bytes: where this fragment's data starts in the whole response
    QByteArray data;                // the `count` data bytes
    int trailingBytes = 0;          // padding and authenticator after the data

    // The error code of an error response (high byte of the status), e.g. 2 = permission denied.
    int errorCode() const { return status >> 8; }
};

// The request `ntpq -c readvar` sends for the system variables: version 2, association 0, no data.
// Always CONTROL_HEADER_SIZE (12) bytes.
QByteArray encodeReadVarRequest(std::uint16_t sequence);

// A request without data: `opcode` (READSTAT, READVAR) for `associationId` (0: the system).
// Always CONTROL_HEADER_SIZE (12) bytes.
QByteArray encodeControlRequest(std::uint8_t opcode, std::uint16_t sequence, std::uint16_t associationId);

// Parses one mode 6 response. Anything that is not a well-formed response (too short, wrong
// mode or version, a request, a count beyond the datagram or the 468-byte fragment limit, an
// empty non-final fragment, junk after the data) is an Error naming the offending value.
// Reads nothing outside `datagram`.
Result<ControlReply> decodeControlReply(QByteArrayView datagram);

// "permission denied", "unknown variable", ... for an error response's code.
QString controlErrorText(int code);

// The value of `name` in a READVAR response text (`version="ntpd 4.2.8p15", stratum=2, ...`),
// quotes removed; empty when absent.
QString controlVariable(const QByteArray &text, QByteArrayView name);

} // namespace chronoscope::diagnostics
