// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include "core/ntp/ntptimestamp.h"
#include "core/result.h"

namespace chronoscope::ntp {

constexpr int HEADER_SIZE = 48;
constexpr int MIN_EXTENSION_FIELD_SIZE = 16;  // RFC 7822
constexpr int MIN_LAST_EXTENSION_SIZE = 28;   // last EF without a MAC (RFC 7822)
constexpr int MAX_DATAGRAM_SIZE = 1024;       // larger replies are refused outright

enum class LeapIndicator : std::uint8_t { NoWarning = 0, AddSecond = 1, DeleteSecond = 2, Unsynchronized = 3 };
enum class Mode : std::uint8_t {
    Reserved = 0, SymmetricActive = 1, SymmetricPassive = 2, Client = 3,
    Server = 4, Broadcast = 5, Control = 6, Private = 7
};

// One RFC 7822 extension field. `body` holds every byte after the 4-byte type/length header,
// padding included, so that encode(decode(x)) == x.
struct ExtensionField
{
    std::uint16_t type = 0;
    QByteArray body;
    friend bool operator==(const ExtensionField &, const ExtensionField &) = default;
};

// Legacy symmetric-key MAC trailer: 32-bit key id followed by the digest (16 or 20 bytes).
struct MacTrailer
{
    std::uint32_t keyId = 0;
    QByteArray digest;
    friend bool operator==(const MacTrailer &, const MacTrailer &) = default;
};

// An NTP packet, header fields decoded, in host representation.
struct Packet
{
    LeapIndicator leap = LeapIndicator::NoWarning;
    std::uint8_t version = 4;
    Mode mode = Mode::Client;
    std::uint8_t stratum = 0;
    std::int8_t poll = 0;        // log2 seconds
    std::int8_t precision = 0;   // log2 seconds
    NtpShort rootDelay;
    NtpShort rootDispersion;
    std::uint32_t referenceId = 0;
    NtpTimestamp referenceTime;
    NtpTimestamp originTime;     // T1 as echoed by the server (our transmit nonce)
    NtpTimestamp receiveTime;    // T2, server receive
    NtpTimestamp transmitTime;   // T3, server transmit (in our requests: the random nonce)
    QList<ExtensionField> extensions;
    std::optional<MacTrailer> mac;
    bool cryptoNak = false;      // 4-byte all-zero trailer (v4)

    friend bool operator==(const Packet &, const Packet &) = default;
};

// Serialises a packet. Extension field bodies are zero-padded to a multiple of 4 and to the
// RFC 7822 minimum sizes; MAC and crypto-NAK trailers are appended last.
QByteArray encode(const Packet &packet);

// Parses a datagram with chrony's deterministic rules (NTP-NOTES §1.4). Every malformed input
// yields an Error naming the problem; nothing is read outside `datagram`.
Result<Packet> decode(QByteArrayView datagram);

// The reference id as 4 characters when it is printable ASCII (stratum 0/1), else empty.
QByteArray referenceIdAscii(std::uint32_t referenceId);

} // namespace chronoscope::ntp
