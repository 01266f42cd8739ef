// SPDX-License-Identifier: GPL-3.0-or-later
// Windows reads. Compiled only on Windows (not built or tested on the Linux build machines).
#include "app/helper/systemclockreader.h"

#include <windows.h>

namespace chronoscope::helper {

std::int64_t SystemClockReader::realtimeNs()
{
    FILETIME ft{};
    GetSystemTimePreciseAsFileTime(&ft);
    const std::int64_t ticks = (std::int64_t(ft.dwHighDateTime) << 32) | ft.dwLowDateTime; // 100 ns since 1601
    return (ticks - 116'444'736'000'000'000LL) * 100;
}

std::int64_t SystemClockReader::monotonicNs()
{
    LARGE_INTEGER count{}, frequency{};
    QueryPerformanceCounter(&count);
    QueryPerformanceFrequency(&frequency);
    return std::int64_t(double(count.QuadPart) * 1e9 / double(frequency.QuadPart));
}

int SystemClockReader::readState(protocol::KernelState &state)
{
    DWORD64 adjustment = 0, increment = 0;
    BOOL disabled = TRUE;
    if (!GetSystemTimeAdjustmentPrecise(&adjustment, &increment, &disabled))
        return int(GetLastError());
    state = {};
    // Windows has no offset/status model like timex; report the rate deviation only.
    if (!disabled && increment != 0)
        state.freqScaledPpm = std::int64_t((double(adjustment) / double(increment) - 1.0) * 1e6 * 65536.0);
    return 0;
}

} // namespace chronoscope::helper
