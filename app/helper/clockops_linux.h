// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/helper/clockops.h"

namespace chronoscope::helper {

// The real Linux backend (needs CAP_SYS_TIME for step and slew). Steps are relative and atomic
// (clock_adjtime ADJ_SETOFFSET | ADJ_NANO), so the time spent in the password prompt adds no
// error; slews use adjtime(3), which the kernel finishes on its own after the helper exits.
// The STA_* status bits are never touched (HELPER.md §7.11).
class LinuxClockOps final : public ClockOps
{
public:
    std::string_view name() const override { return "linux"; }
    std::int64_t realtimeNs() override;
    std::int64_t monotonicNs() override;
    int readState(protocol::KernelState &state) override;
    int step(std::int64_t offsetNs) override;
    int slew(std::int64_t offsetNs, std::int64_t &previousNs) override;
};

} // namespace chronoscope::helper
