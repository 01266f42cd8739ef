// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "core/ntp/clockmath.h"
#include "core/ntp/ntppacket.h"

namespace chronoscope::ntp {

// One accepted exchange with a server (all times in seconds).
struct Measurement
{
    double offset = 0;          // server − local; positive: local clock behind (clockmath.h)
    double delay = 0;           // round-trip delay, clamped to at least the two precisions
    double dispersion = 0;      // ε0 = ρ_server + ρ_local + PHI·(T4 − T1)
    double rootDelay = 0;       // server's root delay Δr
    double rootDispersion = 0;  // server's root dispersion Er
    double localTime = 0;       // T4 as Unix seconds (time axis for filters and charts)
    int stratum = 0;
    LeapIndicator leap = LeapIndicator::NoWarning;
    std::uint32_t referenceId = 0;
    std::int8_t serverPoll = 0;      // log2 s
    std::int8_t serverPrecision = 0; // log2 s
    ExchangeTimestamps timestamps;
    // Interleaved mode: T3 is the server's precise transmit time of its previous reply, and the
    // measurement is of the previous exchange (timestamps.t4 is when that reply arrived).
    bool interleaved = false;
};

} // namespace chronoscope::ntp
