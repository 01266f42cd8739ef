// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "app/helper/helperconfig.h"
#include "core/protocol/protocol.h"

namespace chronoscope::helper {

// What the helper knows when it judges a STEP or SLEW.
struct ValidationContext
{
    std::int64_t nowMonotonicNs = 0;
    std::int64_t nowRealtimeNs = 0;   // Unix ns, the clock before the change
};

struct Validation
{
    protocol::Status status = protocol::Status::Ok;
    std::int64_t ageNs = -1;          // measurement age, ns (-1: not computed)
};

// The semantic checks of a decoded STEP or SLEW, in order: staleness, magnitude,
// confirmations, resulting date. Pure: the rate limit (stateful) is checked separately.
// Structural checks (size, magic, flags, zero fields) already happened in the decoder.
Validation validateChange(const protocol::Request &request, const HelperConfig &config,
                          const ValidationContext &context);

} // namespace chronoscope::helper
