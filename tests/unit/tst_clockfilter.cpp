// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 5905 §10 clock filter (NTP-NOTES §2.2 and §2.3). Expected values are worked out by hand in
// the comments, from the formulas in the notes, not taken from running the code.
#include <QTest>

#include <cmath>

#include "core/stats/clockfilter.h"
#include "tests/unit/checknear.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::stats;
using chronoscope::ntp::MAXDISP;
using chronoscope::ntp::PHI;

namespace {

constexpr double RHO = 1.0 / 1048576.0; // 2^-20 s
constexpr double POLL = 64.0;

// Dispersion of an empty 8-stage register: Σ_{i=0..7} 16 / 2^(i+1) = 16 · (1 − 2^-8) = 15.9375 s.
constexpr double EMPTY_DISPERSION = 16.0 * (1.0 - 1.0 / 256.0);

} // namespace

class TstClockFilter : public QObject
{
    Q_OBJECT

private slots:
    void emptyFilter();
    void dispersionAfterFirstSamples_data();
    void dispersionAfterFirstSamples();
    void workedExample();
    void workedExampleOtherEpoch();
    void dispersionAgesWithTime();
    void jitterNeverBelowPrecision();
    void primeDirectiveSameSample();
    void primeDirectiveOlderSample();
    void popcornSpikeSuppressed();
    void popcornSpikeAfterLongGapAccepted();
    void spikeGateNeedsValidPeer();
    void addDummy();
    void dummiesFlushTheRegister();
    void oldestSampleShiftedOut();
    void shorterRegister();
    void reset();
};

void TstClockFilter::emptyFilter()
{
    const ClockFilter f(RHO);
    const FilterOutput out = f.evaluate(1000.0);
    QCOMPARE(out.validStages, 0);
    QCOMPARE(out.chosenStage, -1);
    QVERIFY(!out.updated);
    QCOMPARE(out.dispersion, EMPTY_DISPERSION);
    for (const FilterStage &s : f.stages()) {
        QVERIFY(!s.valid);
        QCOMPARE(s.delay, MAXDISP);
        QCOMPARE(s.dispersion, MAXDISP);
    }
}

void TstClockFilter::dispersionAfterFirstSamples_data()
{
    QTest::addColumn<int>("samples");
    QTest::addColumn<double>("expected");

    // k samples with ε ≈ 0 taken at the same instant leave 8 − k empty stages at ranks k..7:
    //   Σ_{i=k..7} 16 / 2^(i+1) = 16 · (2^-k − 2^-8)
    //   k = 1: 7.9375, 2: 3.9375, 3: 1.9375, 4: 0.9375 (NTP-NOTES: 7.94, 3.94, 1.94, 0.94 s)
    QTest::newRow("1") << 1 << 7.9375;
    QTest::newRow("2") << 2 << 3.9375;
    QTest::newRow("3") << 3 << 1.9375;
    QTest::newRow("4") << 4 << 0.9375;
    QTest::newRow("8") << 8 << 0.0;
}

void TstClockFilter::dispersionAfterFirstSamples()
{
    QFETCH(int, samples);
    QFETCH(double, expected);
    ClockFilter f(RHO);
    FilterOutput out;
    // Samples at 1 ms spacing with ε = 1e-6: the valid stages add at most 1e-6 s in total.
    for (int i = 0; i < samples; ++i)
        out = f.addSample(0.001, 0.020 + 0.001 * i, 1e-6, 5000.0 + 0.001 * i, POLL);
    QCOMPARE(out.validStages, samples);
    CHECK_NEAR(out.dispersion, expected, 2e-6);
}

