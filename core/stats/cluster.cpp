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

    ClusterResult result;
    for (;;) {
        double maxJitter = -1;
        int maxIndex = -1;
        double minPeerJitter = 1e300;
        for (int i = 0; i < candidates.size(); ++i) {
            const double psi = selectionJitter(candidates, i);
            if (!candidates[i].keep && psi > maxJitter) {
                maxJitter = psi;
                maxIndex = i;
            }
            minPeerJitter = std::min(minPeerJitter, candidates[i].jitter);
        }
        double allMax = 0;
        for (int i = 0; i < candidates.size(); ++i)
            allMax = std::max(allMax, selectionJitter(candidates, i));
        result.selectionJitter = allMax;
        if (candidates.size() <= minSurvivors || maxIndex < 0 || maxJitter <= minPeerJitter)
            break;
        result.outliers.append(candidates[maxIndex].id);
        candidates.removeAt(maxIndex);
    }
    for (const ClusterCandidate &c : candidates)
        result.survivors.append(c.id);
    return result;
}

} // namespace chronoscope::stats
