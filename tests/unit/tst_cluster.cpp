// SPDX-License-Identifier: GPL-3.0-or-later
// Cluster algorithm: the worked example of NTP-NOTES §3.5 (values in seconds).
#include <QTest>

#include <cmath>

#include "core/stats/cluster.h"

using namespace chronoscope::stats;

class TstCluster : public QObject
{
    Q_OBJECT
private slots:
    void workedExample();
    void stopsWhenJitterBelowPeerJitter();
    void keepsPreferred();
};

namespace {

// A (1.0 ms, ψp 0.5 ms, λ 20 ms), B (1.4, 0.6, 25), C (0.8, 0.4, 15), E (6.0, 0.5, 30); stratum 1.
QList<ClusterCandidate> example()
{
    return {{0, 1.0e-3, 0.5e-3, 20e-3, 1, false},
            {1, 1.4e-3, 0.6e-3, 25e-3, 1, false},
            {2, 0.8e-3, 0.4e-3, 15e-3, 1, false},
            {3, 6.0e-3, 0.5e-3, 30e-3, 1, false}};
}

} // namespace

void TstCluster::workedExample()
{
    const QList<ClusterCandidate> candidates = example();
    // Round 1 selection jitters (by hand): A 2.898, B 2.688, C 3.024, E 4.940 ms.
    QVERIFY(qAbs(selectionJitter(candidates, 0) - 2.898e-3) < 1e-6);
    QVERIFY(qAbs(selectionJitter(candidates, 1) - 2.688e-3) < 1e-6);
    QVERIFY(qAbs(selectionJitter(candidates, 2) - 3.024e-3) < 1e-6);
    QVERIFY(qAbs(selectionJitter(candidates, 3) - 4.940e-3) < 1e-6);

    const ClusterResult result = clusterSurvivors(candidates, 3);
    QCOMPARE(result.outliers, QList<int>{3});
    // Survivors sorted by merit stratum·MAXDIST + λ: C (15 ms), A (20), B (25). C is the peer.
    QCOMPARE(result.survivors, (QList<int>{2, 0, 1}));
    // Final ψs = max over A, B, C: B's sqrt(((1.4−1.0)² + (1.4−0.8)²)/2) ms = sqrt(0.26) ms.
    QVERIFY(qAbs(result.selectionJitter - std::sqrt(0.26) * 1e-3) < 1e-9);
}

void TstCluster::stopsWhenJitterBelowPeerJitter()
{
    // Four close servers, each with a peer jitter of 1 ms: every selection jitter (< 0.1 ms)
    // is below the smallest peer jitter, so nothing is pruned although n > 3.
    const QList<ClusterCandidate> candidates{{0, 0.0, 1e-3, 0.01, 2, false},
                                             {1, 0.05e-3, 1e-3, 0.01, 2, false},
                                             {2, -0.05e-3, 1e-3, 0.01, 2, false},
                                             {3, 0.02e-3, 1e-3, 0.01, 2, false}};
    const ClusterResult result = clusterSurvivors(candidates, 3);
    QVERIFY(result.outliers.isEmpty());
    QCOMPARE(result.survivors.size(), 4);
}

void TstCluster::keepsPreferred()
{
    QList<ClusterCandidate> candidates = example();
    candidates[3].keep = true; // E preferred: the next-worst (C, 3.024 ms) goes instead
    const ClusterResult result = clusterSurvivors(candidates, 3);
    QCOMPARE(result.outliers, QList<int>{2});
    QVERIFY(result.survivors.contains(3));
}

QTEST_APPLESS_MAIN(TstCluster)
#include "tst_cluster.moc"
