// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Protocol constants (RFC 5905 Fig. 6 / App. A.1.1; NTP-NOTES §3.1). All in seconds unless named.
namespace chronoscope::ntp {

constexpr double PHI = 15e-6;            // frequency tolerance, s/s (dispersion growth)
constexpr double MAXDISP = 16.0;         // maximum dispersion; also the header root-distance limit
constexpr double MINDISP = 0.005;        // minimum dispersion increment
constexpr double MAXDIST = 1.5;          // selection threshold (ntpd/ntpsec default; RFC body says 1 s)
constexpr double MAX_DELAY = 1.5;        // reject samples whose round-trip delay exceeds this (ntpsec BOGON14)
constexpr double MAX_SERVER_PROCESSING = 4.0; // T3 − T2 above this is not a sane reply (chrony test A)
constexpr int NSTAGE = 8;                // clock filter stages
constexpr int MAXSTRAT = 16;             // stratum meaning "unsynchronised"
constexpr double SGATE = 3.0;            // popcorn spike gate, multiples of jitter
constexpr int DEFAULT_MINPOLL = 6;       // 64 s (RFC 8633 / pool rules)
constexpr int DEFAULT_MAXPOLL = 10;      // 1024 s
constexpr int LOCAL_MINPOLL_FLOOR = -4;  // 1/16 s, loopback/link-local/private or explicit opt-in
constexpr int PUBLIC_MINPOLL_FLOOR = 6;  // never poll a public server faster than 64 s outside iburst
constexpr double BURST_SPACING = 2.0;    // seconds between iburst requests
constexpr int IBURST_COUNT = 6;          // requests in an initial burst (ntpsec sends 6)

} // namespace chronoscope::ntp
