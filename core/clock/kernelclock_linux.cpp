// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/clock/kernelclock.h"

#include <sys/timex.h>

namespace chronoscope::clock {

std::optional<protocol::KernelState> readKernelClockState()
{
    timex tx{};
    tx.modes = 0; // read only
    const int result = adjtimex(&tx);
    if (result < 0)
        return std::nullopt;
    protocol::KernelState state;
    state.offsetNs = (tx.status & STA_NANO) ? std::int64_t(tx.offset) : std::int64_t(tx.offset) * 1000;
    state.freqScaledPpm = tx.freq;
    state.maxErrorUs = std::int32_t(tx.maxerror);
    state.estErrorUs = std::int32_t(tx.esterror);
    state.status = std::uint32_t(tx.status);
    state.clockState = result;
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

} // namespace chronoscope::clock
