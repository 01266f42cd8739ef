// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

// chronyd's command and monitoring protocol ("cmdmon", what chronyc speaks), protocol version 6
// as chrony 4.x implements it. Every field is big-endian. Requests and replies are datagrams over
// chronyd's Unix socket (bindcmdaddress, default /run/chrony/chronyd.sock) or UDP port 323.
//
// Request: 20-byte header, command data, then zero padding up to the length of the reply, so
// that a reply is never larger than its request:
//   0 version (6)  1 packet type (1)  2-3 reserved (0)  4-5 command  6-7 attempt  8-11 sequence
//   12-19 zero
// Reply: 28-byte header, then the reply data:
//   0 version  1 packet type (2)  2-3 reserved  4-5 command  6-7 reply code  8-9 status
//   10-15 zero  16-19 sequence (echoed)  20-27 zero
//
// Compound fields:
//   address   20 bytes: 16 address bytes (IPv4 in the first 4), family (2), padding (2).
//             Families: 0 unspecified, 1 IPv4, 2 IPv6, 3 an identifier (reference clock, or a
//             source whose name is not resolved yet: 4-byte id in the first 4 bytes).
//   timespec  12 bytes: seconds high 32 bits (0x7fffffff: none), low 32 bits, nanoseconds.
//   float     32 bits: 7-bit signed exponent, 25-bit signed coefficient;
//             value = coefficient × 2^(exponent − 25).
namespace chronoscope::sysservice::cmdmon {

constexpr std::uint8_t PROTOCOL_VERSION = 6;
constexpr std::uint8_t PACKET_REQUEST = 1;
constexpr std::uint8_t PACKET_REPLY = 2;

constexpr int REQUEST_HEADER_SIZE = 20;
constexpr int REPLY_HEADER_SIZE = 28;
// The largest request chronyd accepts (header + largest data + padding) and more than any
// reply it sends: a datagram beyond this is not a cmdmon reply.
constexpr int MAX_DATAGRAM_SIZE = 1024;

constexpr int ADDRESS_SIZE = 20;
constexpr int TIMESPEC_SIZE = 12;

// Request codes used here.
constexpr std::uint16_t REQ_N_SOURCES = 14;
constexpr std::uint16_t REQ_SOURCE_DATA = 15;
constexpr std::uint16_t REQ_TRACKING = 33;
constexpr std::uint16_t REQ_SOURCESTATS = 34;
constexpr std::uint16_t REQ_NTP_DATA = 57;
constexpr std::uint16_t REQ_NTP_SOURCE_NAME = 65;
constexpr std::uint16_t REQ_AUTH_DATA = 67;
constexpr std::uint16_t REQ_SELECT_DATA = 69;
constexpr std::uint16_t REQ_RELOAD_SOURCES = 70;

// Reply codes used here.
constexpr std::uint16_t RPY_NULL = 1;
constexpr std::uint16_t RPY_N_SOURCES = 2;
constexpr std::uint16_t RPY_SOURCE_DATA = 3;
constexpr std::uint16_t RPY_TRACKING = 5;
constexpr std::uint16_t RPY_SOURCESTATS = 6;
constexpr std::uint16_t RPY_NTP_DATA = 16;
constexpr std::uint16_t RPY_NTP_SOURCE_NAME = 19;
constexpr std::uint16_t RPY_AUTH_DATA = 20;
constexpr std::uint16_t RPY_SELECT_DATA = 23;
constexpr std::uint16_t RPY_NTP_DATA2 = 26;   // chrony ≥ 4.4: the same layout, counters filled

// Reply data sizes (bytes after the 28-byte header).
constexpr int N_SOURCES_SIZE = 4;
constexpr int SOURCE_DATA_SIZE = 48;
constexpr int TRACKING_SIZE = 76;
constexpr int SOURCESTATS_SIZE = 56;
constexpr int NTP_DATA_MIN_SIZE = 112;   // through total_good_count; chrony fills 144
constexpr int NTP_DATA_SIZE = 144;
constexpr int SOURCE_NAME_SIZE = 256;
constexpr int AUTH_DATA_SIZE = 24;
constexpr int SELECT_DATA_SIZE = 48;

// Status codes.
constexpr std::uint16_t STT_SUCCESS = 0;
constexpr std::uint16_t STT_FAILED = 1;
constexpr std::uint16_t STT_UNAUTH = 2;
constexpr std::uint16_t STT_INVALID = 3;
constexpr std::uint16_t STT_NOSUCHSOURCE = 4;
constexpr std::uint16_t STT_NOTENABLED = 6;
constexpr std::uint16_t STT_INACTIVE = 15;
constexpr std::uint16_t STT_BADPKTVERSION = 18;
constexpr std::uint16_t STT_BADPKTLENGTH = 19;
constexpr std::uint16_t STT_INVALIDNAME = 21;

// Address families.
constexpr std::uint16_t FAMILY_UNSPEC = 0;
constexpr std::uint16_t FAMILY_INET4 = 1;
constexpr std::uint16_t FAMILY_INET6 = 2;
constexpr std::uint16_t FAMILY_ID = 3;

// Limits Chronoscope applies to what a daemon reports.
constexpr std::uint32_t MAX_SOURCES = 1024;

} // namespace chronoscope::sysservice::cmdmon
