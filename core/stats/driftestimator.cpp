// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/driftestimator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace chronoscope::stats {

void DriftEstimator::add(const DriftSample &sample)
{
    // A sample older than the newest one means the time base jumped: start over.
    if (!m_samples.isEmpty() && sample.time <= m_samples.newest().time)
        m_samples.clear();
    m_samples.push(sample); // the ring drops the oldest beyond MAX_SAMPLES
}

DriftEstimate DriftEstimator::estimate() const
{
    return fitDrift(m_samples, m_minSpan);
}

DriftEstimate fitDrift(const DriftHistory &samples, double minSpan)
{
    DriftEstimate e;
    const int n = samples.size();
    e.samples = n;
    if (n == 0)
        return e;
    const DriftPoint newest = samples.newest();
    e.referenceTime = newest.time;
    e.span = newest.time - samples.oldest().time;
    if (n < 3 || e.span <= 0) {
        e.offset = newest.offset;
        return e;
    }

    // The points oldest first and their weights 1/d², in local arrays (the fit reads each point
    // four times), normalised to a mean of 1 so that residual variances stay in seconds².
    std::array<DriftPoint, DriftEstimator::MAX_SAMPLES> localPoints;
    std::array<double, DriftEstimator::MAX_SAMPLES> localWeights;
    std::vector<DriftPoint> morePoints;
    std::vector<double> moreWeights;
    DriftPoint *p = localPoints.data();
    double *w = localWeights.data();
    if (n > DriftEstimator::MAX_SAMPLES) {
        morePoints.resize(size_t(n));
        moreWeights.resize(size_t(n));
        p = morePoints.data();
        w = moreWeights.data();
    }
    samples.copyPoints(p);
    double wsum = 0;
    for (int i = 0; i < n; ++i) {
        const double d = std::max(p[i].distance, 1e-9);
        w[i] = 1.0 / (d * d);
        wsum += w[i];
    }
    for (int i = 0; i < n; ++i)
        w[i] *= n / wsum;

    // Times relative to the newest sample keep the doubles precise.
    double tMean = 0, yMean = 0;
    for (int i = 0; i < n; ++i) {
        tMean += w[i] * (p[i].time - e.referenceTime);
        yMean += w[i] * p[i].offset;
    }
    tMean /= n;
    yMean /= n;
    double sxx = 0, sxy = 0;
    for (int i = 0; i < n; ++i) {
        const double dt = p[i].time - e.referenceTime - tMean;
        sxx += w[i] * dt * dt;
        sxy += w[i] * dt * (p[i].offset - yMean);
    }
    if (sxx <= 0)
        return e;
    const double slope = sxy / sxx;                 // b, s/s: growth of θ over time
    const double intercept = yMean - slope * tMean; // θ at the reference time
    double rss = 0;
    for (int i = 0; i < n; ++i) {
        const double r = p[i].offset - (intercept + slope * (p[i].time - e.referenceTime));
        rss += w[i] * r * r;
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
