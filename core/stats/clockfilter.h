// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>

#include "core/engine/sharedvalue.h"
#include "core/ntp/ntpconstants.h"

namespace chronoscope::stats {

// One stage of the clock filter (seconds; `time` is the local time of the sample, any epoch,
// as long as every call uses the same one).
struct FilterStage
{
    double offset = 0;                     // θ, positive: local clock behind
    double delay = ntp::MAXDISP;           // δ
    double dispersion = ntp::MAXDISP;      // ε, grows at PHI per second of age
    double time = 0;                       // t
    bool valid = false;                    // false for the initial and dummy stages
};

// The filter's current estimate for its server.
struct FilterOutput
{
    double offset = 0;       // θp: offset of the lowest-delay stage
    double delay = 0;        // δp
    double dispersion = 0;   // εp = Σ εi / 2^(i+1) over the stages sorted by delay
    double jitter = 0;       // ψp: RMS of the other valid offsets against θp, at least ρ
    double time = 0;         // tp: time of the chosen stage
    int chosenStage = -1;    // index into stages() (0 = newest) of the chosen sample
    int validStages = 0;
    bool updated = false;    // true when the chosen sample is newer than the last one used
    bool popcornSpike = false; // update suppressed by the spike gate (NTP-NOTES §2.3)
};

// RFC 5905 §10 clock filter: an 8-stage shift register choosing the minimum-delay sample,
// with dispersion growth at PHI and popcorn-spike suppression.
class ClockFilter
{
public:
    // precision: ρ_local + ρ_server floor for the jitter, seconds. stageCount: register length,
    // NSTAGE (8) for a running association; a one-shot check of N < 8 samples uses N stages so
    // that stages it will never fill do not count as 16 s of dispersion each.
    explicit ClockFilter(double precision = 1e-9, int stageCount = ntp::NSTAGE);
    int stageCount() const { return m_stageCount; }

    // Shifts a measured sample in and evaluates the filter at `now`. pollInterval (s) sets the
    // spike gate's time window (2 × poll).
    FilterOutput addSample(double offset, double delay, double dispersion, double now, double pollInterval);
    // Shifts in a dummy (0, MAXDISP, MAXDISP) stage, e.g. after three unanswered polls.
    FilterOutput addDummy(double now);
    // Evaluates without shifting (e.g. for display at a later time).
    FilterOutput evaluate(double now) const;

    // Stages newest first, dispersion as of the last shift (not aged to now).
    const std::array<FilterStage, ntp::NSTAGE> &stages() const { return m_stages.value(); }
    // The same, for a holder that keeps them (ServerStatus::filterStages): it shares them until
    // the next shift, which copies them if they are still held.
    const engine::SharedValue<std::array<FilterStage, ntp::NSTAGE>> &sharedStages() const { return m_stages; }
    const FilterOutput &lastOutput() const { return m_last; }
    void reset();

private:
    void shiftIn(const FilterStage &stage, double now);
    FilterOutput compute(double now) const;

    engine::SharedValue<std::array<FilterStage, ntp::NSTAGE>> m_stages; // default: FilterStage{} each
    double m_precision;
    int m_stageCount;
    double m_lastShift = 0;        // time dispersion was last aged to
    double m_lastUsedTime = -1e300; // tp of the last sample that updated the peer
    double m_lastUsedOffset = 0;
    bool m_haveUsed = false;
    FilterOutput m_last;
};

} // namespace chronoscope::stats
