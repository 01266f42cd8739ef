// SPDX-License-Identifier: GPL-3.0-or-later
// Windows reads (compiled for Windows only: the mingw-helper preset, or a Windows build).
#include "app/helper/systemclockreader.h"

#include <windows.h>

namespace chronoscope::helper {

std::int64_t SystemClockReader::realtimeNs()
{
    FILETIME ft{};
    GetSystemTimePreciseAsFileTime(&ft);
    const std::int64_t ticks = std::int64_t((std::uint64_t(ft.dwHighDateTime) << 32) | ft.dwLowDateTime); // 100 ns since 1601
    return (ticks - 116'444'736'000'000'000LL) * 100;
}

std::int64_t SystemClockReader::monotonicNs()
{
    // QueryPerformanceCounter: system-wide, so the client's and the service's stamps compare.
    LARGE_INTEGER count{}, frequency{};
    QueryPerformanceCounter(&count);
    QueryPerformanceFrequency(&frequency);
    const std::int64_t f = frequency.QuadPart;
    const std::int64_t c = count.QuadPart;
    return c / f * 1'000'000'000 + c % f * 1'000'000'000 / f; // no overflow, no rounding drift
}

int SystemClockReader::readState(protocol::KernelState &state)
{
    // The DWORD form: present on every Windows and in wine (the Precise one is Windows 10+).
    DWORD adjustment = 0, increment = 0;
    BOOL disabled = TRUE;
    if (!GetSystemTimeAdjustment(&adjustment, &increment, &disabled))
        return int(GetLastError());
    state = {};
    // Windows has no offset/status model like timex; report the rate deviation only.
    if (!disabled && increment != 0)
        state.freqScaledPpm = std::int64_t((double(adjustment) / double(increment) - 1.0) * 1e6 * 65536.0);
    return 0;
}

} // namespace chronoscope::helper
