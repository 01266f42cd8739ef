// SPDX-License-Identifier: GPL-3.0-or-later
// macOS backend, compiled only on macOS (not built or tested on the Linux build machines).
// macOS has no relative-step primitive: read, add, settimeofday — a gap of microseconds, which
// is why the request still carries a relative offset (the prompt latency adds no error).
// It runs inside the launchd daemon (main_launchd.cpp, HELPER.md §2.1).
#include <cerrno>
#include <memory>

#include <sys/time.h>

#include "app/helper/clockops.h"
#include "app/helper/platformclockops.h"
#include "app/helper/systemclockreader.h"

namespace chronoscope::helper {
namespace {

class MacClockOps final : public ClockOps
{
public:
    std::string_view name() const override { return "macos"; }
    std::int64_t realtimeNs() override { return SystemClockReader::realtimeNs(); }
    std::int64_t monotonicNs() override { return SystemClockReader::monotonicNs(); }
    int readState(protocol::KernelState &state) override { return SystemClockReader::readState(state); }

    int step(std::int64_t offsetNs) override
    {
        const std::int64_t targetUs = (SystemClockReader::realtimeNs() + offsetNs) / 1000;
        timeval tv{};
        tv.tv_sec = time_t(targetUs / 1'000'000);
        tv.tv_usec = suseconds_t(targetUs % 1'000'000);
        return settimeofday(&tv, nullptr) < 0 ? errno : 0;
    }

    int slew(std::int64_t offsetNs, std::int64_t &previousNs) override
    {
        const std::int64_t us = offsetNs / 1000;
        timeval delta{time_t(us / 1'000'000), suseconds_t(us % 1'000'000)};
        timeval old{};
        if (adjtime(&delta, &old) < 0)
            return errno;
        previousNs = (std::int64_t(old.tv_sec) * 1'000'000 + old.tv_usec) * 1000;
        return 0;
    }
};

} // namespace

std::unique_ptr<ClockOps> createPlatformClockOps()
{
    return std::make_unique<MacClockOps>();
}

} // namespace chronoscope::helper
