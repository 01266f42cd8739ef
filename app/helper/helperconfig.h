// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace chronoscope::helper {

// The helper's limits (see core/protocol/limits.h for their meaning). Fixed when the helper is
// built; nothing at run time, and nothing the caller sends, can widen them.
struct HelperConfig
{
    std::int64_t minStepNs = 0;
    std::int64_t maxStepNs = 0;
    std::int64_t maxSlewNs = 0;
    std::int64_t confirmBoundNs = 0;    // CHRONOSCOPE_HELPER_CONFIRM_BOUND_MS at configure time
    std::int64_t veryLargeBoundNs = 0;
    std::int64_t earliestDateUnixS = 0; // the build date
    std::int64_t latestDateUnixS = 0;
    std::uint32_t maxAgeMs = 0;
    std::int64_t minChangeIntervalNs = 0;
    std::int64_t rateWindowNs = 0;
    int maxChangesPerWindow = 0;
};

HelperConfig defaultHelperConfig();

// Unix seconds of the day this file was compiled (from __DATE__, 00:00 UTC).
std::int64_t buildDateUnixSeconds();

} // namespace chronoscope::helper
