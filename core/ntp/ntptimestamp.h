// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>

namespace chronoscope::ntp {

// Seconds from the NTP prime epoch (1900-01-01 00:00 UTC) to the Unix epoch (NTP-NOTES §1.2).
constexpr std::int64_t NTP_UNIX_EPOCH_DELTA = 2208988800LL;
// Unix time at which NTP era 1 starts (2036-02-07 06:28:16 UTC).
constexpr std::int64_t NTP_ERA1_UNIX = (std::int64_t(1) << 32) - NTP_UNIX_EPOCH_DELTA;

// A 64-bit NTP timestamp (32-bit seconds + 32-bit fraction), as carried on the wire. It holds no
// era: differences between two timestamps are taken on the full 64 bits in two's complement and
// are exact for intervals up to ±68 years, whichever era each side is in (RFC 5905 §6).
class NtpTimestamp
{
public:
    constexpr NtpTimestamp() = default;
    constexpr explicit NtpTimestamp(std::uint64_t raw) : m_raw(raw) { }
    static constexpr NtpTimestamp fromParts(std::uint32_t seconds, std::uint32_t fraction)
    {
        return NtpTimestamp((std::uint64_t(seconds) << 32) | fraction);
    }
    // Folds an absolute Unix time (any era) onto the wire format.
    static NtpTimestamp fromUnix(std::int64_t unixSeconds, std::uint32_t nanoseconds);
    static NtpTimestamp fromUnixSeconds(double unixSeconds);
    static NtpTimestamp fromSystemTime(std::chrono::system_clock::time_point time);

    constexpr std::uint64_t raw() const { return m_raw; }
    constexpr std::uint32_t seconds() const { return std::uint32_t(m_raw >> 32); }
    constexpr std::uint32_t fraction() const { return std::uint32_t(m_raw); }
    // All-zero means "not set" on the wire; it is never a valid time.
    constexpr bool isZero() const { return m_raw == 0; }

    // Signed interval this − other in 2^-32 s units (two's complement over 64 bits).
    constexpr std::int64_t rawDifference(NtpTimestamp other) const
    {
        return std::int64_t(m_raw - other.m_raw);
    }
    // Signed interval this − other in seconds.
    double secondsSince(NtpTimestamp other) const;

    // Unfolds to absolute Unix seconds, choosing the era that puts the result within ±2^31 s of
    // pivotUnixSeconds (NTP-NOTES §1.2: pivot = current time, clamped to the build date).
    double toUnixSeconds(std::int64_t pivotUnixSeconds) const;
    // The NTP era (RFC 5905 §6: era = s div 2^32) of the unfolded value; −1 before 1900.
    int era(std::int64_t pivotUnixSeconds) const;

    friend constexpr bool operator==(NtpTimestamp, NtpTimestamp) = default;

private:
    std::uint64_t m_raw = 0;
};

// NTP short format: unsigned 16.16 fixed point seconds (root delay, root dispersion).
class NtpShort
{
public:
    constexpr NtpShort() = default;
    constexpr explicit NtpShort(std::uint32_t raw) : m_raw(raw) { }
    // Rounds to the nearest 2^-16 s and saturates at the format's range [0, 65536).
    static NtpShort fromSeconds(double seconds);
    constexpr std::uint32_t raw() const { return m_raw; }
    double toSeconds() const { return double(m_raw) / 65536.0; }
    friend constexpr bool operator==(NtpShort, NtpShort) = default;

private:
    std::uint32_t m_raw = 0;
};

} // namespace chronoscope::ntp
