// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/localclock.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include <QDateTime>

namespace chronoscope::engine {
namespace {

double measurePrecision()
{
    using clock = std::chrono::system_clock;
    // Smallest positive step between consecutive reads over a few hundred reads.
    std::int64_t best = std::numeric_limits<std::int64_t>::max();
    auto previous = clock::now();
    for (int i = 0; i < 500; ++i) {
        const auto current = clock::now();
        const auto step = std::chrono::duration_cast<std::chrono::nanoseconds>(current - previous).count();
        if (step > 0)
            best = std::min(best, step);
        previous = current;
    }
    if (best == std::numeric_limits<std::int64_t>::max())
        best = 1000; // clock never moved: assume 1 µs
    // Round up to a power of two, as the precision field is log2 seconds.
    return std::ldexp(1.0, int(std::ceil(std::log2(double(best) * 1e-9))));
}

std::int64_t buildDateUnixSeconds()
{
    // __DATE__ is "Mmm dd yyyy".
    static const std::int64_t value = [] {
        const QDate date = QDate::fromString(QString::fromLatin1(__DATE__).simplified(), QStringLiteral("MMM d yyyy"));
        return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() : std::int64_t(1735689600);
    }();
    return value;
}

} // namespace

ntp::NtpTimestamp LocalClock::now()
{
    return ntp::NtpTimestamp::fromSystemTime(std::chrono::system_clock::now());
}

double LocalClock::nowUnixSeconds()
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

double LocalClock::precision()
{
    static const double value = measurePrecision();
    return value;
}

std::int64_t LocalClock::eraPivot()
{
    return std::max<std::int64_t>(std::int64_t(nowUnixSeconds()), buildDateUnixSeconds());
}

double LocalClock::toUnixSeconds(ntp::NtpTimestamp timestamp)
{
    return timestamp.toUnixSeconds(eraPivot());
}

} // namespace chronoscope::engine
