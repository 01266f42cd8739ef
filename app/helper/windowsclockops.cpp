// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/windowsclockops.h"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace chronoscope::helper {
namespace {

constexpr std::int64_t FILETIME_UNIX_EPOCH = 116'444'736'000'000'000LL; // 1970-01-01 in FILETIME
constexpr std::int64_t TICKS_PER_MS = 10'000;                          // FILETIME units
constexpr std::size_t MAX_STATE_FILE_BYTES = 256;

std::int64_t magnitude(std::int64_t value)
{
    return value < 0 ? -value : value;
}

} // namespace

std::int64_t WindowsClockOps::unixNsFromFileTime(std::int64_t fileTime)
{
    return (fileTime - FILETIME_UNIX_EPOCH) * 100;
}

std::int64_t WindowsClockOps::fileTimeFromUnixNs(std::int64_t unixNs)
{
    // Rounded to the nearest 100 ns unit, half away from zero.
    const std::int64_t units = (unixNs >= 0 ? unixNs + 50 : unixNs - 50) / 100;
    return units + FILETIME_UNIX_EPOCH;
}

WindowsClockOps::WindowsClockOps(WindowsTimeApi &api, Options options)
    : m_api(api)
    , m_options(std::move(options))
{
    recoverFromStateFile();
}

WindowsClockOps::~WindowsClockOps()
{
    restore();
}

std::int64_t WindowsClockOps::realtimeNs()
{
    return unixNsFromFileTime(m_api.fileTimeNow());
}

std::int64_t WindowsClockOps::monotonicNs()
{
    return m_api.monotonicNs();
}

int WindowsClockOps::readState(protocol::KernelState &state)
{
    TimeAdjustment now;
    if (const int error = m_api.getAdjustment(now); error != 0)
        return error;
    state = {};
    // Windows has no timex model: report the slew still to come and the rate deviation.
    state.offsetNs = remainingSlewNs();
    if (!now.disabled && now.increment != 0) {
        const double ppm = (double(now.adjustment) / double(now.increment) - 1.0) * 1e6;
        state.freqScaledPpm = std::int64_t(ppm * 65536.0);
    }
    return 0;
}

int WindowsClockOps::checkTimeService()
{
    if (!m_api.timeServiceRunning())
        return 0;
    if (!m_options.mayStopTimeService)
        return WIN_ERROR_SERVICE_ALREADY_RUNNING;
    return m_api.stopTimeService();
}

int WindowsClockOps::step(std::int64_t offsetNs)
{
    if (const int error = checkTimeService(); error != 0)
        return error;
    // SetSystemTime keeps milliseconds: round the target to the nearest one.
    const std::int64_t target = m_api.fileTimeNow() + (offsetNs >= 0 ? offsetNs + 50 : offsetNs - 50) / 100;
    const std::int64_t rounded = (target + TICKS_PER_MS / 2) / TICKS_PER_MS * TICKS_PER_MS;
    return m_api.setSystemTime(rounded);
}

std::int64_t WindowsClockOps::remainingSlewNs()
{
    if (!m_slew)
        return 0;
    std::int64_t elapsed = m_api.monotonicNs() - m_slew->startMonoNs;
    if (elapsed < 0)
        elapsed = 0;
    if (elapsed >= m_slew->durationNs)
        return 0;
    // Linear: the rate is constant for the whole duration.
    const std::int64_t whole = magnitude(m_slew->offsetNs);
    const std::int64_t left = whole - std::int64_t(double(whole) * double(elapsed) / double(m_slew->durationNs));
    return m_slew->offsetNs < 0 ? -left : left;
}

