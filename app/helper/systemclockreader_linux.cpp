// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/systemclockreader.h"

#include <cerrno>
#include <ctime>

#include <sys/timex.h>

namespace chronoscope::helper {
namespace {

std::int64_t readClock(clockid_t id)
{
    timespec ts{};
    clock_gettime(id, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace

std::int64_t SystemClockReader::realtimeNs()
{
    return readClock(CLOCK_REALTIME);
}

std::int64_t SystemClockReader::monotonicNs()
{
    return readClock(CLOCK_MONOTONIC);
}

int SystemClockReader::readState(protocol::KernelState &state)
{
    timex tx{};
    tx.modes = 0; // read only: never add a mode bit here
    const int result = adjtimex(&tx);
    if (result < 0)
        return errno;
    // With STA_NANO the offset is in ns, otherwise in µs.
    state.offsetNs = (tx.status & STA_NANO) ? std::int64_t(tx.offset) : std::int64_t(tx.offset) * 1000;
    state.freqScaledPpm = tx.freq;
    state.maxErrorUs = std::int32_t(tx.maxerror);
    state.estErrorUs = std::int32_t(tx.esterror);
    state.status = std::uint32_t(tx.status);
    state.clockState = result;
    return 0;
}

} // namespace chronoscope::helper
