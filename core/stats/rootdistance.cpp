// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/rootdistance.h"

#include <algorithm>

namespace chronoscope::stats {

double rootDistance(const FilterOutput &filter, double rootDelay, double rootDispersion, double now)
{
    return std::max(ntp::MINDISP, rootDelay + filter.delay) / 2.0 + rootDispersion + filter.dispersion
        + ntp::PHI * std::max(0.0, now - filter.time) + filter.jitter;
}

} // namespace chronoscope::stats
