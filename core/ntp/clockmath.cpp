// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ntp/clockmath.h"

#include <cmath>

namespace chronoscope::ntp {

double clockOffset(const ExchangeTimestamps &ts)
{
    const std::int64_t t21 = ts.t2.rawDifference(ts.t1);
    const std::int64_t t34 = ts.t3.rawDifference(ts.t4);
    return (std::ldexp(double(t21), -32) + std::ldexp(double(t34), -32)) / 2.0;
}

double roundTripDelay(const ExchangeTimestamps &ts)
{
    const std::int64_t t41 = ts.t4.rawDifference(ts.t1);
    const std::int64_t t32 = ts.t3.rawDifference(ts.t2);
    return std::ldexp(double(t41), -32) - std::ldexp(double(t32), -32);
}

double serverProcessingTime(const ExchangeTimestamps &ts)
{
    return ts.t3.secondsSince(ts.t2);
}

double log2ToSeconds(int log2)
{
    return std::ldexp(1.0, log2);
}

} // namespace chronoscope::ntp
