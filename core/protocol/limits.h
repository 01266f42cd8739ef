// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

// Bounds shared by the helper (which enforces them whatever the client says) and the client's
// correction policy (which follows them so that it never proposes what the helper refuses).
// All durations in nanoseconds unless the name says otherwise.
namespace chronoscope::protocol::limits {

inline constexpr std::int64_t NS_PER_SECOND = 1'000'000'000;

// Steps smaller than this are pointless (the step itself costs more); slew instead.
inline constexpr std::int64_t MIN_STEP_NS = 1'000'000;                      // 1 ms
// Largest slew: the kernel's adjtime runs at 500 ppm, so 0.5 s takes about 17 minutes.
inline constexpr std::int64_t MAX_SLEW_NS = NS_PER_SECOND / 2;              // 0.5 s
// Default bound above which a step needs FLAG_CONFIRMED (configurable when building the helper).
inline constexpr std::int64_t DEFAULT_CONFIRM_BOUND_NS = NS_PER_SECOND / 2; // 0.5 s
// Above this a step needs FLAG_CONFIRMED_TWICE as well.
inline constexpr std::int64_t VERY_LARGE_STEP_NS = 3600 * NS_PER_SECOND;    // 1 h
// Never stepped, whatever the flags.
inline constexpr std::int64_t MAX_STEP_NS = 10LL * 366 * 86400 * NS_PER_SECOND; // ~10 years
// No change may land after 2100-01-01T00:00:00Z.
inline constexpr std::int64_t LATEST_DATE_UNIX_S = 4'102'444'800;
// A measurement older than this when the helper receives it is stale.
inline constexpr std::uint32_t MAX_MEASUREMENT_AGE_MS = 5000;
// Rate limit on changes (steps and slews together).
inline constexpr std::int64_t MIN_CHANGE_INTERVAL_NS = 2 * NS_PER_SECOND;
inline constexpr std::int64_t RATE_WINDOW_NS = 60 * NS_PER_SECOND;
inline constexpr int MAX_CHANGES_PER_WINDOW = 10;

} // namespace chronoscope::protocol::limits
