// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/sysservice/timeserviceplan.h"

namespace chronoscope::sysservice {

// The text the helper writes for `plan` (HELPER.md §4.6), for the confirmation dialog and
// `system apply`: chronyd's drop-in (`server HOST [port P] [iburst] [prefer] [nts] [minpoll N]
// [maxpoll N] [key K]`, one line each), timesyncd's drop-in (`[Time]`, `NTP=HOST ...`) or the
// marked block in ntp.conf (the same options without port).
// The helper renders the file itself from the same fields and never takes this text;
// tst_timeservicepreview (tests/helper) checks that both render the same.
QString timeServicePreview(const TimeServicePlan &plan);

} // namespace chronoscope::sysservice
