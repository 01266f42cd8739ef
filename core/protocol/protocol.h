// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

// The helper wire protocol: fixed-size little-endian frames, one request answered by one
// response (the layout tables are in HELPER.md §4.2). Plain C++ so that the privileged
// helper links no Qt. Times are nanoseconds in std::int64_t; realtime values count from the Unix
// epoch, monotonic values are CLOCK_MONOTONIC (shared by the client and the helper it spawns).
// Offsets follow ARCHITECTURE.md §2: positive = the local clock is behind and is moved forward.
namespace chronoscope::protocol {

inline constexpr std::array<std::uint8_t, 4> MAGIC{'N', 'T', 'P', 'H'};
inline constexpr std::uint16_t VERSION = 1;
inline constexpr std::size_t REQUEST_SIZE = 48;
inline constexpr std::size_t RESPONSE_SIZE = 80;

// The closed verb set. Nothing else is ever accepted (no paths, no strings, no commands).
enum class Op : std::uint16_t {
    None = 0,       // responses to frames whose op could not be read; never valid in a request
    Hello = 1,      // version, limits and capabilities; changes nothing
    ReadState = 2,  // kernel clock state (adjtimex modes = 0); changes nothing
    Step = 3,       // add offsetNs to the clock at once (relative step)
    Slew = 4,       // let the kernel slew offsetNs gradually (adjtime)
};

// Request flags. Unknown bits make a request malformed.
inline constexpr std::uint32_t FLAG_CONFIRMED = 1u << 0;       // the user confirmed a large step
inline constexpr std::uint32_t FLAG_CONFIRMED_TWICE = 1u << 1; // ... and again for a very large one
inline constexpr std::uint32_t KNOWN_REQUEST_FLAGS = FLAG_CONFIRMED | FLAG_CONFIRMED_TWICE;

// Response flags.
inline constexpr std::uint16_t RESPONSE_DRY_RUN = 1u << 0;  // validated and logged, nothing changed
inline constexpr std::uint16_t RESPONSE_SIMULATED = 1u << 1; // test backend: an in-memory clock
inline constexpr std::uint16_t KNOWN_RESPONSE_FLAGS = RESPONSE_DRY_RUN | RESPONSE_SIMULATED;

// HELLO capability bits.
inline constexpr std::uint32_t CAP_STEP = 1u << 0;
inline constexpr std::uint32_t CAP_SLEW = 1u << 1;
inline constexpr std::uint32_t CAP_READ_STATE = 1u << 2;

// Outcome of one request. Everything but Ok is a refusal, except Failed (the OS call failed).
enum class Status : std::uint16_t {
    Ok = 0,
    Malformed = 1,               // size, magic, flags, reserved or argument fields wrong
    UnsupportedVersion = 2,
    UnknownOp = 3,
    NotPermitted = 4,            // op not allowed for the verb the helper was started with
    NeedsConfirmation = 5,       // step above the confirmation bound without FLAG_CONFIRMED
    NeedsSecondConfirmation = 6, // very large step without FLAG_CONFIRMED_TWICE
    OutOfRange = 7,              // offset too small, too large for the op, or beyond 10 years
    DateOutOfRange = 8,          // resulting date before the build date or after 2100
    Stale = 9,                   // the measurement is older than allowed (or from the future)
    RateLimited = 10,            // changes too close together or too many in the window
    Failed = 11,                 // the OS refused; sysErrno says why
    Truncated = 12,              // a frame stopped short (input closed or timed out)
};
inline constexpr std::uint16_t STATUS_COUNT = 13;

struct Request
{
    std::uint16_t version = VERSION;
    Op op = Op::Hello;
    std::uint64_t requestId = 0;      // chosen by the client, echoed in the response
    std::int64_t offsetNs = 0;        // STEP/SLEW: correction to add, ns (sign as above)
    std::int64_t errorBoundNs = 0;    // STEP/SLEW: the measurement's error bound, ns (≥ 0; audit)
    std::uint64_t measuredMonoNs = 0; // STEP/SLEW: CLOCK_MONOTONIC when the offset was measured
    std::uint32_t maxAgeMs = 0;       // STEP/SLEW: the client's own staleness limit (> 0)
    std::uint32_t flags = 0;          // FLAG_*; STEP only

    bool operator==(const Request &) const = default;
};

// READ_STATE payload: the kernel's timex state, read with adjtimex modes = 0.
struct KernelState
{
    std::int64_t offsetNs = 0;        // remaining PLL/adjtime offset the kernel will still apply
    std::int64_t freqScaledPpm = 0;   // frequency correction, ppm × 2^16 (positive: runs faster)
    std::int32_t maxErrorUs = 0;      // maximum error, µs
    std::int32_t estErrorUs = 0;      // estimated error, µs
    std::uint32_t status = 0;         // STA_* bits
    std::int32_t clockState = 0;      // adjtimex return: TIME_OK (0) ... TIME_ERROR (5)

    bool operator==(const KernelState &) const = default;
};

// HELLO payload: what the helper will accept, so the client can follow the same rules.
struct HelperInfo
{
    std::uint32_t capabilities = 0;   // CAP_*
    std::int64_t confirmBoundNs = 0;  // |step| above this needs FLAG_CONFIRMED
    std::int64_t veryLargeBoundNs = 0; // |step| above this also needs FLAG_CONFIRMED_TWICE
    std::int64_t earliestDateUnixS = 0; // no step may land before this (the helper's build date)

    bool operator==(const HelperInfo &) const = default;
};

struct Response
{
    std::uint16_t version = VERSION;
    Status status = Status::Ok;
    std::uint64_t requestId = 0;
    Op op = Op::None;                 // the request's op (None when it could not be read)
    std::uint16_t flags = 0;          // RESPONSE_*
    std::int32_t sysErrno = 0;        // errno of a failed OS call, else 0
    std::int64_t realtimeBeforeNs = 0; // Unix ns, read just before the change (or the read)
    std::int64_t realtimeAfterNs = 0;  // Unix ns, read just after the change
    std::int64_t appliedNs = 0;       // the offset actually applied (0 unless status is Ok)
    // Op-specific payload; only the part for `op` is encoded, the rest must be zero on the wire.
    KernelState state;                // READ_STATE
    HelperInfo info;                  // HELLO
    std::int64_t previousSlewNs = 0;  // SLEW: the kernel's unfinished adjustment it replaced

    bool operator==(const Response &) const = default;
};

using RequestFrame = std::array<std::uint8_t, REQUEST_SIZE>;
using ResponseFrame = std::array<std::uint8_t, RESPONSE_SIZE>;

} // namespace chronoscope::protocol
