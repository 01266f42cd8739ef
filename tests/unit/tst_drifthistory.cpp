// SPDX-License-Identifier: GPL-3.0-or-later
// DriftHistory: the compact ring of drift samples (issue 18) keeps the last `capacity` samples
// in order, grows its storage only as samples arrive, never past the capacity, keeps offsets
// exactly, the weight distance δ/2 + ε to float precision and times to the resolution
// drifthistory.h states, however long it runs.
#include <QTest>

#include <cmath>

#include "core/stats/drifthistory.h"
#include "core/stats/driftestimator.h"

using namespace chronoscope::stats;

class TstDriftHistory : public QObject
{
    Q_OBJECT
private slots:
    void emptyAtStart();
    void keepsTheLastSamplesInOrder();
    void storageGrowsWithTheSamplesUpToTheCapacity();
    void capacityThatIsNoPowerOfTwo();
    void offsetExactDistanceAndTimeToTheirPrecision();
    void timesStayPreciseOverALongRun_data();
    void timesStayPreciseOverALongRun();
    void clearForgetsEverything();
    void estimatorKeepsItsLast64();
};

void TstDriftHistory::emptyAtStart()
{
    const DriftHistory history(64);
    QVERIFY(history.isEmpty());
    QCOMPARE(history.size(), 0);
    QCOMPARE(history.capacity(), 64);
    QCOMPARE(history.reservedBytes(), 0); // nothing allocated before the first sample
}

void TstDriftHistory::keepsTheLastSamplesInOrder()
{
    DriftHistory history(8);
    for (int i = 0; i < 21; ++i) {
        history.push({100.0 + i, 1e-3 * i, 0.001, 0.0001});
        const int expected = std::min(i + 1, 8);
        QCOMPARE(history.size(), expected);
        // Oldest first, newest last, consecutive: the ring wrapped correctly after every push.
        for (int k = 0; k < expected; ++k)
            QCOMPARE(history.at(k).time, 100.0 + (i - expected + 1 + k));
        QCOMPARE(history.newest().time, 100.0 + i);
        QCOMPARE(history.oldest().time, 100.0 + (i - expected + 1));
        // copyPoints gives the same points in the same order, in one pass.
        DriftPoint points[8];
        history.copyPoints(points);
        for (int k = 0; k < expected; ++k) {
            QCOMPARE(points[k].time, history.at(k).time);
            QCOMPARE(points[k].offset, history.at(k).offset);
        }
    }
}

void TstDriftHistory::storageGrowsWithTheSamplesUpToTheCapacity()
{
    DriftHistory history(64);
    int previous = 0;
    for (int i = 0; i < 200; ++i) {
        history.push({double(i), 0, 0.001, 0});
        const int bytes = history.reservedBytes();
        QVERIFY2(bytes >= history.size() * 16, qPrintable(QString::number(bytes)));
        QVERIFY(bytes >= previous); // never shrinks, and...
        previous = bytes;
    }
    // ...ends exactly at the capacity: 64 samples of 16 bytes, no more.
    QCOMPARE(history.size(), 64);
    QCOMPARE(history.reservedBytes(), 64 * 16);
    // With 20 samples (a 20 s run at 1 s polls) it holds far less than the full ring.
    DriftHistory young(64);
    for (int i = 0; i < 20; ++i)
        young.push({double(i), 0, 0.001, 0});
    QVERIFY2(young.reservedBytes() <= 32 * 16, qPrintable(QString::number(young.reservedBytes())));
}

void TstDriftHistory::capacityThatIsNoPowerOfTwo()
{
    DriftHistory history(5);
    for (int i = 0; i < 12; ++i)
        history.push({double(i), double(i), 0.001, 0});
    QCOMPARE(history.size(), 5);
    QCOMPARE(history.reservedBytes(), 5 * 16);
    for (int k = 0; k < 5; ++k)
        QCOMPARE(history.at(k).offset, double(7 + k));
    // Capacity 0 or less is treated as 1: the newest sample is kept.
    DriftHistory one(0);
    one.push({1.0, 0.5, 0, 0});
    one.push({2.0, 0.25, 0, 0});
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.newest().offset, 0.25);
}