void TstClockFilter::workedExample()
{
    // NTP-NOTES §2.2. Samples every 64 s from t = 0, (offset ms, delay ms):
    //   t=0 (1.2,30)  t=64 (1.5,28)  t=128 (0.9,25)  t=192 (3.0,45)
    //   t=256 (1.1,27) t=320 (1.0,22) t=384 (8.0,80) t=448 (1.3,26)
    // Sample dispersion ε0 = ρr + ρs + PHI·δ with ρr = ρs = 2^-20; evaluated at t = 448 s.
    //
    // Sorted by delay, each stage's ε at t = 448 is 2^-19 + PHI·δ + PHI·(448 − t):
    //   rank 0  δ=22 t=320  1.9073e-6 + 3.30e-7 + 1.920e-3 = 1.922237e-3   /2   = 9.611187e-4
    //   rank 1  δ=25 t=128  1.9073e-6 + 3.75e-7 + 4.800e-3 = 4.802282e-3   /4   = 1.2005706e-3
    //   rank 2  δ=26 t=448  1.9073e-6 + 3.90e-7 + 0        = 2.297349e-6   /8   = 2.871686e-7
    //   rank 3  δ=27 t=256  1.9073e-6 + 4.05e-7 + 2.880e-3 = 2.882312e-3   /16  = 1.801445e-4
    //   rank 4  δ=28 t=64   1.9073e-6 + 4.20e-7 + 5.760e-3 = 5.762327e-3   /32  = 1.800727e-4
    //   rank 5  δ=30 t=0    1.9073e-6 + 4.50e-7 + 6.720e-3 = 6.722357e-3   /64  = 1.050368e-4
    //   rank 6  δ=45 t=192  1.9073e-6 + 6.75e-7 + 3.840e-3 = 3.842582e-3   /128 = 3.002018e-5
    //   rank 7  δ=80 t=384  1.9073e-6 + 1.20e-6 + 0.960e-3 = 9.631073e-4   /256 = 3.762138e-6
    //   εp = Σ = 2.661013e-3 s ≈ 2.661 ms
    // Jitter: θ0 = 1.0 ms against the other seven offsets (in delay order 0.9, 1.3, 1.1, 1.5,
    //   1.2, 3.0, 8.0 ms):
    //   (1.0−0.9)²+(1.0−1.3)²+(1.0−1.1)²+(1.0−1.5)²+(1.0−1.2)²+(1.0−3.0)²+(1.0−8.0)²
    //   = 0.01+0.09+0.01+0.25+0.04+4+49 = 53.40 ms²; ψp = sqrt(53.40/7) = 2.7620 ms
    const double offsets[] = {1.2, 1.5, 0.9, 3.0, 1.1, 1.0, 8.0, 1.3};
    const double delays[] = {30, 28, 25, 45, 27, 22, 80, 26};
    ClockFilter f(2 * RHO);
    FilterOutput out;
    for (int i = 0; i < 8; ++i) {
        const double delay = delays[i] * 1e-3;
        out = f.addSample(offsets[i] * 1e-3, delay, 2 * RHO + PHI * delay, 64.0 * i, POLL);
    }
    QCOMPARE(out.validStages, 8);
    CHECK_NEAR(out.offset, 0.001, 1e-12);
    CHECK_NEAR(out.delay, 0.022, 1e-12);
    QCOMPARE(out.time, 320.0);
    QCOMPARE(out.chosenStage, 2); // newest first: t=448 is 0, t=384 is 1, t=320 is 2
    CHECK_NEAR(out.dispersion, 2.661013e-3, 2e-9);
    CHECK_NEAR(out.jitter, std::sqrt(53.40 / 7.0) * 1e-3, 1e-9);
    CHECK_NEAR(out.jitter, 2.762e-3, 1e-6);
    // An idle evaluation at the same instant gives the same numbers.
    const FilterOutput again = f.evaluate(448.0);
    CHECK_NEAR(again.dispersion, out.dispersion, 1e-15);
    QCOMPARE(again.offset, out.offset);
    QCOMPARE(again.jitter, out.jitter);
}

