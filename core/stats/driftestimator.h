// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/stats/drifthistory.h"

namespace chronoscope::stats {

// Result of the weighted least-squares fit θ(t) = a + b·(t − tref) (NTP-NOTES §4.3), the
// equivalent of one line of `chronyc sourcestats`.
struct DriftEstimate
{
    int samples = 0;
    double span = 0;            // seconds between the oldest and newest sample
    // Rate of the local clock relative to the server, ppm: positive = the local clock runs
    // fast (gains), negative = it runs slow (loses). It is −b·10⁶: a growing offset means the
    // local clock falls further behind.
    double freqPpm = 0;
    double skewPpm = 0;         // standard error of freqPpm, ppm (chrony's "Freq Skew")
    double offset = 0;          // fitted θ at referenceTime, seconds
    double offsetStdDev = 0;    // sqrt of the weighted residual variance, seconds ("Std Dev")
    double referenceTime = 0;   // time of the newest sample
    bool meaningful = false;    // enough samples over enough span to trust the frequency

    // Seconds the local clock gains per day (negative: loses).
    double secondsPerDay() const { return freqPpm * 1e-6 * 86400.0; }
};

// Keeps the most recent samples of one server and fits its frequency. Weights are 1/d², with
// d = δ/2 + ε, so short, fresh exchanges count most. Reset it whenever the clock is stepped.
class DriftEstimator
{
public:
    static constexpr int MAX_SAMPLES = 64;          // like chrony's sourcestats
    static constexpr int MIN_SAMPLES = 6;
    static constexpr double DEFAULT_MIN_SPAN = 60.0; // seconds before the estimate is meaningful

    explicit DriftEstimator(double minSpan = DEFAULT_MIN_SPAN) : m_samples(MAX_SAMPLES), m_minSpan(minSpan) { }

    void add(const DriftSample &sample);
    void clear() { m_samples.clear(); }
    int size() const { return m_samples.size(); }
    const DriftHistory &samples() const { return m_samples; }
    DriftEstimate estimate() const;

private:
    DriftHistory m_samples;
    double m_minSpan;
};

// The fit itself, for any sample set (at least 3 samples, else samples = n and meaningful = false).
DriftEstimate fitDrift(const DriftHistory &samples, double minSpan);

// Combines per-server estimates into one, weighting each frequency by 1/skew² (chrony's
// combine_sources). Only meaningful estimates take part.
struct CombinedDrift
{
    bool meaningful = false;
    double freqPpm = 0;
    double skewPpm = 0;
};
CombinedDrift combineDrift(const DriftEstimate *estimates, int count);

} // namespace chronoscope::stats
