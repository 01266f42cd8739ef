// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace chronoscope::stats {

struct ClusterCandidate
{
    int id = -1;
    double offset = 0;        // θ, seconds
    double jitter = 0;        // ψp, the server's own (peer) jitter, seconds
    double rootDistance = 0;  // λ, seconds
    int stratum = 1;
    bool keep = false;        // never pruned (prefer)
};

struct ClusterResult
{
    QList<int> survivors;          // ids, best merit first (the first is the system peer)
    QList<int> outliers;           // ids pruned, in pruning order
    double selectionJitter = 0;    // ψs of the survivor set: the final ψmax, seconds
};

// RFC 5905 §11.2.2 cluster algorithm (NTP-NOTES §3.5): sort by merit stratum·MAXDIST + λ; while
// more than minSurvivors remain and the largest selection jitter ψs exceeds the smallest peer
// jitter ψp, prune the candidate with the largest ψs.
ClusterResult clusterSurvivors(QList<ClusterCandidate> candidates, int minSurvivors = 3);

// Selection jitter of candidate i against the others: sqrt(Σj (θi − θj)² / (n − 1)).
double selectionJitter(const QList<ClusterCandidate> &candidates, int index);

} // namespace chronoscope::stats
