// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace chronoscope::nts {

// NTS-KE record types (RFC 8915 §4, IANA "NTS Key Establishment Record Types").
enum class KeRecordType : std::uint16_t {
    EndOfMessage = 0,
    NextProtocol = 1,
    Error = 2,
    Warning = 3,
    AeadAlgorithm = 4,
    NewCookie = 5,
    NtpServer = 6,
    NtpPort = 7,
};

constexpr std::uint16_t NTS_NEXT_PROTOCOL_NTPV4 = 0;
constexpr std::uint16_t AEAD_AES_SIV_CMAC_256 = 15;   // IANA AEAD id, RFC 8915 §5.1 mandatory
constexpr quint16 NTS_KE_DEFAULT_PORT = 4460;

// Limits for what a server may send us; everything above is rejected before allocating.
constexpr qsizetype MAX_KE_MESSAGE_SIZE = 16384;   // bytes of all records together (as chrony)
constexpr qsizetype MAX_KE_RECORD_BODY = 1024;     // bytes in one record body
constexpr qsizetype MAX_KE_RECORDS = 64;           // records in one message

// One NTS-KE record: critical bit (bit 15 of the first octet pair), 15-bit type, body.
struct KeRecord
{
    bool critical = false;
    std::uint16_t type = 0;   // 0..0x7FFF
    QByteArray body;
    friend bool operator==(const KeRecord &, const KeRecord &) = default;
};

// Serialises one record: type (with bit 15 = critical) ‖ body length ‖ body, all big-endian.
QByteArray encodeKeRecord(const KeRecord &record);
// A record whose body is a list of 16-bit big-endian values (Next Protocol, AEAD, Port, codes).
KeRecord makeUint16Record(KeRecordType type, bool critical, const QList<std::uint16_t> &values);
// Reads the body of such a record; false when its length is odd.
bool readUint16List(QByteArrayView body, QList<std::uint16_t> &values);

// The records of a (possibly partial) KE message read from a TLS stream.
struct KeRecordScan
{
    enum class State {
        Incomplete,  // no End of Message yet: read more
        Complete,    // End of Message found; `records` ends with it
        Invalid,     // a limit was exceeded or bytes follow End of Message: `error` says which
    };
    State state = State::Incomplete;
    QList<KeRecord> records;
    QString error;
};

// Splits `bytes` into records, checking every length against the limits above before copying
// anything. Bytes after End of Message make the message Invalid (the server must stop there).
KeRecordScan scanKeRecords(QByteArrayView bytes);

} // namespace chronoscope::nts