void TstClockFilter::workedExampleOtherEpoch()
{
    // The same example on a Unix time axis (what the engine passes): only differences matter.
    const double offsets[] = {1.2, 1.5, 0.9, 3.0, 1.1, 1.0, 8.0, 1.3};
    const double delays[] = {30, 28, 25, 45, 27, 22, 80, 26};
    const double t0 = 1700000000.0;
    ClockFilter f(2 * RHO);
    FilterOutput out;
    for (int i = 0; i < 8; ++i) {
        const double delay = delays[i] * 1e-3;
        out = f.addSample(offsets[i] * 1e-3, delay, 2 * RHO + PHI * delay, t0 + 64.0 * i, POLL);
    }
    QCOMPARE(out.time, t0 + 320.0);
    CHECK_NEAR(out.dispersion, 2.661013e-3, 2e-9);
    CHECK_NEAR(out.jitter, 2.762e-3, 1e-6);
}

void TstClockFilter::dispersionAgesWithTime()
{
    // One sample with ε = 1 ms at t = 100: at t = 100 + 1000 its ε is 1 ms + 15 ms = 16 ms, and
    // the filter dispersion is 16 ms / 2 + 7.9375 s.
    ClockFilter f(RHO);
    const FilterOutput first = f.addSample(0.002, 0.030, 0.001, 100.0, POLL);
    CHECK_NEAR(first.dispersion, 0.001 / 2 + 7.9375, 1e-12);
    CHECK_NEAR(f.evaluate(1100.0).dispersion, 0.016 / 2 + 7.9375, 1e-12);
    // Stored stages are aged only when something is shifted in, not by evaluate().
    QCOMPARE(f.stages()[0].dispersion, 0.001);
    // A second sample at t = 1100 ages the first by PHI · 1000 = 15 ms.
    f.addSample(0.002, 0.040, 0.001, 1100.0, POLL);
    CHECK_NEAR(f.stages()[1].dispersion, 0.016, 1e-12);
    // Aged dispersion saturates at MAXDISP: 2e6 s · 15e-6 = 30 s > 16 s.
    CHECK_NEAR(f.evaluate(2.0e6).dispersion, 16.0 / 2 + 16.0 / 4 + 16.0 * (0.25 - 1.0 / 256.0), 1e-9);
}

void TstClockFilter::jitterNeverBelowPrecision()
{
    constexpr double precision = 1e-6;
    ClockFilter f(precision);
    // One sample: nothing to compare against.
    FilterOutput out = f.addSample(0.005, 0.020, 1e-6, 10.0, POLL);
    QCOMPARE(out.jitter, precision);
    // Identical offsets: RMS 0, floored at the precision.
    for (int i = 1; i < 8; ++i)
        out = f.addSample(0.005, 0.020 + i * 0.001, 1e-6, 10.0 + 64.0 * i, POLL);
    QCOMPARE(out.jitter, precision);
    // Differences below the precision are floored too: offsets 0.1 µs apart → RMS 0.1 µs < 1 µs.
    ClockFilter g(precision);
    g.addSample(0.005, 0.020, 1e-6, 10.0, POLL);
    out = g.addSample(0.0050001, 0.021, 1e-6, 74.0, POLL);
    QCOMPARE(out.jitter, precision);
    // And a real difference shows: offsets 1 ms and 5 ms → ψ = 4 ms for the chosen 1 ms sample.
    ClockFilter h(precision);
    h.addSample(0.001, 0.020, 1e-6, 10.0, POLL);
    out = h.addSample(0.005, 0.030, 1e-6, 74.0, POLL);
    CHECK_NEAR(out.jitter, 0.004, 1e-12);
}

