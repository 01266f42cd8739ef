// SPDX-License-Identifier: GPL-3.0-or-later
// macOS reads. Compiled only on macOS (not built or tested on the Linux build machines).
#include "app/helper/systemclockreader.h"

#include <ctime>

#include "core/protocol/kernelstate.h"

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
    return protocol::readKernelState(state);
}

} // namespace chronoscope::helper
