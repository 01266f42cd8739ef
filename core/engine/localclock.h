// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "core/ntp/ntptimestamp.h"

namespace chronoscope::engine {

// Reads the local (realtime) clock at nanosecond resolution where the platform offers it.
// Never sets it: only app/helper may change the clock.
class LocalClock
{
public:
    static ntp::NtpTimestamp now();
    static double nowUnixSeconds();
    // ρ_local in seconds: the larger of the clock's resolution and the time to read it,
    // measured once per process (RFC 5905 §11.1).
    static double precision();
    // Pivot for unfolding NTP timestamps: the current time, never earlier than the build date
    // (NTP-NOTES §1.2), so a machine that boots in 1970 still lands in the right era.
    static std::int64_t eraPivot();
    // Unix seconds of a wire timestamp, unfolded around eraPivot().
    static double toUnixSeconds(ntp::NtpTimestamp timestamp);
};

} // namespace chronoscope::engine
