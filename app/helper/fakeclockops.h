// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "app/helper/clockops.h"

namespace chronoscope::helper {

// An in-memory clock for tests (HELPER.md §5.1): it records every call and moves only its own
// simulated time. Two modes: following the system clocks (realtime = system realtime plus the
// offsets stepped so far, monotonic = the system's, so a client process's CLOCK_MONOTONIC
// stamps compare correctly) or fully simulated (tests set and advance both clocks).
class FakeClockOps final : public ClockOps
{
public:
    struct Call
    {
        enum Kind { Step, Slew } kind;
        std::int64_t offsetNs;
    };

    static FakeClockOps followingSystemClock();
    static FakeClockOps simulated(std::int64_t realtimeNs, std::int64_t monotonicNs);

    std::string_view name() const override { return "fake"; }
    std::uint16_t responseFlags() const override;
    std::int64_t realtimeNs() override;
    std::int64_t monotonicNs() override;
    int readState(protocol::KernelState &state) override;
    int step(std::int64_t offsetNs) override;
    int slew(std::int64_t offsetNs, std::int64_t &previousNs) override;

    // Simulated mode: let time pass (both clocks, ns).
    void advance(std::int64_t ns);
    // Make the next changes fail with this errno (0: succeed again).
    void setFailure(int error) { m_failure = error; }
    const std::vector<Call> &calls() const { return m_calls; }
    std::int64_t steppedNs() const { return m_steppedNs; }
    std::int64_t pendingSlewNs() const { return m_pendingSlewNs; }

private:
    FakeClockOps() = default;

    bool m_followSystem = true;
    std::int64_t m_simRealtimeNs = 0;
    std::int64_t m_simMonotonicNs = 0;
    std::int64_t m_steppedNs = 0;      // sum of the steps applied
    std::int64_t m_pendingSlewNs = 0;  // the last slew (replaces, like adjtime)
    int m_failure = 0;
    std::vector<Call> m_calls;
};

} // namespace chronoscope::helper
