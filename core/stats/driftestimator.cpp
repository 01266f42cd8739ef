// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/driftestimator.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace chronoscope::stats {

void DriftEstimator::add(const DriftSample &sample)
{
    // A sample older than the newest one means the time base jumped: start over.
    if (!m_samples.empty() && sample.time <= m_samples.back().time)
        m_samples.clear();
    m_samples.push_back(sample);
    while (int(m_samples.size()) > MAX_SAMPLES)
        m_samples.pop_front();
}

DriftEstimate DriftEstimator::estimate() const
{
    return fitDrift(m_samples, m_minSpan);
}

DriftEstimate fitDrift(const std::deque<DriftSample> &samples, double minSpan)
{
    DriftEstimate e;
    const int n = int(samples.size());
    e.samples = n;
    if (n == 0)
        return e;
    e.referenceTime = samples.back().time;
    e.span = samples.back().time - samples.front().time;
    if (n < 3 || e.span <= 0) {
        e.offset = samples.back().offset;
        return e;
    }

    // Weights 1/d², normalised to a mean of 1 so that residual variances stay in seconds².
    std::vector<double> w(static_cast<size_t>(n));
    double wsum = 0;
    for (int i = 0; i < n; ++i) {
        const double d = std::max(samples[size_t(i)].delay / 2.0 + samples[size_t(i)].dispersion, 1e-9);
        w[size_t(i)] = 1.0 / (d * d);
        wsum += w[size_t(i)];
    }
    for (double &wi : w)
        wi *= n / wsum;

    // Times relative to the newest sample keep the doubles precise.
    double tMean = 0, yMean = 0;
    for (int i = 0; i < n; ++i) {
        tMean += w[size_t(i)] * (samples[size_t(i)].time - e.referenceTime);
        yMean += w[size_t(i)] * samples[size_t(i)].offset;
    }
    tMean /= n;
    yMean /= n;
    double sxx = 0, sxy = 0;
    for (int i = 0; i < n; ++i) {
        const double dt = samples[size_t(i)].time - e.referenceTime - tMean;
        sxx += w[size_t(i)] * dt * dt;
        sxy += w[size_t(i)] * dt * (samples[size_t(i)].offset - yMean);
    }
    if (sxx <= 0)
        return e;
    const double slope = sxy / sxx;                 // b, s/s: growth of θ over time
    const double intercept = yMean - slope * tMean; // θ at the reference time
    double rss = 0;
    for (int i = 0; i < n; ++i) {
        const double r = samples[size_t(i)].offset - (intercept + slope * (samples[size_t(i)].time - e.referenceTime));
        rss += w[size_t(i)] * r * r;
    }
    const double variance = rss / (n - 2);
    e.offset = intercept;
    e.offsetStdDev = std::sqrt(variance);
    e.freqPpm = -slope * 1e6;
    e.skewPpm = std::sqrt(variance / sxx) * 1e6;
    e.meaningful = n >= DriftEstimator::MIN_SAMPLES && e.span >= minSpan;
    return e;
}

CombinedDrift combineDrift(const DriftEstimate *estimates, int count)
{
    CombinedDrift c;
    double weightSum = 0;
    double weighted = 0;
    for (int i = 0; i < count; ++i) {
        const DriftEstimate &e = estimates[i];
        if (!e.meaningful)
            continue;
        const double skew = std::max(e.skewPpm, 1e-6);
        const double w = 1.0 / (skew * skew);
        weightSum += w;
        weighted += w * e.freqPpm;
    }
    if (weightSum <= 0)
        return c;
    c.meaningful = true;
    c.freqPpm = weighted / weightSum;
    c.skewPpm = std::sqrt(1.0 / weightSum);
    return c;
}

} // namespace chronoscope::stats
