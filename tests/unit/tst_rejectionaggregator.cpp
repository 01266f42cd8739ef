// SPDX-License-Identifier: GPL-3.0-or-later
// RejectionAggregator: exact counts per reason, one summary per poll interval, bounded reasons.
#include <QTest>

#include "core/engine/rejectionaggregator.h"

using namespace Qt::StringLiterals;
using chronoscope::engine::RejectionAggregator;

class TestRejectionAggregator : public QObject
{
    Q_OBJECT

private slots:
    void countsEveryDatagramExactly();
    void reportsAtMostOncePerInterval();
    void takeAtStopIgnoresTheInterval();
    void boundsTheNumberOfReasons();
};

void TestRejectionAggregator::countsEveryDatagramExactly()
{
    RejectionAggregator aggregator;
    QVERIFY(aggregator.isEmpty());
    QVERIFY(!aggregator.takeIfDue(100, 64));
    for (int i = 0; i < 100000; ++i)
        aggregator.add(u"bogus_origin"_s, u"origin %1"_s.arg(i), 100 + i * 1e-5);
    for (int i = 0; i < 37; ++i)
        aggregator.add(u"malformed"_s, u"length %1"_s.arg(i), 101);
    QCOMPARE(aggregator.pendingTotal(), 100037);
    const auto summary = aggregator.takeIfDue(102, 64);
    QVERIFY(summary);
    QCOMPARE(summary->total, 100037);
    QCOMPARE(summary->counts.value(u"bogus_origin"_s), 100000);
    QCOMPARE(summary->counts.value(u"malformed"_s), 37);
    QCOMPARE(summary->counts.size(), 2);
    // Only the first detail of each reason is kept.
    QCOMPARE(summary->examples.value(u"bogus_origin"_s), u"origin 0"_s);
    QCOMPARE(summary->examples.value(u"malformed"_s), u"length 0"_s);
    QCOMPARE(summary->time, 102.0);
    QCOMPARE(summary->windowSeconds, 2.0);
    QVERIFY(aggregator.isEmpty());
}

void TestRejectionAggregator::reportsAtMostOncePerInterval()
{
    RejectionAggregator aggregator;
    aggregator.add(u"malformed"_s, {}, 10);
    QVERIFY(aggregator.takeIfDue(10, 64)); // the first report is not delayed
    int reports = 0;
    int reported = 0;
    // 1000 datagrams a second for 640 s, asked for a report after each second: 10 reports.
    for (int second = 1; second <= 640; ++second) {
        for (int i = 0; i < 1000; ++i)
            aggregator.add(u"malformed"_s, {}, 10 + second - 0.5);
        if (const auto summary = aggregator.takeIfDue(10 + second, 64)) {
            ++reports;
            reported += summary->total;
            QCOMPARE(summary->windowSeconds, 64.0);
        }
    }
    QCOMPARE(reports, 10);
    QCOMPARE(reported, 640000);
    QVERIFY(aggregator.isEmpty());
}

void TestRejectionAggregator::takeAtStopIgnoresTheInterval()
{
    RejectionAggregator aggregator;
    aggregator.add(u"wrong_source"_s, u"from 127.0.0.9"_s, 50);
    QVERIFY(aggregator.takeIfDue(50, 64));
    aggregator.add(u"wrong_source"_s, u"from 127.0.0.9"_s, 51);
    QVERIFY(!aggregator.takeIfDue(52, 64));
    const auto last = aggregator.take(52);
    QVERIFY(last);
    QCOMPARE(last->total, 1);
    QVERIFY(!aggregator.take(53));
}

void TestRejectionAggregator::boundsTheNumberOfReasons()
{
    RejectionAggregator aggregator;
    for (int i = 0; i < 1000; ++i)
        aggregator.add(u"reason_%1"_s.arg(i), u"detail"_s, 1);
    const auto summary = aggregator.take(2);
    QVERIFY(summary);
    QCOMPARE(summary->total, 1000);
    QCOMPARE(summary->counts.size(), RejectionAggregator::MAX_REASONS);
    QVERIFY(summary->examples.size() < RejectionAggregator::MAX_REASONS);
    int sum = 0;
    for (int count : summary->counts)
        sum += count;
    QCOMPARE(sum, 1000);
    QCOMPARE(summary->counts.value(u"other"_s), 1000 - (RejectionAggregator::MAX_REASONS - 1));
}

QTEST_GUILESS_MAIN(TestRejectionAggregator)
#include "tst_rejectionaggregator.moc"
