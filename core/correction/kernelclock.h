// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include "core/protocol/protocol.h"

namespace chronoscope::correction {

// The kernel's clock discipline state, read by the unprivileged app itself (Linux: adjtimex with
// modes = 0, which changes nothing and needs no privilege). Empty where the platform has no
// such call (kernelclock_other.cpp).
std::optional<protocol::KernelState> readKernelClockState();

// STA_UNSYNC clear means some daemon told the kernel the clock is synchronised.
bool kernelReportsSynchronised(const protocol::KernelState &state);
// STA_PLL set means a daemon runs the kernel's PLL (ntpd does; chronyd does not).
bool kernelPllActive(const protocol::KernelState &state);

} // namespace chronoscope::correction
