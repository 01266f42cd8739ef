// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/clockops_linux.h"

#include <cerrno>
#include <ctime>
#include <memory>

#include <sys/time.h>
#include <sys/timex.h>

#include "app/helper/platformclockops.h"
#include "app/helper/systemclockreader.h"

namespace chronoscope::helper {

std::int64_t LinuxClockOps::realtimeNs()
{
    return SystemClockReader::realtimeNs();
}

std::int64_t LinuxClockOps::monotonicNs()
{
    return SystemClockReader::monotonicNs();
}

int LinuxClockOps::readState(protocol::KernelState &state)
{
    return SystemClockReader::readState(state);
}

int LinuxClockOps::step(std::int64_t offsetNs)
{
    // The kernel wants a normalised value: seconds rounded down, 0 ≤ nanoseconds < 1e9
    // (HELPER.md §7.21); ADJ_NANO goes into modes, as chrony does it.
    constexpr std::int64_t ns = 1'000'000'000;
    std::int64_t seconds = offsetNs / ns;
    std::int64_t nanos = offsetNs % ns;
    if (nanos < 0) {
        nanos += ns;
        seconds -= 1;
    }
    timex tx{};
    tx.modes = ADJ_SETOFFSET | ADJ_NANO;
    tx.time.tv_sec = time_t(seconds);
    tx.time.tv_usec = suseconds_t(nanos); // nanoseconds because of ADJ_NANO
    return clock_adjtime(CLOCK_REALTIME, &tx) < 0 ? errno : 0;
}

int LinuxClockOps::slew(std::int64_t offsetNs, std::int64_t &previousNs)
{
    // adjtime(3) takes µs (ADJ_OFFSET_SINGLESHOT underneath); round to the nearest µs.
    const std::int64_t us = (offsetNs >= 0 ? offsetNs + 500 : offsetNs - 500) / 1000;
    timeval delta{};
    delta.tv_sec = time_t(us / 1'000'000);
    delta.tv_usec = suseconds_t(us % 1'000'000);
    timeval old{};
    if (adjtime(&delta, &old) < 0)
        return errno;
    previousNs = (std::int64_t(old.tv_sec) * 1'000'000 + old.tv_usec) * 1000;
    return 0;
}

std::unique_ptr<ClockOps> createPlatformClockOps()
{
    return std::make_unique<LinuxClockOps>();
}

} // namespace chronoscope::helper
