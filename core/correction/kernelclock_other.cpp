// SPDX-License-Identifier: GPL-3.0-or-later
// Platforms without adjtimex: no kernel state to report (not built on Linux).
#include "core/correction/kernelclock.h"

namespace chronoscope::correction {

std::optional<protocol::KernelState> readKernelClockState()
{
    return std::nullopt;
}

bool kernelReportsSynchronised(const protocol::KernelState &state)
{
    return (state.status & 0x0040) == 0; // STA_UNSYNC
}

bool kernelPllActive(const protocol::KernelState &state)
{
    return (state.status & 0x0001) != 0; // STA_PLL
}

} // namespace chronoscope::correction
