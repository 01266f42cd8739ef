// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QDateTime>
#include <QHostAddress>
#include <QString>

// What chronyd reports over its command protocol, decoded and range-checked (cmdmondecoders.h).
// Offsets keep chrony's sign unless a name says otherwise: chrony reports how far the LOCAL
// clock is from the source (positive: local clock ahead), the opposite of the RFC 5905 sign the
// rest of Chronoscope uses. Seconds unless a name carries another unit.
namespace chronoscope::sysservice {

// A source's address as chronyd reports it: an IP address, or an identifier (reference clock
// name, or the id of a source whose name is not resolved yet).
struct ChronydAddress
{
    QHostAddress ip;           // null for an identifier or "unspecified"
    std::uint32_t id = 0;      // family 3 (identifier)
    bool isId = false;

    // "127.0.0.1", "::1", "ID#0000000001" (chronyc's form), "" when unspecified.
    QString toString() const;
};

// `chronyc tracking`.
struct ChronydTracking
{
    std::uint32_t referenceId = 0;
    ChronydAddress address;            // the selected source; unspecified when none
    int stratum = 0;                   // 0..16
    int leapStatus = 0;                // 0 normal, 1 insert second, 2 delete second, 3 unsynchronised
    QDateTime referenceTime;           // UTC; invalid when never synchronised (0 seconds)
    double currentCorrection = 0;      // still to correct; positive: local clock behind ("slow of NTP time")
    double lastOffset = 0;             // chrony sign: positive = local clock was ahead at the last update
    double rmsOffset = 0;              // ≥ 0
    double frequencyPpm = 0;           // chrony's frequency correction as it reports it (chronyc tracking)
    double residualFrequencyPpm = 0;
    double skewPpm = 0;                // ≥ 0
    double rootDelay = 0;              // ≥ 0
    double rootDispersion = 0;         // ≥ 0
    double lastUpdateInterval = 0;     // ≥ 0
};

// Source states of `chronyc sources` (RPY_SD_ST_*).
enum class ChronydSourceState : std::uint8_t {
    Selected = 0,        // '*'
    NonSelectable = 1,   // '?'
    Falseticker = 2,     // 'x'
    Jittery = 3,         // '~'
    Combined = 4,        // '+' (chrony: "unselected", but combined with the selected source)
    NotCombined = 5,     // '-' (chrony: "selectable", excluded by the combining algorithm)
};

enum class ChronydSourceMode : std::uint8_t { Client = 0, Peer = 1, ReferenceClock = 2 };

// One line of `chronyc sources`.
struct ChronydSource
{
    ChronydAddress address;
    int pollLog2 = 0;                  // −32..32
    int stratum = 0;                   // 0..16
    ChronydSourceState state = ChronydSourceState::NonSelectable;
    ChronydSourceMode mode = ChronydSourceMode::Client;
    std::uint16_t flags = 0;
    int reachability = 0;              // 8-bit register, 0..255
    std::uint32_t secondsSinceSample = 0;
    double originalLatestOffset = 0;   // chrony sign
    double latestOffset = 0;           // chrony sign, adjusted for the clock's slew since then
    double latestOffsetError = 0;      // ≥ 0
};

// One line of `chronyc sourcestats`.
struct ChronydSourceStats
{
    std::uint32_t referenceId = 0;
    ChronydAddress address;
    std::uint32_t samples = 0;
    std::uint32_t runs = 0;
    std::uint32_t spanSeconds = 0;
    double standardDeviation = 0;      // ≥ 0
    double residualFrequencyPpm = 0;
    double skewPpm = 0;                // ≥ 0
    double estimatedOffset = 0;        // chrony sign
    double estimatedOffsetError = 0;   // ≥ 0
};

// One line of `chronyc selectdata` (chrony ≥ 4.2).
struct ChronydSelectData
{
    std::uint32_t referenceId = 0;
    ChronydAddress address;
    char stateCode = '?';              // chronyc's letter: '*', '+', '-', 'x', '~', 'N', 'M', ...
    bool authenticated = false;
    int leap = 0;                      // 0..3
    std::uint16_t configuredOptions = 0;   // RPY_SD_OPTION_*: 1 noselect, 2 prefer, 4 trust, 8 require
    std::uint16_t effectiveOptions = 0;
    std::uint32_t secondsSinceSample = 0;
    double score = 0;                  // ≥ 0
    double lowLimit = 0;               // interval of the source, chrony sign
    double highLimit = 0;
};

// `chronyc ntpdata ADDRESS`: the last NTP packet exchange with a source.
struct ChronydNtpData
{
    QHostAddress remoteAddress;
    QHostAddress localAddress;
    quint16 remotePort = 0;
    int leap = 0;                      // 0..3
    int version = 0;                   // 1..4
    int mode = 0;                      // 0..7
    int stratum = 0;                   // 0..16
    int pollLog2 = 0;
    int precisionLog2 = 0;
    double rootDelay = 0;              // ≥ 0
    double rootDispersion = 0;         // ≥ 0
    std::uint32_t referenceId = 0;
    QDateTime referenceTime;           // UTC
    double offset = 0;                 // chrony sign
    double peerDelay = 0;
    double peerDispersion = 0;         // ≥ 0
    double responseTime = 0;
    double jitterAsymmetry = 0;        // −0.5..0.5
    std::uint16_t flags = 0;           // 0x3ff test bits; 0x4000 interleaved; 0x8000 authenticated
    char transmitTimestampSource = '?';  // 'D' daemon, 'K' kernel, 'H' hardware
    char receiveTimestampSource = '?';
    std::uint32_t totalTransmitted = 0;
    std::uint32_t totalReceived = 0;
    std::uint32_t totalValid = 0;
    std::uint32_t totalGood = 0;

    bool authenticated() const { return (flags & 0x8000) != 0; }
    bool interleaved() const { return (flags & 0x4000) != 0; }
};

// `chronyc authdata`: how a source is authenticated.
struct ChronydAuthData
{
    enum class Mode : std::uint8_t { None = 0, Symmetric = 1, Nts = 2 };
    Mode mode = Mode::None;
    int keyType = 0;
    std::uint32_t keyId = 0;
    int keyLengthBits = 0;
    int keyEstablishmentAttempts = 0;
    std::uint32_t secondsSinceKeyEstablishment = 0;
    int cookies = 0;
    int cookieLength = 0;
    bool nak = false;
};

} // namespace chronoscope::sysservice
