// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

namespace chronoscope::helper {

// Win32 error codes WindowsClockOps returns itself (winerror.h values; this header stays free of
// <windows.h> so that the backend's logic reads like the rest of app/helper).
inline constexpr int WIN_ERROR_INVALID_PARAMETER = 87;
inline constexpr int WIN_ERROR_SERVICE_ALREADY_RUNNING = 1056; // W32Time runs and may not be stopped

// GetSystemTimeAdjustmentPrecise's view of the clock, in 100 ns units per clock interrupt.
struct TimeAdjustment
{
    std::uint64_t adjustment = 0; // added to the clock at each interrupt
    std::uint64_t increment = 0;  // the interrupt period (what is added when not adjusted)
    bool disabled = true;         // true: no adjustment, the clock runs at its nominal rate

    bool operator==(const TimeAdjustment &) const = default;
};

// The Windows calls the Windows backend makes, nothing else. SystemWindowsTimeApi
// (systemwindowstimeapi_win.cpp) makes the real calls; tests (tests/windows) give WindowsClockOps
// an in-memory one, so its logic runs under wine without ever calling SetSystemTime.
class WindowsTimeApi
{
public:
    virtual ~WindowsTimeApi() = default;

    virtual std::string_view name() const = 0;               // audit "backend=": "windows", ...
    virtual std::uint16_t responseFlags() const { return 0; } // protocol::RESPONSE_*
    // GetSystemTimePreciseAsFileTime: 100 ns units since 1601-01-01T00:00:00Z.
    virtual std::int64_t fileTimeNow() = 0;
    // QueryPerformanceCounter in ns: monotonic, shared by every process of one boot.
    virtual std::int64_t monotonicNs() = 0;
    // SetSystemTime with this FILETIME (it keeps milliseconds); 0 or the Win32 error.
    virtual int setSystemTime(std::int64_t fileTime) = 0;
    virtual int getAdjustment(TimeAdjustment &adjustment) = 0;
    // SetSystemTimeAdjustmentPrecise(adjustment, disabled); 0 or the Win32 error.
    virtual int setAdjustment(std::uint64_t adjustment, bool disabled) = 0;
    // The Windows Time service (W32Time): running? stop it (0 or the Win32 error).
    virtual bool timeServiceRunning() = 0;
    virtual int stopTimeService() = 0;
};

} // namespace chronoscope::helper
