// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/stats/clockfilter.h"

namespace chronoscope::stats {

// Root synchronisation distance λ in seconds (RFC 5905 App. A.5.5 root_dist, NTP-NOTES §3.3):
//   λ = max(MINDISP, Δr + δp)/2 + Er + εp + PHI·(now − tp) + ψp
// rootDelay Δr and rootDispersion Er are the server's; now and filter.time share one time base.
double rootDistance(const FilterOutput &filter, double rootDelay, double rootDispersion, double now);

} // namespace chronoscope::stats
