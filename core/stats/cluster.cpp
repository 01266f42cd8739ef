// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/cluster.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <vector>

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
    const int total = int(candidates.size());

    // Σj (θi − θj)² = n·xi² − 2·xi·Σx + Σx² with x = θ − shift. The shift (the median offset) keeps
    // the x small, avoiding cancellation.
    QList<double> sorted;
    for (const ClusterCandidate &c : candidates)
        sorted.append(c.offset);
    std::sort(sorted.begin(), sorted.end());
    const double shift = sorted.isEmpty() ? 0.0 : sorted[sorted.size() / 2];
    double sum = 0;
    double sumSquares = 0;
    // ψs² is a convex function of θ (a parabola in x), so the largest ψs of any set of candidates
    // is at its lowest or its highest offset: each round looks at two candidates, not all of them,
    // and pruning n candidates costs O(n log n), not O(n²). Ordered by (offset, merit index).
    std::set<std::pair<double, int>> remaining;
    std::set<std::pair<double, int>> prunable; // not `keep`
    std::multiset<double> peerJitters;         // ψp of the remaining candidates
    for (int i = 0; i < total; ++i) {
        const ClusterCandidate &c = candidates[i];
        sum += c.offset - shift;
        sumSquares += (c.offset - shift) * (c.offset - shift);
        remaining.emplace(c.offset, i);
        if (!c.keep)
            prunable.emplace(c.offset, i);
        peerJitters.insert(c.jitter);
    }
    const auto jitterOf = [&](int i) {
        const auto n = double(remaining.size());
        if (remaining.size() < 2)
            return 0.0;
        const double x = candidates[i].offset - shift;
        const double squares = n * x * x - 2.0 * x * sum + sumSquares;
        return std::sqrt(std::max(0.0, squares) / (n - 1.0));
    };
    // The candidate of `set` with the largest ψs; among equals the best merit (lowest index), as
    // a scan in merit order would find it. -1 for an empty set.
    const auto largestJitterIn = [&](const std::set<std::pair<double, int>> &set) {
        if (set.empty())
            return -1;
        const int low = set.begin()->second;
        const int high = set.lower_bound({std::prev(set.end())->first, std::numeric_limits<int>::min()})->second;
        const double lowJitter = jitterOf(low);
        const double highJitter = jitterOf(high);
        if (lowJitter != highJitter)
            return lowJitter > highJitter ? low : high;
        return std::min(low, high);
    };

    ClusterResult result;
    std::vector<bool> pruned(size_t(total), false);
    for (;;) {
        const int widest = largestJitterIn(remaining);
        result.selectionJitter = widest < 0 ? 0.0 : jitterOf(widest);
        const int worst = largestJitterIn(prunable);
        const double minPeerJitter = peerJitters.empty() ? 1e300 : *peerJitters.begin();
        if (int(remaining.size()) <= minSurvivors || worst < 0 || jitterOf(worst) <= minPeerJitter)
            break;
        const ClusterCandidate &c = candidates[worst];
        result.outliers.append(c.id);
        const double x = c.offset - shift;
        sum -= x;
        sumSquares -= x * x;
        remaining.erase({c.offset, worst});
        prunable.erase({c.offset, worst});
        peerJitters.erase(peerJitters.find(c.jitter));
        pruned[size_t(worst)] = true;
    }
    for (int i = 0; i < total; ++i)
        if (!pruned[size_t(i)])
            result.survivors.append(candidates[i].id);
    return result;
}

} // namespace chronoscope::stats