void TstClockFilter::primeDirectiveSameSample()
{
    ClockFilter f(RHO);
    const FilterOutput first = f.addSample(0.002, 0.020, 1e-6, 100.0, POLL);
    QVERIFY(first.updated);
    QCOMPARE(first.offset, 0.002);
    QCOMPARE(first.chosenStage, 0);
    // A worse (higher-delay) sample arrives: the chosen one is still the t = 100 sample, which was
    // already used, so the peer is not updated again.
    const FilterOutput second = f.addSample(0.009, 0.050, 1e-6, 164.0, POLL);
    QVERIFY(!second.updated);
    QVERIFY(!second.popcornSpike);
    QCOMPARE(second.offset, 0.002);
    QCOMPARE(second.delay, 0.020);
    QCOMPARE(second.time, 100.0);
    QCOMPARE(second.chosenStage, 1); // it moved one stage down the register
    // A better sample is newer than the last one used: update.
    const FilterOutput third = f.addSample(0.003, 0.010, 1e-6, 228.0, POLL);
    QVERIFY(third.updated);
    QCOMPARE(third.offset, 0.003);
    QCOMPARE(third.time, 228.0);
}

void TstClockFilter::primeDirectiveOlderSample()
{
    // The clock went backwards between samples: the new lowest-delay sample has a time before the
    // last one used. It must not be used (each sample at most once, never an older one).
    ClockFilter f(RHO);
    QVERIFY(f.addSample(0.002, 0.030, 1e-6, 1000.0, POLL).updated);
    const FilterOutput older = f.addSample(0.001, 0.010, 1e-6, 900.0, POLL);
    QVERIFY(!older.updated);
    QCOMPARE(older.offset, 0.002);
    QCOMPARE(older.time, 1000.0);
    QCOMPARE(f.lastOutput().offset, 0.002);
}

// Four calm samples at t = 1000, 1064, 1128, 1192, each with a lower delay than the last so that
// each is used: offsets 1.0, 1.1, 0.9, 1.0 ms, delays 30, 29, 28, 27 ms. After the fourth,
// θp = 1.0 ms and ψ = sqrt(((1.0−0.9)² + (1.0−1.1)² + (1.0−1.0)²) / 3) = sqrt(0.02/3) ms = 0.0816 ms,
// and εp ≈ 16·(2^-4 − 2^-8) = 0.94 s < MAXDIST (1.5 s), so the spike gate is armed (NTP-NOTES §2.3).
static bool feedCalm(ClockFilter &f, FilterOutput *last = nullptr)
{
    const double offsets[] = {0.0010, 0.0011, 0.0009, 0.0010};
    bool allUsed = true;
    for (int i = 0; i < 4; ++i) {
        const FilterOutput out = f.addSample(offsets[i], 0.030 - 0.001 * i, 1e-6, 1000.0 + 64.0 * i, POLL);
        allUsed = allUsed && out.updated && !out.popcornSpike;
        if (last)
            *last = out;
    }
    return allUsed;
}

void TstClockFilter::popcornSpikeSuppressed()
{
    ClockFilter f(1e-6);
    FilterOutput calm;
    QVERIFY(feedCalm(f, &calm));
    QCOMPARE(calm.offset, 0.0010);
    CHECK_NEAR(calm.jitter, std::sqrt(0.02 / 3.0) * 1e-3, 1e-12);
    QVERIFY(calm.dispersion < chronoscope::ntp::MAXDIST);

    // 64 s later (< 2 × poll) a lower-delay sample jumps to 5 ms: |5.0 − 1.0| = 4 ms > 3 × 0.0816 ms.
    const FilterOutput spike = f.addSample(0.0050, 0.020, 1e-6, 1256.0, POLL);
    QVERIFY(spike.popcornSpike);
    QVERIFY(!spike.updated);
    // The peer keeps reporting the sample in use.
    QCOMPARE(spike.offset, 0.0010);
    QCOMPARE(spike.delay, 0.027);
    QCOMPARE(spike.time, 1192.0);
    QCOMPARE(f.lastOutput().offset, 0.0010);

    // If the new level persists it is accepted: the jitter now includes the 5 ms sample
    // (ψ ≈ 4 ms), so 3ψ exceeds the 4 ms step.
    const FilterOutput persists = f.addSample(0.0051, 0.040, 1e-6, 1320.0, POLL);
    QVERIFY(!persists.popcornSpike);
    QVERIFY(persists.updated);
    QCOMPARE(persists.offset, 0.0050);
    QCOMPARE(persists.time, 1256.0);
}

