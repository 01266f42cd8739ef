// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/headline.h"

#include <cmath>

namespace chronoscope::report {

Severity headlineSeverity(const engine::SystemStatus &system)
{
    if (!system.synchronized || !system.offset)
        return Severity::Unknown;
    const double magnitude = std::abs(*system.offset);
    if (magnitude < 0.1)
        return Severity::Good;
    if (magnitude < 1.0)
        return Severity::Warning;
    return Severity::Bad;
}

} // namespace chronoscope::report
