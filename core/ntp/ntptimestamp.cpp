// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ntp/ntptimestamp.h"

#include <cmath>

namespace chronoscope::ntp {

NtpTimestamp NtpTimestamp::fromUnix(std::int64_t unixSeconds, std::uint32_t nanoseconds)
{
    // Seconds are taken modulo 2^32 (the era is not carried on the wire); the fraction is
    // nanoseconds · 2^32 / 10^9, rounded down.
    const auto ntpSeconds = std::uint32_t(std::uint64_t(unixSeconds + NTP_UNIX_EPOCH_DELTA));
    const auto fraction = std::uint32_t((std::uint64_t(nanoseconds) << 32) / 1000000000ULL);
    return fromParts(ntpSeconds, fraction);
}

NtpTimestamp NtpTimestamp::fromUnixSeconds(double unixSeconds)
{
    const double whole = std::floor(unixSeconds);
    const double nanos = std::round((unixSeconds - whole) * 1e9);
    if (nanos >= 1e9)
        return fromUnix(std::int64_t(whole) + 1, 0);
    return fromUnix(std::int64_t(whole), std::uint32_t(nanos));
}

NtpTimestamp NtpTimestamp::fromSystemTime(std::chrono::system_clock::time_point time)
{
    namespace sc = std::chrono;
    const auto sinceEpoch = sc::duration_cast<sc::nanoseconds>(time.time_since_epoch());
    auto secs = sc::duration_cast<sc::seconds>(sinceEpoch);
    auto nanos = sinceEpoch - secs;
    if (nanos.count() < 0) { // floor division for times before 1970
        secs -= sc::seconds(1);
        nanos += sc::seconds(1);
    }
    return fromUnix(secs.count(), std::uint32_t(nanos.count()));
}

double NtpTimestamp::secondsSince(NtpTimestamp other) const
{
    return std::ldexp(double(rawDifference(other)), -32);
}

double NtpTimestamp::toUnixSeconds(std::int64_t pivotUnixSeconds) const
{
    // full = pivot + signed32(ntpSeconds − low32(pivot)), all in NTP seconds.
    const std::int64_t pivotNtp = pivotUnixSeconds + NTP_UNIX_EPOCH_DELTA;
    const auto delta = std::int32_t(seconds() - std::uint32_t(std::uint64_t(pivotNtp)));
    const std::int64_t fullNtp = pivotNtp + delta;
    return double(fullNtp - NTP_UNIX_EPOCH_DELTA) + std::ldexp(double(fraction()), -32);
}

int NtpTimestamp::era(std::int64_t pivotUnixSeconds) const
{
    const std::int64_t pivotNtp = pivotUnixSeconds + NTP_UNIX_EPOCH_DELTA;
    const auto delta = std::int32_t(seconds() - std::uint32_t(std::uint64_t(pivotNtp)));
    const std::int64_t fullNtp = pivotNtp + delta;
    // Floor division by 2^32.
    return int(fullNtp >= 0 ? fullNtp >> 32 : -((-fullNtp - 1) >> 32) - 1);
}

NtpShort NtpShort::fromSeconds(double seconds)
{
    if (!(seconds > 0.0)) // also catches NaN
        return NtpShort(0);
    const double scaled = std::round(seconds * 65536.0);
    if (scaled >= 4294967295.0)
        return NtpShort(0xFFFFFFFFu);
    return NtpShort(std::uint32_t(scaled));
}

} // namespace chronoscope::ntp
