// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/dryrunclockops.h"

#include "app/helper/systemclockreader.h"

namespace chronoscope::helper {

std::uint16_t DryRunClockOps::responseFlags() const
{
    return protocol::RESPONSE_DRY_RUN;
}

std::int64_t DryRunClockOps::realtimeNs()
{
    return SystemClockReader::realtimeNs();
}

std::int64_t DryRunClockOps::monotonicNs()
{
    return SystemClockReader::monotonicNs();
}

int DryRunClockOps::readState(protocol::KernelState &state)
{
    return SystemClockReader::readState(state);
}

int DryRunClockOps::step(std::int64_t)
{
    return 0;
}

int DryRunClockOps::slew(std::int64_t, std::int64_t &previousNs)
{
    protocol::KernelState state;
    previousNs = SystemClockReader::readState(state) == 0 ? state.offsetNs : 0;
    return 0;
}

} // namespace chronoscope::helper
