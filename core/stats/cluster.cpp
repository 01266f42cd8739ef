// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/cluster.h"

#include <algorithm>
#include <cmath>

#include "core/ntp/ntpconstants.h"

namespace chronoscope::stats {

double selectionJitter(const QList<ClusterCandidate> &candidates, int index)
{
    const qsizetype n = candidates.size();
    if (n < 2)
        return 0;
    double sum = 0;
    for (qsizetype j = 0; j < n; ++j) {
        const double d = candidates[index].offset - candidates[j].offset;
        sum += d * d;
    }
    return std::sqrt(sum / double(n - 1));
}

ClusterResult clusterSurvivors(QList<ClusterCandidate> candidates, int minSurvivors)
{
    std::stable_sort(candidates.begin(), candidates.end(), [](const ClusterCandidate &a, const ClusterCandidate &b) {
        return a.stratum * ntp::MAXDIST + a.rootDistance < b.stratum * ntp::MAXDIST + b.rootDistance;
    });

    // Σj (θi − θj)² = n·xi² − 2·xi·Σx + Σx² with x = θ − shift, so each round costs O(n), not
    // O(n²). The shift (the median offset) keeps the x small, avoiding cancellation.
    QList<double> sorted;
    for (const ClusterCandidate &c : candidates)
        sorted.append(c.offset);
    std::sort(sorted.begin(), sorted.end());
    const double shift = sorted.isEmpty() ? 0.0 : sorted[sorted.size() / 2];
    double sum = 0;
    double sumSquares = 0;
    for (const ClusterCandidate &c : candidates) {
        sum += c.offset - shift;
        sumSquares += (c.offset - shift) * (c.offset - shift);
    }
    ClusterResult result;
    for (;;) {
        const auto n = double(candidates.size());
        auto jitterOf = [&](const ClusterCandidate &c) {
            if (candidates.size() < 2)
                return 0.0;
            const double x = c.offset - shift;
            const double squares = n * x * x - 2.0 * x * sum + sumSquares;
            return std::sqrt(std::max(0.0, squares) / (n - 1.0));
        };
        double maxJitter = -1;  // largest ψs among the candidates that may be pruned
        int maxIndex = -1;
        double allMax = 0;      // largest ψs overall
        double minPeerJitter = 1e300;
        for (int i = 0; i < candidates.size(); ++i) {
            const double psi = jitterOf(candidates[i]);
            allMax = std::max(allMax, psi);
            if (!candidates[i].keep && psi > maxJitter) {
                maxJitter = psi;
                maxIndex = i;
            }
            minPeerJitter = std::min(minPeerJitter, candidates[i].jitter);
        }
        result.selectionJitter = allMax;
        if (candidates.size() <= minSurvivors || maxIndex < 0 || maxJitter <= minPeerJitter)
            break;
        result.outliers.append(candidates[maxIndex].id);
        const double x = candidates[maxIndex].offset - shift;
        sum -= x;
        sumSquares -= x * x;
        candidates.removeAt(maxIndex);
    }
    for (const ClusterCandidate &c : candidates)
        result.survivors.append(c.id);
    return result;
}

} // namespace chronoscope::stats
