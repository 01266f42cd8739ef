// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/helper/clockops.h"
#include "app/helper/windowstimeapi.h"

namespace chronoscope::helper {

// The Windows backend of the helper service (README "Windows helper service").
//   step: read with GetSystemTimePreciseAsFileTime, add the offset, SetSystemTime (which keeps
//         milliseconds: the target is rounded to the nearest ms, so the error is ≤ 0.5 ms).
//   slew: SetSystemTimeAdjustmentPrecise with each interrupt's increment changed by
//         SLEW_RATE_PPM, for exactly as long as the offset needs; the service owns that setting:
//         poll() puts the original back when the slew is done, the destructor when the service
//         stops, and the next start when the service crashed (the original is saved in
//         `stateFile` while a slew runs).
// Both refuse with WIN_ERROR_SERVICE_ALREADY_RUNNING while W32Time runs (it would fight over
// the clock), unless the user chose to let the helper stop it (`mayStopTimeService`).
class WindowsClockOps final : public ClockOps
{
public:
    static constexpr std::int64_t SLEW_RATE_PPM = 500; // as Linux adjtime(3)

    struct Options
    {
        bool mayStopTimeService = false;
        std::string stateFile;        // empty: no crash recovery (tests)
    };

    WindowsClockOps(WindowsTimeApi &api, Options options);
    ~WindowsClockOps() override;
    WindowsClockOps(const WindowsClockOps &) = delete;
    WindowsClockOps &operator=(const WindowsClockOps &) = delete;

    std::string_view name() const override { return m_api.name(); }
    std::uint16_t responseFlags() const override { return m_api.responseFlags(); }
    std::int64_t realtimeNs() override;
    std::int64_t monotonicNs() override;
    int readState(protocol::KernelState &state) override;
    int step(std::int64_t offsetNs) override;
    int slew(std::int64_t offsetNs, std::int64_t &previousNs) override;

    // Ends a finished slew. Returns the ms until the running slew ends (-1: none running).
    int poll();
    // Puts the original adjustment back now (service stop); 0 or the Win32 error.
    int restore();
    // The part of the running slew not applied yet, ns (0: none).
    std::int64_t remainingSlewNs();
    // Unix ns of a FILETIME and back (100 ns units since 1601).
    static std::int64_t unixNsFromFileTime(std::int64_t fileTime);
    static std::int64_t fileTimeFromUnixNs(std::int64_t unixNs);

private:
    struct Slew
    {
        std::int64_t offsetNs = 0;     // the whole correction
        std::int64_t startMonoNs = 0;
        std::int64_t durationNs = 0;
    };

    int checkTimeService();
    void recoverFromStateFile();
    bool saveStateFile(const TimeAdjustment &original);
    void removeStateFile();

    WindowsTimeApi &m_api;
    Options m_options;
    std::optional<TimeAdjustment> m_original; // set while this service owns the adjustment
    std::optional<Slew> m_slew;
};

} // namespace chronoscope::helper
