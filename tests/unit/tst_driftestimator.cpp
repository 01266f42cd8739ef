// SPDX-License-Identifier: GPL-3.0-or-later
// Weighted least-squares drift fit (NTP-NOTES §4.3). Sign: a growing offset (server − local)
// means the local clock falls behind, i.e. runs slow: negative freqPpm.
#include <QTest>

#include <cmath>
#include <random>

#include "core/stats/driftestimator.h"

using namespace chronoscope::stats;

class TstDriftEstimator : public QObject
{
    Q_OBJECT
private slots:
    void exactLineGivesExactFrequency();
    void noisyLineWithinStatedUncertainty();
    void weightsFavourShortExchanges();
    void meaningfulOnlyAfterSpanAndSamples();
    void keepsAtMost64Samples();
    void timeJumpResets();
    void combineWeightsBySkew();
};

void TstDriftEstimator::exactLineGivesExactFrequency()
{
    // θ(t) = 0.183 + 50e-6·t: the local clock loses 50 µs per second = −50 ppm = −4.32 s/day.
    DriftEstimator estimator(10.0);
    for (int i = 0; i < 20; ++i)
        estimator.add({1000.0 + i * 2.0, 0.183 + 50e-6 * i * 2.0, 0.001, 0.0001});
    const DriftEstimate e = estimator.estimate();
    QCOMPARE(e.samples, 20);
    QCOMPARE(e.span, 38.0);
    QVERIFY(qAbs(e.freqPpm + 50.0) < 1e-6);
    QVERIFY(e.skewPpm < 1e-6);
    QVERIFY(qAbs(e.offset - (0.183 + 50e-6 * 38.0)) < 1e-12); // fitted θ at the newest sample
    QVERIFY(qAbs(e.secondsPerDay() + 4.32) < 1e-6);
    QVERIFY(e.meaningful);
}

void TstDriftEstimator::noisyLineWithinStatedUncertainty()
{
    // +12.5 ppm (offset shrinking: the local clock gains) plus 20 µs Gaussian noise.
    std::mt19937 rng(12345);
    std::normal_distribution<double> noise(0.0, 20e-6);
    DriftEstimator estimator(10.0);
    for (int i = 0; i < 60; ++i)
        estimator.add({i * 1.0, -12.5e-6 * i + noise(rng), 0.001, 0.0001});
    const DriftEstimate e = estimator.estimate();
    // Expected standard error: σ / sqrt(Σ(t − t̄)²) = 20e-6 / sqrt(17995) = 0.149 ppm.
    QVERIFY2(qAbs(e.skewPpm - 0.149) < 0.05, qPrintable(QString::number(e.skewPpm)));
    QVERIFY2(qAbs(e.freqPpm - 12.5) < 3 * e.skewPpm, qPrintable(QString::number(e.freqPpm)));
    QVERIFY(qAbs(e.offsetStdDev - 20e-6) < 6e-6);
}

void TstDriftEstimator::weightsFavourShortExchanges()
{
    // A clean line through short exchanges, plus far-off points with 100× the distance: the
    // fit follows the short ones (weights 1/d²).
    DriftEstimator estimator(1.0);
    for (int i = 0; i < 10; ++i) {
        estimator.add({i * 10.0, 1e-6 * i * 10.0, 0.0002, 0.0});
        estimator.add({i * 10.0 + 5.0, 0.05, 0.02, 0.0});
    }
    const DriftEstimate e = estimator.estimate();
    QVERIFY2(qAbs(e.freqPpm + 1.0) < 0.1, qPrintable(QString::number(e.freqPpm)));
}

void TstDriftEstimator::meaningfulOnlyAfterSpanAndSamples()
{
    DriftEstimator estimator; // default: 60 s, 6 samples
    for (int i = 0; i < 5; ++i)
        estimator.add({i * 20.0, 0.0, 0.001, 0});
    QVERIFY(!estimator.estimate().meaningful); // 80 s but only 5 samples
    estimator.add({100.0, 0.0, 0.001, 0});
    QVERIFY(estimator.estimate().meaningful);

    DriftEstimator shortSpan;
    for (int i = 0; i < 30; ++i)
        shortSpan.add({i * 1.0, 0.0, 0.001, 0});
    QVERIFY(!shortSpan.estimate().meaningful); // 29 s < 60 s
    QVERIFY(!DriftEstimator().estimate().meaningful);
}

void TstDriftEstimator::keepsAtMost64Samples()
{
    DriftEstimator estimator;
    for (int i = 0; i < 100; ++i)
        estimator.add({i * 1.0, 0.0, 0.001, 0});
    QCOMPARE(estimator.size(), DriftEstimator::MAX_SAMPLES);
    QCOMPARE(estimator.estimate().span, 63.0);
}

void TstDriftEstimator::timeJumpResets()
{
    DriftEstimator estimator;
    for (int i = 0; i < 10; ++i)
        estimator.add({100.0 + i, 0.0, 0.001, 0});
    estimator.add({50.0, 0.0, 0.001, 0}); // time went backwards (clock stepped)
    QCOMPARE(estimator.size(), 1);
}

void TstDriftEstimator::combineWeightsBySkew()
{
    DriftEstimate a;
    a.meaningful = true;
    a.freqPpm = 10.0;
    a.skewPpm = 1.0;
    DriftEstimate b = a;
    b.freqPpm = 20.0;
    b.skewPpm = 2.0; // weight 1/4 of a's
    DriftEstimate c = a;
    c.freqPpm = 1000.0;
    c.meaningful = false; // ignored
    const DriftEstimate all[] = {a, b, c};
    const CombinedDrift combined = combineDrift(all, 3);
    QVERIFY(combined.meaningful);
    // (10·1 + 20·0.25) / 1.25 = 12 ppm; skew sqrt(1/1.25) = 0.894 ppm.
    QVERIFY(qAbs(combined.freqPpm - 12.0) < 1e-12);
    QVERIFY(qAbs(combined.skewPpm - std::sqrt(0.8)) < 1e-12);
    QVERIFY(!combineDrift(all + 2, 1).meaningful);
}

QTEST_APPLESS_MAIN(TstDriftEstimator)
#include "tst_driftestimator.moc"
