// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An in-memory WindowsTimeApi for the tests under wine: WindowsClockOps runs its real logic
// against it, and it records every call instead of making it. Nothing in here can reach
// SetSystemTime or SetSystemTimeAdjustmentPrecise (windows_no_clock_imports checks the test
// programs do not even import them).
#include <cstdint>
#include <string>
#include <vector>

#include "app/helper/windowstimeapi.h"
#include "core/protocol/protocol.h"

namespace chronoscope::testing {

class FakeWindowsTimeApi final : public helper::WindowsTimeApi
{
public:
    struct Call
    {
        enum Kind { SetSystemTime, SetAdjustment, StopTimeService } kind;
        std::int64_t fileTime = 0;   // SetSystemTime
        std::uint64_t adjustment = 0; // SetAdjustment
        bool disabled = false;        // SetAdjustment
    };

    // 100 ns units per clock interrupt of a typical Windows 10 machine: 15.625 ms.
    static constexpr std::uint64_t INCREMENT = 156'250;

    std::string_view name() const override { return "fake-windows"; }
    std::uint16_t responseFlags() const override { return protocol::RESPONSE_SIMULATED; }
    std::int64_t fileTimeNow() override { return fileTime; }
    std::int64_t monotonicNs() override { return monoNs; }
    int setSystemTime(std::int64_t value) override
    {
        calls.push_back({Call::SetSystemTime, value, 0, false});
        if (failure == 0)
            fileTime = value;
        return failure;
    }
    int getAdjustment(helper::TimeAdjustment &out) override
    {
        out = adjustment;
        return 0;
    }
    int setAdjustment(std::uint64_t value, bool disabled) override
    {
        calls.push_back({Call::SetAdjustment, 0, value, disabled});
        if (failure == 0)
            adjustment = {disabled ? adjustment.increment : value, adjustment.increment, disabled};
        return failure;
    }
    bool timeServiceRunning() override { return timeServiceUp; }
    int stopTimeService() override
    {
        calls.push_back({Call::StopTimeService});
        if (stopFailure == 0)
            timeServiceUp = false;
        return stopFailure;
    }

    // Lets time pass: both clocks advance by `ns` (the FILETIME in whole 100 ns units).
    void advance(std::int64_t ns)
    {
        monoNs += ns;
        fileTime += ns / 100;
    }

    std::int64_t fileTime = 135'379'296'000'000'000LL; // 2030-01-01T00:00:00Z (after any build date)
    std::int64_t monoNs = 5'000'000'000'000LL;
    helper::TimeAdjustment adjustment{INCREMENT, INCREMENT, true};
    bool timeServiceUp = false;
    int failure = 0;     // returned by the next setSystemTime/setAdjustment (0: success)
    int stopFailure = 0; // returned by stopTimeService
    std::vector<Call> calls;
};

} // namespace chronoscope::testing
