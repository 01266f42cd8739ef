// SPDX-License-Identifier: GPL-3.0-or-later
// macOS reads. Compiled only on macOS (not built or tested on the Linux build machines).
#include "app/helper/systemclockreader.h"

#include <cerrno>
#include <ctime>

#include <sys/timex.h>

namespace chronoscope::helper {

std::int64_t SystemClockReader::realtimeNs()
{
    return std::int64_t(clock_gettime_nsec_np(CLOCK_REALTIME));
}

std::int64_t SystemClockReader::monotonicNs()
{
    // Counts through sleep like Linux CLOCK_BOOTTIME; the client must use the same clock.
    return std::int64_t(clock_gettime_nsec_np(CLOCK_MONOTONIC_RAW));
}

int SystemClockReader::readState(protocol::KernelState &state)
{
    // ntp_adjtime exists since macOS 10.13 (chrony enables it for Darwin > 16).
    timex tx{};
    tx.modes = 0;
    const int result = ntp_adjtime(&tx);
    if (result < 0)
        return errno;
    state.offsetNs = (tx.status & STA_NANO) ? std::int64_t(tx.offset) : std::int64_t(tx.offset) * 1000;
    state.freqScaledPpm = tx.freq;
    state.maxErrorUs = std::int32_t(tx.maxerror);
    state.estErrorUs = std::int32_t(tx.esterror);
    state.status = std::uint32_t(tx.status);
    state.clockState = result;
    return 0;
}

} // namespace chronoscope::helper
