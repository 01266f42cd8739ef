// SPDX-License-Identifier: GPL-3.0-or-later
// SampleHistory: ring buffer and min/max decimation.
#include <cmath>

#include <QTest>

#include "ui/charts/samplehistory.h"

using namespace chronoscope::ui;
using Metric = SampleHistory::Metric;

class TestSampleHistory : public QObject
{
    Q_OBJECT

private slots:
    void overwritesOldestWhenFull();
    void returnsPointsInRangeScaled();
    void decimationKeepsExtremes();
    void memoryIsCompact();
    void decimationCacheFollowsNewSamples();
};

void TestSampleHistory::overwritesOldestWhenFull()
{
    SampleHistory h(4);
    for (int i = 0; i < 6; ++i)
        h.append(100.0 + i, i * 0.001, 0.01, 0.0001);
    QCOMPARE(h.size(), 4);
    QCOMPARE(h.timeAt(0), 102.0);
    QCOMPARE(h.timeAt(3), 105.0);
    QCOMPARE(float(h.valueAt(3, Metric::Offset)), 0.005f);
}

void TestSampleHistory::returnsPointsInRangeScaled()
{
    SampleHistory h(100);
    for (int i = 0; i < 10; ++i)
        h.append(1000.0 + i, 0.001 * i, 0.002, 0.0003);
    const QList<QPointF> points = h.points(Metric::Offset, 1003.0, 1006.0, 1000, 1e3);
    QCOMPARE(points.size(), 4);
    QCOMPARE(points.first().x(), 1003000.0);
    QCOMPARE(points.last().x(), 1006000.0);
    QVERIFY(qAbs(points.last().y() - 6.0) < 1e-4); // 6 ms in ms
    QCOMPARE(h.maxMagnitude(Metric::Offset, 0, 2000), double(0.009f));
    QCOMPARE(h.minPositive(Metric::Offset, 0, 2000), double(0.001f));
}

void TestSampleHistory::decimationKeepsExtremes()
{
    SampleHistory h(100000);
    for (int i = 0; i < 86400; ++i)
        h.append(i, (i == 40000 ? 5.0 : i == 70000 ? -3.0 : 0.001 * std::sin(i / 100.0)), 0.01, 0.001);
    const QList<QPointF> points = h.points(Metric::Offset, 0, 86400, 1000, 1.0);
    QVERIFY(points.size() <= 1000);
    QVERIFY2(points.size() >= 250, qPrintable(QString::number(points.size())));
    double maxY = -1e9;
    double minY = 1e9;
    for (int i = 0; i < points.size(); ++i) {
        maxY = std::max(maxY, points[i].y());
        minY = std::min(minY, points[i].y());
        if (i > 0)
            QVERIFY(points[i].x() >= points[i - 1].x()); // time order kept
    }
    QCOMPARE(maxY, 5.0);
    QCOMPARE(minY, -3.0);
}

void TestSampleHistory::memoryIsCompact()
{
    SampleHistory h;
    for (int i = 0; i < SampleHistory::DEFAULT_CAPACITY; ++i)
        h.append(i, 0, 0, 0);
    // 8 bytes of time + 3 × 4 bytes of values per sample.
    QCOMPARE(h.memoryBytes(), size_t(SampleHistory::DEFAULT_CAPACITY) * 20);
}

void TestSampleHistory::decimationCacheFollowsNewSamples()
{
    // A live chart: the cached buckets must give what a fresh history gives after each append.
    SampleHistory live(50000);
    for (int i = 0; i < 40000; ++i)
        live.append(i, std::sin(i / 50.0), 0.01, 0.001);
    for (int step = 0; step < 5; ++step) {
        live.append(40000 + step, step == 3 ? 9.0 : 0.5, 0.01, 0.001);
        const double to = 40000 + step;
        const QList<QPointF> cached = live.points(Metric::Offset, to - 36000, to, 600, 1.0);
        SampleHistory fresh(50000);
        for (int i = 0; i < live.size(); ++i)
            fresh.append(live.timeAt(i), live.valueAt(i, Metric::Offset), 0.01, 0.001);
        QCOMPARE(cached, fresh.points(Metric::Offset, to - 36000, to, 600, 1.0));
        QVERIFY(cached.size() <= 600);
    }
    // The spike at t = 40003 is the maximum of the last bucket.
    double peak = 0;
    for (const QPointF &p : live.points(Metric::Offset, 0, 40004, 600, 1.0))
        peak = std::max(peak, p.y());
    QCOMPARE(peak, 9.0);
    // Overwriting the ring drops the oldest buckets.
    SampleHistory ring(1000);
    for (int i = 0; i < 5000; ++i)
        ring.append(i, i < 4000 ? 100.0 : 1.0, 0.01, 0.001);
    const QList<QPointF> recent = ring.points(Metric::Offset, 0, 5000, 100, 1.0);
    QVERIFY(!recent.isEmpty());
    QVERIFY(recent.first().x() >= 4000 * 1000.0);
    for (const QPointF &p : recent)
        QCOMPARE(p.y(), 1.0); // nothing from the overwritten samples
}

QTEST_GUILESS_MAIN(TestSampleHistory)
#include "tst_samplehistory.moc"
