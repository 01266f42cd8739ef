// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/headline.h"

#include <cmath>

#include "core/report/humanformat.h"

using namespace Qt::StringLiterals;

namespace chronoscope::report {

QString driftPhrase(const engine::SystemStatus &system)
{
    if (!system.driftMeaningful || !system.freqPpm)
        return {};
    const double perDay = *system.freqPpm * 1e-6 * 86400.0; // seconds gained per day
    if (std::abs(perDay) < 1e-3)
        return u"keeps time to within 1 ms per day"_s;
    // "about" a rate: two significant digits are all the estimate supports.
    const double magnitude = std::abs(perDay);
    const QString amount = magnitude >= 1.0 ? QString::number(magnitude, 'f', magnitude >= 10 ? 0 : 1) + u" s"_s
                                            : formatSeconds(magnitude);
    return u"%1 about %2 per day"_s.arg(perDay > 0 ? u"gains"_s : u"loses"_s, amount);
}

QString headline(const engine::SystemStatus &system, bool anyServerReachable, bool stillMeasuring)
{
    if (!system.synchronized || !system.offset) {
        if (stillMeasuring)
            return u"Measuring… waiting for enough replies from the servers"_s;
        if (!anyServerReachable)
            return u"No time server answers: check the network or the server list"_s;
        if (!system.summary.isEmpty())
            return u"Cannot tell the time: "_s + system.summary;
        return u"The servers' answers cannot be trusted: no usable majority"_s;
    }
    const double offset = *system.offset;
    QString text;
    if (system.errorBound && std::abs(offset) <= *system.errorBound / 2.0) {
        text = u"Your clock is correct to within %1"_s.arg(formatSeconds(*system.errorBound));
    } else {
        // Positive offset: the server is ahead, so the local clock is behind (clockmath.h).
        const QString bound = system.errorBound ? u" (± %1)"_s.arg(formatSeconds(*system.errorBound)) : QString();
        text = u"Your clock is %1 %2%3"_s.arg(formatSeconds(std::abs(offset)), offset > 0 ? u"behind"_s : u"ahead"_s, bound);
    }
    const QString drift = driftPhrase(system);
    return drift.isEmpty() ? text : text + u" and "_s + drift;
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
