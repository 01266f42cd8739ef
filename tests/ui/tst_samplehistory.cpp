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
    QVERIFY(points.size() >= 900);
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

QTEST_GUILESS_MAIN(TestSampleHistory)
#include "tst_samplehistory.moc"