void TstDriftHistory::offsetExactDistanceAndTimeToTheirPrecision()
{
    DriftHistory history(4);
    const DriftSample first{1765000000.123456789, 0.25, 0.004, 1e-6};
    const DriftSample in{1765000001.123456789, -0.000012345678912345, 0.0123456789, 3.3e-7};
    history.push(first);
    history.push(in);
    const DriftPoint out = history.newest();
    QCOMPARE(out.offset, in.offset); // the fit is made of it: every bit kept
    const double distance = in.delay / 2.0 + in.dispersion;
    QVERIFY(std::abs(out.distance - distance) <= distance * 1e-7);
    // 1 s after the base: rounded to 2^-24 s, plus the 2.4e-7 s a double has at Unix times.
    QVERIFY2(std::abs(out.time - in.time) <= 3e-7, qPrintable(QString::number(out.time - in.time, 'g', 3)));
    QCOMPARE(history.oldest().time, first.time); // the base itself is exact
}

void TstDriftHistory::timesStayPreciseOverALongRun_data()
{
    QTest::addColumn<double>("interval");    // seconds between samples
    QTest::addColumn<double>("resolution");  // stated worst rounding (drifthistory.h), seconds
    QTest::newRow("1 s polls") << 1.0 << 15e-6;
    QTest::newRow("64 s polls") << 64.0 << 1e-3;
    QTest::newRow("1024 s polls") << 1024.0 << 16e-3;
}

void TstDriftHistory::timesStayPreciseOverALongRun()
{
    // 20,000 samples (1 s polls: 5.5 hours; 1024 s polls: 8 months) from a Unix time base: the
    // base keeps moving with the samples, so the kept times stay as precise as at the start.
    QFETCH(double, interval);
    QFETCH(double, resolution);
    DriftHistory history(64);
    const double start = 1765000000.5;
    double worst = 0;
    for (int i = 0; i < 20000; ++i) {
        history.push({start + i * interval, 0, 0.001, 0});
        if (i % 997 == 0 || i > 19990) {
            for (int k = 0; k < history.size(); ++k) {
                const double expected = start + (i - history.size() + 1 + k) * interval;
                worst = std::max(worst, std::abs(history.at(k).time - expected));
            }
        }
    }
    QVERIFY2(worst <= resolution, qPrintable(QString::number(worst, 'g', 3)));
    QCOMPARE(history.size(), 64);
}

void TstDriftHistory::clearForgetsEverything()
{
    DriftHistory history(3);
    for (int i = 0; i < 7; ++i)
        history.push({double(i), 0, 0, 0});
    history.clear();
    QVERIFY(history.isEmpty());
    history.push({42.0, 0, 0, 0});
    history.push({43.0, 0, 0, 0});
    QCOMPARE(history.oldest().time, 42.0);
    QCOMPARE(history.newest().time, 43.0);
}

void TstDriftHistory::estimatorKeepsItsLast64()
{
    // Through DriftEstimator: after 100 samples the fit spans exactly the last 64.
    DriftEstimator estimator(10.0);
    for (int i = 0; i < 100; ++i)
        estimator.add({i * 2.0, 1e-6 * i, 0.001, 0.0001});
    QCOMPARE(estimator.size(), DriftEstimator::MAX_SAMPLES);
    QCOMPARE(estimator.samples().oldest().time, 36 * 2.0);
    QCOMPARE(estimator.samples().newest().time, 99 * 2.0);
    QCOMPARE(estimator.estimate().span, 63 * 2.0);
}

QTEST_APPLESS_MAIN(TstDriftHistory)
#include "tst_drifthistory.moc"
