// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// The helper's time-service protocol (HELPER.md §4.5): what a helper started with the verb
// `configure-time-service` reads and answers. It applies a server list to the machine's time
// daemon (chronyd, systemd-timesyncd, ntpd), restores the previous configuration, and reads
// chronyd's root-only command socket for the app. Frames are length-prefixed and little-endian,
// with their own magic "NTPS", so they can never be mistaken for the 48/80-byte clock frames
// (protocol.h, magic "NTPH"). Plain C++ for the helper, which links no Qt.
namespace chronoscope::protocol::timeservice {

inline constexpr std::array<std::uint8_t, 4> MAGIC{'N', 'T', 'P', 'S'};
inline constexpr std::uint16_t VERSION = 1;
// argv[1] of the helper for these frames; its own polkit action (HELPER.md §1.5).
inline constexpr std::string_view VERB = "configure-time-service";
// The read-only verb: a helper started with it answers READ_CHRONYD only (APPLY_SOURCES and
// REVERT_SOURCES are not_permitted), so authorising a read never authorises a change.
inline constexpr std::string_view READ_VERB = "read-time-service";

// Request: 24-byte header, then body_length bytes.
//   0 magic "NTPS"  4 version u16  6 op u16  8 request_id u64  16 body_length u32  20 zero u32
inline constexpr std::size_t REQUEST_HEADER_SIZE = 24;
// Response: 32-byte header, then body_length bytes.
//   0 magic  4 version u16  6 status u16  8 request_id u64  16 op u16  18 flags u16
//   20 sys_errno i32  24 reason u16  26 server_index u16  28 body_length u32
inline constexpr std::size_t RESPONSE_HEADER_SIZE = 32;

// Bounds, checked before anything is allocated.
inline constexpr std::size_t MAX_SERVERS = 32;
inline constexpr std::size_t MAX_HOST_LENGTH = 253;           // a DNS name in text form
inline constexpr std::size_t APPLY_BODY_HEADER_SIZE = 4;      // daemon u8, count u8, zero u16
inline constexpr std::size_t SERVER_ENTRY_HEADER_SIZE = 12;   // then the host's bytes
inline constexpr std::size_t REVERT_BODY_SIZE = 4;            // daemon u8, zero u8 ×3
inline constexpr std::size_t READ_CHRONYD_BODY_HEADER_SIZE = 4; // command u16, data_length u16
inline constexpr std::size_t MAX_CMDMON_REQUEST_DATA = 20;    // NTP_SOURCE_NAME: one address
inline constexpr std::size_t MAX_REQUEST_BODY =
        APPLY_BODY_HEADER_SIZE + MAX_SERVERS * (SERVER_ENTRY_HEADER_SIZE + MAX_HOST_LENGTH);
inline constexpr std::size_t MAX_CMDMON_REPLY = 1024;         // cmdmon::MAX_DATAGRAM_SIZE
inline constexpr std::size_t SOURCES_RESULT_BODY_SIZE = 12;
inline constexpr std::size_t MAX_RESPONSE_BODY = MAX_CMDMON_REPLY;

// Poll intervals are log2 seconds. The same range for every daemon (ntpd's: 8 s ... 36 h);
// public servers may not be polled more often than every 64 s (pool etiquette), only loopback.
inline constexpr int MIN_POLL = 3;
inline constexpr int MIN_POLL_PUBLIC = 6;
inline constexpr int MAX_POLL = 17;
// ntpd key ids are 1 ... 65534; chrony takes any u32 but 0.
inline constexpr std::uint32_t MAX_NTPD_KEY_ID = 65534;

enum class Op : std::uint16_t {
    None = 0,            // responses to frames whose op could not be read
    ApplySources = 16,   // write the drop-in / block, apply it, watch, roll back on failure
    RevertSources = 17,  // restore what the last ApplySources replaced, and apply that
    ReadChronyd = 18,    // one whitelisted read-only cmdmon request to chronyd's socket
};

enum class Daemon : std::uint8_t {
    Chronyd = 1,    // /etc/chrony/sources.d/chronoscope.sources, cmdmon RELOAD_SOURCES
    Timesyncd = 2,  // /etc/systemd/timesyncd.conf.d/chronoscope.conf, restart the unit
    Ntpd = 3,       // a marked block in /etc/ntpsec/ntp.conf or /etc/ntp.conf, restart the unit
};

// Per-server flags (u8). Unknown bits make a request malformed.
inline constexpr std::uint8_t SERVER_IBURST = 1u << 0;
inline constexpr std::uint8_t SERVER_PREFER = 1u << 1;
inline constexpr std::uint8_t SERVER_NTS = 1u << 2;
inline constexpr std::uint8_t SERVER_POLL = 1u << 3;  // minPoll/maxPoll are set (else both 0)
inline constexpr std::uint8_t KNOWN_SERVER_FLAGS = SERVER_IBURST | SERVER_PREFER | SERVER_NTS | SERVER_POLL;

// Response flags.
inline constexpr std::uint16_t RESPONSE_DRY_RUN = 1u << 0;   // rendered and checked, nothing written
inline constexpr std::uint16_t RESPONSE_TEST_ROOT = 1u << 1; // test backend rooted in a directory
inline constexpr std::uint16_t KNOWN_RESPONSE_FLAGS = RESPONSE_DRY_RUN | RESPONSE_TEST_ROOT;

enum class Status : std::uint16_t {
    Ok = 0,               // applied and healthy / reverted / read
    Malformed = 1,        // sizes, counts, flags, reserved bytes, unknown daemon or command
    UnsupportedVersion = 2,
    UnknownOp = 3,
    NotPermitted = 4,     // the frame is not for this verb (e.g. a clock frame)
    Truncated = 5,        // the input closed or stalled inside a frame
    InvalidSource = 6,    // a server failed validation: reason = SourceError, server_index
    ConfigMissing = 7,    // the daemon's configuration directory or file does not exist
    NotIncluded = 8,      // chrony.conf has no `sourcedir` for /etc/chrony/sources.d
    NotWritable = 9,      // the directory cannot be written (sys_errno)
    UnsafePath = 10,      // a symbolic link, a non-regular file, a foreign socket or owner
    DaemonNotRunning = 11, // no socket / dead socket / unit not active before the change
    DaemonRefused = 12,   // chronyd answered the reload with an error status
    RolledBack = 13,      // applied, the daemon failed the check (reason), the backup is back
    RollbackFailed = 14,  // ... and restoring the backup failed too (sys_errno): act by hand
    NothingToRevert = 15, // no backup from an earlier ApplySources
    Failed = 16,          // an OS call failed (sys_errno)
};
inline constexpr std::uint16_t STATUS_COUNT = 17;

// Why a server was refused (InvalidSource), shared with the app so that it can check first.
enum class SourceError : std::uint16_t {
    None = 0,
    NoServers = 1,
    TooManyServers = 2,
    EmptyHost = 3,
    HostTooLong = 4,
    BadHostCharacter = 5,  // only letters, digits, '-', '.', and ':' in IPv6 literals
    BadHostLabel = 6,      // empty label, label > 63, leading/trailing '-', numeric top label
    BadAddress = 7,        // looks like an IPv4/IPv6 literal but is not one
    PollOutOfRange = 8,    // outside MIN_POLL ... MAX_POLL
    PollOrder = 9,         // minPoll > maxPoll
    PollTooFrequent = 10,  // minPoll < MIN_POLL_PUBLIC for a host that is not loopback
    PollWithoutFlag = 11,  // minPoll/maxPoll non-zero without SERVER_POLL
    NtsWithKey = 12,       // NTS and a symmetric key exclude each other
    KeyOutOfRange = 13,    // ntpd: key id above MAX_NTPD_KEY_ID
    NotSupportedByDaemon = 14, // an option the daemon's format cannot express (timesyncd: any)
    DuplicateHost = 15,
};
inline constexpr std::uint16_t SOURCE_ERROR_COUNT = 16;

// Why an applied configuration was rolled back (RolledBack / RollbackFailed).
enum class RollbackReason : std::uint16_t {
    None = 0,
    DaemonStopped = 1,   // chronyd's socket went away / the unit is not active
    NoSources = 2,       // chronyd reports no sources at all
    SourcesMissing = 3,  // not every applied server is among chronyd's sources
    NoneReachable = 4,   // none of the applied servers answered within the grace period
    RestartFailed = 5,   // systemctl restart failed
    ReloadFailed = 6,    // chronyd did not answer RELOAD_SOURCES (or refused it)
};
inline constexpr std::uint16_t ROLLBACK_REASON_COUNT = 7;

// What ApplySources found before writing (and what RevertSources restores).
enum class BackupState : std::uint8_t {
    None = 0,        // no backup taken (refused before that point)
    PreviousFile = 1, // the old file (or ntp.conf) was saved
    DidNotExist = 2,  // there was no file; Revert removes ours
};

struct ServerEntry
{
    std::string host;           // 1 ... MAX_HOST_LENGTH bytes; IPv4/IPv6 literal or LDH name
    std::uint16_t port = 0;     // 0: the daemon's default (123)
    std::uint8_t flags = 0;     // SERVER_*
    std::int8_t minPoll = 0;    // log2 s; only with SERVER_POLL
    std::int8_t maxPoll = 0;    // log2 s; only with SERVER_POLL
    std::uint32_t keyId = 0;    // symmetric key id, 0 = none (chronyd, ntpd)

