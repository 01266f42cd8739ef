// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/fakeclockops.h"

#include "app/helper/systemclockreader.h"

namespace chronoscope::helper {

FakeClockOps FakeClockOps::followingSystemClock()
{
    FakeClockOps ops;
    ops.m_followSystem = true;
    return ops;
}

FakeClockOps FakeClockOps::simulated(std::int64_t realtimeNs, std::int64_t monotonicNs)
{
    FakeClockOps ops;
    ops.m_followSystem = false;
    ops.m_simRealtimeNs = realtimeNs;
    ops.m_simMonotonicNs = monotonicNs;
    return ops;
}

std::uint16_t FakeClockOps::responseFlags() const
{
    return protocol::RESPONSE_SIMULATED;
}

std::int64_t FakeClockOps::realtimeNs()
{
    return (m_followSystem ? SystemClockReader::realtimeNs() : m_simRealtimeNs) + m_steppedNs;
}

std::int64_t FakeClockOps::monotonicNs()
{
    return m_followSystem ? SystemClockReader::monotonicNs() : m_simMonotonicNs;
}

int FakeClockOps::readState(protocol::KernelState &state)
{
    state = {};
    state.offsetNs = m_pendingSlewNs;
    state.maxErrorUs = 16'000'000;
    state.estErrorUs = 16'000'000;
    state.status = 0x0040; // STA_UNSYNC, as on a machine no daemon disciplines
    state.clockState = 5;  // TIME_ERROR, which the kernel reports with STA_UNSYNC
    return 0;
}

int FakeClockOps::step(std::int64_t offsetNs)
{
    m_calls.push_back({Call::Step, offsetNs});
    if (m_failure != 0)
        return m_failure;
    m_steppedNs += offsetNs;
    return 0;
}

int FakeClockOps::slew(std::int64_t offsetNs, std::int64_t &previousNs)
{
    m_calls.push_back({Call::Slew, offsetNs});
    if (m_failure != 0)
        return m_failure;
    previousNs = m_pendingSlewNs;
    m_pendingSlewNs = offsetNs;
    return 0;
}

void FakeClockOps::advance(std::int64_t ns)
{
    m_simRealtimeNs += ns;
    m_simMonotonicNs += ns;
}

} // namespace chronoscope::helper
