// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/clockfilter.h"

#include <algorithm>
#include <cmath>

namespace chronoscope::stats {

using ntp::MAXDISP;
using ntp::NSTAGE;
using ntp::PHI;

ClockFilter::ClockFilter(double precision, int stageCount)
    : m_precision(precision), m_stageCount(std::clamp(stageCount, 1, int(NSTAGE)))
{
    reset();
}

void ClockFilter::reset()
{
    m_stages.reset(); // FilterStage{} each, without an allocation
    m_lastShift = 0;
    m_lastUsedTime = -1e300;
    m_lastUsedOffset = 0;
    m_haveUsed = false;
    m_last = FilterOutput{};
}

void ClockFilter::shiftIn(const FilterStage &stage, double now)
{
    // Age every stored dispersion by PHI per second since the previous shift.
    // Only valid stages age, and those exist only after a shift set m_lastShift: no "never
    // shifted" sentinel is needed (0 is a legitimate time on any epoch).
    const double aged = PHI * std::max(0.0, now - m_lastShift);
    std::array<FilterStage, NSTAGE> &stages = m_stages.modify(); // copies them if a status holds them
    for (FilterStage &s : stages)
        if (s.valid)
            s.dispersion = std::min(MAXDISP, s.dispersion + aged);
    for (int i = m_stageCount - 1; i > 0; --i)
        stages[i] = stages[i - 1];
    stages[0] = stage;
    m_lastShift = now;
}

FilterOutput ClockFilter::compute(double now) const
{
    // Sort the stage indices by delay (ascending); invalid stages (delay = MAXDISP) sort last.
    std::array<int, NSTAGE> order{};
    for (int i = 0; i < NSTAGE; ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.begin() + m_stageCount, [this](int a, int b) {
        return m_stages[a].delay < m_stages[b].delay;
    });

    const double age = std::max(0.0, now - m_lastShift);
    auto dispersionAt = [&](const FilterStage &s) {
        return s.valid ? std::min(MAXDISP, s.dispersion + PHI * age) : MAXDISP;
    };

    FilterOutput out;
    for (int rank = 0; rank < m_stageCount; ++rank)
        out.dispersion += dispersionAt(m_stages[order[rank]]) / std::ldexp(1.0, rank + 1);

    for (int i = 0; i < m_stageCount; ++i)
        out.validStages += m_stages[i].valid ? 1 : 0;
    if (out.validStages == 0)
        return out;

    const FilterStage &best = m_stages[order[0]];
    out.chosenStage = order[0];
    out.offset = best.offset;
    out.delay = best.delay;
    out.time = best.time;

    // Jitter: RMS of (θ0 − θj) over the other valid stages (ntpsec's reading of RFC 5905 §10).
    double sum = 0;
    int n = 0;
    for (int rank = 1; rank < m_stageCount; ++rank) {
        const FilterStage &s = m_stages[order[rank]];
        if (!s.valid)
            continue;
        sum += (best.offset - s.offset) * (best.offset - s.offset);
        ++n;
    }
    out.jitter = std::max(n > 0 ? std::sqrt(sum / n) : 0.0, m_precision);
    return out;
}

FilterOutput ClockFilter::addSample(double offset, double delay, double dispersion, double now, double pollInterval)
{
    shiftIn(FilterStage{offset, delay, dispersion, now, true}, now);
    FilterOutput out = compute(now);

    // Prime directive: use each sample at most once, never one older than the last used.
    if (out.time <= m_lastUsedTime) {
        out.updated = false;
    } else if (m_haveUsed && std::abs(out.offset - m_lastUsedOffset) > ntp::SGATE * m_last.jitter
               && m_last.jitter > 0 && out.time - m_lastUsedTime < 2.0 * pollInterval
               && out.dispersion < ntp::MAXDIST && stages()[out.chosenStage].dispersion < ntp::MAXDIST) {
        // Popcorn spike: a sudden jump against the previous jitter, soon after the last update,
        // with both the peer and the sample valid (dispersion < MAXDIST, NTP-NOTES §2.3, as ntpsec).
        out.updated = false;
        out.popcornSpike = true;
    } else {
        out.updated = true;
        m_lastUsedTime = out.time;
        m_lastUsedOffset = out.offset;
        m_haveUsed = true;
    }
    if (!out.updated) {
        // Keep reporting the statistics of the sample in use.
        out.offset = m_last.offset;
        out.delay = m_last.delay;
        out.time = m_last.time;
        const int previousChosen = m_last.chosenStage;
        out.chosenStage = previousChosen >= 0 && previousChosen + 1 < m_stageCount ? previousChosen + 1 : -1;
        if (!m_haveUsed)
            out.chosenStage = -1;
    }
    m_last = out;
    return out;
}

FilterOutput ClockFilter::addDummy(double now)
{
    shiftIn(FilterStage{}, now);
    FilterOutput out = compute(now);
    out.updated = false;
    m_last = out;
    return out;
}

FilterOutput ClockFilter::evaluate(double now) const
{
    FilterOutput out = compute(now);
    out.updated = false;
    return out;
}

} // namespace chronoscope::stats
