// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "core/protocol/protocol.h"

namespace chronoscope::helper {

// Read-only access to the system clock, one implementation per OS (systemclockreader_<os>.cpp).
// Nothing here can change the clock: DryRunClockOps is built on this alone.
class SystemClockReader
{
public:
    static std::int64_t realtimeNs();   // Unix ns
    static std::int64_t monotonicNs();  // CLOCK_MONOTONIC ns (or the platform's equivalent)
    // The kernel's clock discipline state; 0 or errno. Linux: adjtimex with modes = 0, which an
    // unprivileged process may call and which changes nothing.
    static int readState(protocol::KernelState &state);
};

} // namespace chronoscope::helper