void TstClockFilter::popcornSpikeAfterLongGapAccepted()
{
    // The same jump 200 s after the last update (≥ 2 × 64 s) is not a popcorn spike.
    ClockFilter f(1e-6);
    QVERIFY(feedCalm(f));
    const FilterOutput late = f.addSample(0.0050, 0.020, 1e-6, 1392.0, POLL);
    QVERIFY(!late.popcornSpike);
    QVERIFY(late.updated);
    QCOMPARE(late.offset, 0.0050);
    // A longer poll interval widens the window: with 256 s polls the 200 s gap is "soon".
    ClockFilter slow(1e-6);
    QVERIFY(feedCalm(slow));
    QVERIFY(slow.addSample(0.0050, 0.020, 1e-6, 1392.0, 256.0).popcornSpike);
    // And a small step soon after is not one either: |1.05 − 1.0| ms < 3 × 0.0816 ms.
    ClockFilter g(1e-6);
    QVERIFY(feedCalm(g));
    const FilterOutput small = g.addSample(0.00105, 0.020, 1e-6, 1256.0, POLL);
    QVERIFY(!small.popcornSpike);
    QVERIFY(small.updated);
}

void TstClockFilter::spikeGateNeedsValidPeer()
{
    // With one sample, ψ is only the precision floor (1 µs), which says nothing about the
    // server's noise. The gate applies only once the peer is valid (εp < MAXDIST, NTP-NOTES §2.3),
    // so a better second sample 1 ms away is used, not held back as a spike (εp ≈ 3.94 s).
    ClockFilter f(1e-6);
    QVERIFY(f.addSample(0.0010, 0.030, 1e-6, 1000.0, POLL).updated);
    const FilterOutput second = f.addSample(0.0020, 0.020, 1e-6, 1064.0, POLL);
    QVERIFY(second.dispersion > chronoscope::ntp::MAXDIST);
    QVERIFY(!second.popcornSpike);
    QVERIFY(second.updated);
    QCOMPARE(second.offset, 0.0020);
}

void TstClockFilter::addDummy()
{
    ClockFilter f(RHO);
    f.addSample(0.002, 0.020, 0.001, 100.0, POLL);
    // A dummy (0, MAXDISP, MAXDISP) stage goes in at the top; the sample moves to stage 1.
    const FilterOutput out = f.addDummy(164.0);
    QVERIFY(!out.updated);
    QVERIFY(!f.stages()[0].valid);
    QCOMPARE(f.stages()[0].delay, MAXDISP);
    QCOMPARE(f.stages()[0].dispersion, MAXDISP);
    QVERIFY(f.stages()[1].valid);
    QCOMPARE(out.validStages, 1);
    QCOMPARE(out.chosenStage, 1);
    QCOMPARE(out.offset, 0.002);
    // The real sample aged 64 s: ε = 0.001 + 64 · 15e-6 = 1.96 ms, rank 0 of 8:
    //   εp = 1.96 ms / 2 + 7.9375 s.
    CHECK_NEAR(f.stages()[1].dispersion, 0.00196, 1e-12);
    CHECK_NEAR(out.dispersion, 0.00196 / 2 + 7.9375, 1e-12);
    // A dummy never makes the peer "updated", and the next real sample is used normally.
    const FilterOutput next = f.addSample(0.003, 0.015, 0.001, 228.0, POLL);
    QVERIFY(next.updated);
    QCOMPARE(next.offset, 0.003);
    QCOMPARE(next.validStages, 2);
}

