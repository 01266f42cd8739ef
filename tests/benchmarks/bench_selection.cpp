// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): selection + cluster + combine for 1000 servers. The peer is a
// straightforward reference of the same algorithm as the RFC 5905 skeleton writes the cluster
// step (every round recomputes every selection jitter from scratch: O(n²) per round), run on
// the same input in the same process; both must agree on the survivors.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>

#include <QList>

#include "core/ntp/ntpconstants.h"
#include "core/stats/cluster.h"
#include "core/stats/sourceselector.h"

using namespace chronoscope::stats;

namespace {

constexpr int SERVERS = 1000;
constexpr int ROUNDS = 20;

QList<SelectionCandidate> makeCandidates(std::mt19937 &rng)
{
    std::normal_distribution<double> truth(0.0, 0.002);     // true servers: ±2 ms
    std::uniform_real_distribution<double> lambda(0.005, 0.05);
    std::uniform_real_distribution<double> jitter(0.0001, 0.002);
    QList<SelectionCandidate> list;
    for (int i = 0; i < SERVERS; ++i) {
        SelectionCandidate c;
        c.id = i;
        c.reachable = c.hasSample = c.synchronised = true;
        c.stratum = 1 + i % 3;
        // 10 % falsetickers, one second or more away.
        c.offset = i % 10 == 9 ? 1.0 + i * 0.001 : truth(rng);
        c.rootDistance = lambda(rng);
        c.jitter = jitter(rng);
        c.rootDelay = 0.01;
        c.rootDispersion = 0.001;
        list.append(c);
    }
    return list;
}

// Reference cluster: O(n²) per round, as the RFC's skeleton formulates it.
QList<int> referenceCluster(QList<ClusterCandidate> candidates, int minSurvivors)
{
    std::stable_sort(candidates.begin(), candidates.end(), [](const ClusterCandidate &a, const ClusterCandidate &b) {
        return a.stratum * chronoscope::ntp::MAXDIST + a.rootDistance < b.stratum * chronoscope::ntp::MAXDIST + b.rootDistance;
    });
    for (;;) {
        double maxJitter = -1;
        int maxIndex = -1;
        double minPeer = 1e300;
        for (int i = 0; i < candidates.size(); ++i) {
            double sum = 0;
            for (int j = 0; j < candidates.size(); ++j)
                sum += (candidates[i].offset - candidates[j].offset) * (candidates[i].offset - candidates[j].offset);
            const double psi = std::sqrt(sum / double(candidates.size() - 1));
            if (psi > maxJitter) {
                maxJitter = psi;
                maxIndex = i;
            }
            minPeer = std::min(minPeer, candidates[i].jitter);
        }
        if (candidates.size() <= minSurvivors || maxJitter <= minPeer)
            break;
        candidates.removeAt(maxIndex);
    }
    QList<int> ids;
    for (const ClusterCandidate &c : candidates)
        ids.append(c.id);
    return ids;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main()
{
    std::mt19937 rng(2026);
    const QList<SelectionCandidate> candidates = makeCandidates(rng);

    SelectionResult result;
    auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < ROUNDS; ++r)
        result = selectSources(candidates);
    const double ours = secondsSince(start) / ROUNDS;

    // The peer clusters the same truechimers.
    QList<ClusterCandidate> truechimers;
    for (const CandidateVerdict &v : result.verdicts)
        if (v.verdict != Verdict::Falseticker && v.verdict != Verdict::Unusable)
            truechimers.append({v.id, candidates[v.id].offset, candidates[v.id].jitter, candidates[v.id].rootDistance,
                                candidates[v.id].stratum, false});
    QList<int> peerSurvivors;
    start = std::chrono::steady_clock::now();
    for (int r = 0; r < ROUNDS; ++r)
        peerSurvivors = referenceCluster(truechimers, 3);
    const double peer = secondsSince(start) / ROUNDS;
    QList<int> ourSurvivors = clusterSurvivors(truechimers, 3).survivors;

    // The engine runs selection at most every 50 ms (20 per second).
    std::printf("Selection + cluster + combine, %d servers (%d falsetickers), mean of %d runs\n", SERVERS, SERVERS / 10, ROUNDS);
    std::printf("  ours (full pipeline)             %10.3f ms per selection, %5.2f %% of one core at 20 selections/s,\n"
                "                                   %5.2f %% at the engine's rate for %d servers (%.0f per second)\n",
                ours * 1e3, ours * 20 * 100, ours * (2000.0 / SERVERS) * 100, SERVERS, 2000.0 / SERVERS);
    std::printf("  peer (reference O(n^2) cluster)  %10.3f ms per cluster step alone\n", peer * 1e3);
    std::printf("  ratio ours/peer                  %10.4f\n", ours / peer);
    std::printf("  truechimers %d, survivors %d, system offset %+.6f s, same survivors as the reference: %s\n",
                result.truechimers, result.survivors, result.offset.value_or(0), ourSurvivors == peerSurvivors ? "yes" : "NO");
    return ourSurvivors == peerSurvivors ? 0 : 1;
}
