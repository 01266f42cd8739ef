// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

#include "core/protocol/protocol.h"

namespace chronoscope::helper {

// The only seam through which the helper touches a clock (STYLE.md §2.10). Implementations:
// LinuxClockOps (clockops_linux.cpp), MacClockOps and WindowsClockOps (compiled only on those
// systems), DryRunClockOps (real reads, never writes) and FakeClockOps (an in-memory clock).
// Times in ns; offsets signed as in core/protocol/protocol.h (positive: move the clock forward).
class ClockOps
{
public:
    virtual ~ClockOps() = default;

    virtual std::string_view name() const = 0;            // for audit lines: "linux", "fake", ...
    virtual std::uint16_t responseFlags() const { return 0; } // protocol::RESPONSE_*
    virtual std::int64_t realtimeNs() = 0;                // Unix ns
    virtual std::int64_t monotonicNs() = 0;               // CLOCK_MONOTONIC ns
    // Each returns 0 on success, else the OS errno.
    virtual int readState(protocol::KernelState &state) = 0;
    virtual int step(std::int64_t offsetNs) = 0;
    // `previousNs` receives the kernel's unfinished adjustment that this slew replaces.
    virtual int slew(std::int64_t offsetNs, std::int64_t &previousNs) = 0;
};

} // namespace chronoscope::helper
