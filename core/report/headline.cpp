// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/headline.h"

#include <cmath>

#include "core/report/humanformat.h"

using namespace Qt::StringLiterals;

namespace chronoscope::report {

QString headline(const engine::SystemStatus &system, bool anyServerReachable, bool stillMeasuring)
{
    if (!system.synchronized || !system.offset) {
        if (stillMeasuring)
            return u"Measuring… waiting for enough replies from the servers"_s;
        if (!anyServerReachable)
            return u"No time server answers: check the network or the server list"_s;
        return u"The servers' answers cannot be trusted: no usable majority"_s;
    }
    const double offset = *system.offset;
    const QString bound = system.errorBound ? u" (± %1)"_s.arg(formatSeconds(*system.errorBound)) : QString();
    if (system.errorBound && std::abs(offset) <= *system.errorBound)
        return u"Your clock is correct to within %1"_s.arg(formatSeconds(*system.errorBound));
    // Positive offset: the server is ahead, so the local clock is behind (clockmath.h).
    return u"Your clock is %1 %2%3"_s.arg(formatSeconds(std::abs(offset)), offset > 0 ? u"behind"_s : u"ahead"_s, bound);
}

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
