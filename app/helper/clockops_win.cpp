// SPDX-License-Identifier: GPL-3.0-or-later
// Windows backend, compiled only on Windows (not built or tested on the Linux build machines).
// It is meant for the service of HELPER.md §3 (named pipe, token check), which is not written
// yet; the stdin/stdout helper executable itself is POSIX-only. Steps read and set the time
// (SetSystemTime has no relative form); slews are refused, because
// SetSystemTimeAdjustmentPrecise persists until reset and a one-shot process cannot own it
// (HELPER.md §7.10).
#include <memory>

#include <windows.h>

#include "app/helper/clockops.h"
#include "app/helper/platformclockops.h"
#include "app/helper/systemclockreader.h"

namespace chronoscope::helper {
namespace {

class WindowsClockOps final : public ClockOps
{
public:
    std::string_view name() const override { return "windows"; }
    std::int64_t realtimeNs() override { return SystemClockReader::realtimeNs(); }
    std::int64_t monotonicNs() override { return SystemClockReader::monotonicNs(); }
    int readState(protocol::KernelState &state) override { return SystemClockReader::readState(state); }

    int step(std::int64_t offsetNs) override
    {
        const std::int64_t targetNs = SystemClockReader::realtimeNs() + offsetNs;
        const std::int64_t ticks = targetNs / 100 + 116'444'736'000'000'000LL;
        FILETIME ft{DWORD(ticks & 0xffffffff), DWORD(ticks >> 32)};
        SYSTEMTIME st{};
        if (!FileTimeToSystemTime(&ft, &st) || !SetSystemTime(&st))
            return int(GetLastError());
        return 0;
    }

    int slew(std::int64_t, std::int64_t &) override { return ERROR_NOT_SUPPORTED; }
};

} // namespace

std::unique_ptr<ClockOps> createPlatformClockOps()
{
    return std::make_unique<WindowsClockOps>();
}

} // namespace chronoscope::helper
