// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/systemclockreader.h"

#include <ctime>

#include "core/protocol/kernelstate.h"

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
    return protocol::readKernelState(state);
}

} // namespace chronoscope::helper