    bool operator==(const ServerEntry &) const = default;
};

struct Request
{
    std::uint16_t version = VERSION;
    Op op = Op::ApplySources;
    std::uint64_t requestId = 0;
    Daemon daemon = Daemon::Chronyd;          // ApplySources, RevertSources
    std::vector<ServerEntry> servers;         // ApplySources: 1 ... MAX_SERVERS
    std::uint16_t cmdmonCommand = 0;          // ReadChronyd: a whitelisted REQ_* code
    std::vector<std::uint8_t> cmdmonData;     // ReadChronyd: that request's data, exact size

    bool operator==(const Request &) const = default;
};

struct Response
{
    std::uint16_t version = VERSION;
    Status status = Status::Ok;
    std::uint64_t requestId = 0;
    Op op = Op::None;
    std::uint16_t flags = 0;          // RESPONSE_*
    std::int32_t sysErrno = 0;
    std::uint16_t reason = 0;         // SourceError (InvalidSource) or RollbackReason
    std::uint16_t serverIndex = 0xFFFF; // InvalidSource: the refused server; else 0xFFFF
    // ApplySources / RevertSources body (12 bytes): daemon u8, backup u8, zero u16,
    // sources_seen u32 (chronyd's N_SOURCES at the end), reachable u32 (applied servers that
    // answered). Only present when op is ApplySources or RevertSources and the frame was read.
    Daemon daemon = Daemon::Chronyd;
    BackupState backup = BackupState::None;
    std::uint32_t sourcesSeen = 0;
    std::uint32_t reachable = 0;
    // ReadChronyd body: chronyd's reply datagram, unchanged (status Ok only), ≤ MAX_CMDMON_REPLY.
    std::vector<std::uint8_t> cmdmonReply;

    bool operator==(const Response &) const = default;
};

// The request data size chronyd expects for a whitelisted ReadChronyd command, or -1 when the
// command is not on the whitelist (N_SOURCES, SOURCE_DATA, TRACKING, SOURCESTATS, SELECT_DATA,
// NTP_SOURCE_NAME; all read-only).
int cmdmonRequestDataSize(std::uint16_t command);

} // namespace chronoscope::protocol::timeservice
