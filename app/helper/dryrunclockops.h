// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/helper/clockops.h"

namespace chronoscope::helper {

// --dry-run: reads the real clock (SystemClockReader) and reports what it would have done; it
// holds no code path that could change the clock. Shipped in release builds so that users can
// check that the helper is installed and authorised.
class DryRunClockOps final : public ClockOps
{
public:
    std::string_view name() const override { return "dry-run"; }
    std::uint16_t responseFlags() const override;
    std::int64_t realtimeNs() override;
    std::int64_t monotonicNs() override;
    int readState(protocol::KernelState &state) override;
    int step(std::int64_t offsetNs) override;
    int slew(std::int64_t offsetNs, std::int64_t &previousNs) override;
};

} // namespace chronoscope::helper
