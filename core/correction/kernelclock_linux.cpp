// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/correction/kernelclock.h"

#include <sys/timex.h>

#include "core/protocol/kernelstate.h"

namespace chronoscope::correction {

std::optional<protocol::KernelState> readKernelClockState()
{
    protocol::KernelState state;
    if (protocol::readKernelState(state) != 0)
        return std::nullopt;
    return state;
}

bool kernelReportsSynchronised(const protocol::KernelState &state)
{
    return (state.status & STA_UNSYNC) == 0;
}

bool kernelPllActive(const protocol::KernelState &state)
{
    return (state.status & STA_PLL) != 0;
}

} // namespace chronoscope::correction