void TstClockFilter::dummiesFlushTheRegister()
{
    ClockFilter f(RHO);
    f.addSample(0.002, 0.020, 0.001, 100.0, POLL);
    FilterOutput out;
    for (int i = 1; i <= 7; ++i) {
        out = f.addDummy(100.0 + 64.0 * i);
        QCOMPARE(out.validStages, 1);
    }
    out = f.addDummy(100.0 + 64.0 * 8);
    QCOMPARE(out.validStages, 0);
    QCOMPARE(out.chosenStage, -1);
    QCOMPARE(out.dispersion, EMPTY_DISPERSION);
    // On an empty filter, a dummy changes nothing.
    ClockFilter empty(RHO);
    QCOMPARE(empty.addDummy(10.0).dispersion, EMPTY_DISPERSION);
    QCOMPARE(empty.lastOutput().validStages, 0);
}

void TstClockFilter::oldestSampleShiftedOut()
{
    // The lowest-delay sample leaves after 8 more shifts; the best of the rest is chosen then.
    ClockFilter f(RHO);
    FilterOutput out = f.addSample(0.001, 0.010, 1e-6, 0.0 + 50, POLL);
    for (int i = 1; i < 8; ++i) {
        out = f.addSample(0.002 + i * 1e-4, 0.020 + i * 0.001, 1e-6, 64.0 * i + 50, POLL);
        QCOMPARE(out.offset, 0.001);
    }
    out = f.addSample(0.0029, 0.030, 1e-6, 64.0 * 8 + 50, POLL);
    QCOMPARE(out.validStages, 8);
    // Remaining delays 21..27 ms and 30 ms: the 21 ms sample (t = 64 + 50, offset 2.1 ms) wins, and it
    // is newer than the one used last (t = 50), so it is used.
    QVERIFY(out.updated);
    CHECK_NEAR(out.offset, 0.0021, 1e-15);
    QCOMPARE(out.time, 114.0);
    QCOMPARE(out.chosenStage, 7);
}

void TstClockFilter::shorterRegister()
{
    // A 4-stage register (a 4-sample check): empty dispersion Σ_{i=0..3} 16 / 2^(i+1) = 15 s, and
    // four samples leave no 16 s stage behind.
    ClockFilter f(RHO, 4);
    QCOMPARE(f.stageCount(), 4);
    QCOMPARE(f.evaluate(0.0).dispersion, 15.0);
    FilterOutput out;
    for (int i = 0; i < 4; ++i)
        out = f.addSample(0.001, 0.020 + 0.001 * i, 1e-6, 100.0 + i, POLL);
    QCOMPARE(out.validStages, 4);
    // At t = 103 the stages (ε = 1 µs + 15 µs per second of age) sorted by delay are
    //   δ 20 ms aged 3 s: 46 µs / 2 + δ 21 ms aged 2 s: 31 µs / 4 + δ 22 ms aged 1 s: 16 µs / 8
    //   + δ 23 ms aged 0 s: 1 µs / 16 = 23 + 7.75 + 2 + 0.0625 = 32.8125 µs.
    CHECK_NEAR(out.dispersion, 32.8125e-6, 1e-12);
    out = f.addSample(0.001, 0.030, 1e-6, 104.0, POLL);
    QCOMPARE(out.validStages, 4);
}

void TstClockFilter::reset()
{
    ClockFilter f(RHO);
    f.addSample(0.002, 0.020, 0.001, 100.0, POLL);
    f.reset();
    QCOMPARE(f.evaluate(200.0).validStages, 0);
    QCOMPARE(f.evaluate(200.0).dispersion, EMPTY_DISPERSION);
    // After a reset, an earlier time is fine again (the prime directive starts over).
    QVERIFY(f.addSample(0.004, 0.020, 0.001, 50.0, POLL).updated);
}

QTEST_APPLESS_MAIN(TstClockFilter)

#include "tst_clockfilter.moc"