int WindowsClockOps::slew(std::int64_t offsetNs, std::int64_t &previousNs)
{
    if (offsetNs == 0)
        return WIN_ERROR_INVALID_PARAMETER;
    if (const int error = checkTimeService(); error != 0)
        return error;
    TimeAdjustment current;
    if (const int error = m_api.getAdjustment(current); error != 0)
        return error;
    if (current.increment == 0)
        return WIN_ERROR_INVALID_PARAMETER;
    const std::int64_t replaced = remainingSlewNs();
    // The setting to put back is the one from before this service's first slew.
    const TimeAdjustment original = m_original ? *m_original : current;
    if (!m_original && !saveStateFile(original))
        return WIN_ERROR_INVALID_PARAMETER;

    // Per interrupt: increment ± increment × 500 ppm (at least one 100 ns unit).
    const std::int64_t increment = std::int64_t(current.increment);
    std::int64_t delta = (increment * SLEW_RATE_PPM + 500'000) / 1'000'000;
    if (delta < 1)
        delta = 1;
    const std::uint64_t adjusted = std::uint64_t(offsetNs > 0 ? increment + delta : increment - delta);
    if (const int error = m_api.setAdjustment(adjusted, false); error != 0) {
        if (!m_original)
            removeStateFile();
        return error;
    }
    m_original = original;
    // The clock gains (or loses) delta per increment: |offset| takes |offset| × increment / delta.
    Slew running;
    running.offsetNs = offsetNs;
    running.startMonoNs = m_api.monotonicNs();
    running.durationNs = magnitude(offsetNs) * increment / delta; // |offset| ≤ 0.5 s, increment < 2^32
    m_slew = running;
    previousNs = replaced;
    return 0;
}

int WindowsClockOps::poll()
{
    if (!m_slew)
        return -1;
    const std::int64_t left = m_slew->startMonoNs + m_slew->durationNs - m_api.monotonicNs();
    if (left > 0)
        return int((left + 999'999) / 1'000'000);
    restore();
    return -1;
}

int WindowsClockOps::restore()
{
    m_slew.reset();
    if (!m_original)
        return 0;
    const int error = m_api.setAdjustment(m_original->adjustment, m_original->disabled);
    if (error == 0) {
        m_original.reset();
        removeStateFile();
    }
    return error;
}

// State file: one line "adjustment increment disabled" (decimal), written before the first slew
// changes anything, removed once the original is back.
bool WindowsClockOps::saveStateFile(const TimeAdjustment &original)
{
    if (m_options.stateFile.empty())
        return true;
    const std::string temporary = m_options.stateFile + ".new";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << original.adjustment << ' ' << original.increment << ' ' << (original.disabled ? 1 : 0) << '\n';
        out.flush();
        if (!out)
            return false;
    }
    std::error_code ec;
    std::filesystem::rename(temporary, m_options.stateFile, ec);
    return !ec;
}

void WindowsClockOps::removeStateFile()
{
    if (m_options.stateFile.empty())
        return;
    std::error_code ec;
    std::filesystem::remove(m_options.stateFile, ec);
}

void WindowsClockOps::recoverFromStateFile()
{
    if (m_options.stateFile.empty())
        return;
    std::ifstream in(m_options.stateFile, std::ios::binary);
    if (!in)
        return;
    char text[MAX_STATE_FILE_BYTES] = {};
    in.read(text, sizeof text - 1);
    const char *p = text;
    const char *end = text + in.gcount();
    in.close(); // Windows cannot remove a file that is still open
    TimeAdjustment saved;
    unsigned disabled = 2;
    auto field = [&](auto &value) {
        while (p < end && *p == ' ')
            ++p;
        const auto [next, ec] = std::from_chars(p, end, value);
        p = next;
        return ec == std::errc();
    };
    if (field(saved.adjustment) && field(saved.increment) && field(disabled) && disabled <= 1
        && saved.increment != 0) {
        // A slew of an earlier run of the service was still active when it died.
        saved.disabled = disabled == 1;
        m_original = saved;
        restore();
        return;
    }
    std::fprintf(stderr, "chronoscope-helper: ignoring unreadable slew state file %s\n", m_options.stateFile.c_str());
    removeStateFile();
}

} // namespace chronoscope::helper
