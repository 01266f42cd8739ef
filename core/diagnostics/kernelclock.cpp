// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/kernelclock.h"

#include "core/correction/kernelclock.h"

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

constexpr double MICROSECONDS = 1e-6;        // maxerror and esterror are in µs
constexpr double FREQUENCY_SCALE = 65536.0;  // freq is ppm with a 16-bit fraction
constexpr std::int32_t TIME_ERROR_STATE = 5; // adjtimex/ntp_adjtime: clock unsynchronised
constexpr std::uint32_t STA_UNSYNC_BIT = 0x0040;

QString stateName(std::int32_t state)
{
    // The kernel clock states of the NTP kernel interface (RFC 1589), the same on every system.
    switch (state) {
    case 0: return u"ok"_s;
    case 1: return u"insert_leap"_s;
    case 2: return u"delete_leap"_s;
    case 3: return u"leap_in_progress"_s;
    case 4: return u"leap_done"_s;
    case TIME_ERROR_STATE: return u"error"_s;
    default: break;
    }
    return u"state_%1"_s.arg(state);
}

QStringList flagNames(std::uint32_t status)
{
    // STA_* bits of the NTP kernel interface (Linux <sys/timex.h>, RFC 1589).
    static const std::pair<std::uint32_t, const char16_t *> names[] = {
        {0x0001, u"PLL"},       {0x0002, u"PPSFREQ"},   {0x0004, u"PPSTIME"},   {0x0008, u"FLL"},
        {0x0010, u"INS"},       {0x0020, u"DEL"},       {STA_UNSYNC_BIT, u"UNSYNC"}, {0x0080, u"FREQHOLD"},
        {0x0100, u"PPSSIGNAL"}, {0x0200, u"PPSJITTER"}, {0x0400, u"PPSWANDER"}, {0x0800, u"PPSERROR"},
        {0x1000, u"CLOCKERR"},  {0x2000, u"NANO"},      {0x4000, u"MODE"},      {0x8000, u"CLK"},
    };
    QStringList flags;
    for (const auto &[bit, name] : names) {
        if ((status & bit) != 0)
            flags << QString::fromUtf16(name);
    }
    return flags;
}

} // namespace

KernelClockStatus readKernelClock()
{
    return kernelClockStatus(correction::readKernelClockState());
}

KernelClockStatus kernelClockStatus(const std::optional<protocol::KernelState> &state)
{
    KernelClockStatus status;
    if (!state) {
        status.error = u"the kernel's synchronisation state cannot be read on this system"_s;
        return status;
    }
    status.available = true;
    status.state = stateName(state->clockState);
    status.synchronized = state->clockState != TIME_ERROR_STATE && (state->status & STA_UNSYNC_BIT) == 0;
    status.maxError = double(state->maxErrorUs) * MICROSECONDS;
    status.estimatedError = double(state->estErrorUs) * MICROSECONDS;
    status.frequencyPpm = double(state->freqScaledPpm) / FREQUENCY_SCALE;
    status.flags = flagNames(state->status);
    return status;
}

} // namespace chronoscope::diagnostics
