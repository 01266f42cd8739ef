// SPDX-License-Identifier: GPL-3.0-or-later
// Intersection algorithm against the scenarios of NTP-NOTES §3.8 (expected results worked out by
// hand from the RFC 5905 §11.2.1 prose; see the comments per row).
#include <QTest>

#include "core/stats/intersection.h"

using namespace chronoscope::stats;

class TstIntersection : public QObject
{
    Q_OBJECT
private slots:
    void scenarios_data();
    void scenarios();
    void emptyInput();
};

using Intervals = QList<CorrectnessInterval>;
using Flags = QList<bool>;

void TstIntersection::scenarios_data()
{
    QTest::addColumn<Intervals>("intervals");
    QTest::addColumn<bool>("found");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("falsetickers");
    QTest::addColumn<Flags>("truechimers");

    // S1: three agree, D is 0.5 s away. f = 1: lows C −0.017, A −0.010, B −0.003 → l = −0.003;
    // highs (down) D, then B 0.027 is the third → u = 0.027; one midpoint (D's) passed.
    QTest::newRow("S1 3 agree + 1 far off") << Intervals{{0.010, 0.020}, {0.012, 0.015}, {0.008, 0.025}, {0.500, 0.020}}
                                           << true << -0.003 << 0.027 << 1 << Flags{true, true, true, false};
    // S2: two against two: no clique of 3 at f = 1, and f = 2 is not < 4/2.
    QTest::newRow("S2 two against two") << Intervals{{0, 0.010}, {0.002, 0.010}, {0.300, 0.010}, {0.305, 0.010}}
                                        << false << 0.0 << 0.0 << 0 << Flags{false, false, false, false};
    // S3: C overlaps A and B only on [0.5, 1]; at f = 0 two midpoints fall before l = 0.5, so
    // f = 1 gives [−1, 1] and C's midpoint 1.5 is outside (RFC result A B).
    QTest::newRow("S3 overlap without midpoint") << Intervals{{0, 1.0}, {0, 1.0}, {1.5, 1.0}}
                                                 << true << -1.0 << 1.0 << 1 << Flags{true, true, false};
    // S4: five servers, two false (D +0.4, E −0.35): f = 2 gives [−0.03, 0.05].
    QTest::newRow("S4 five with two false") << Intervals{{0, 0.05}, {0.01, 0.04}, {-0.005, 0.06}, {0.4, 0.03}, {-0.35, 0.03}}
                                            << true << -0.03 << 0.05 << 2 << Flags{true, true, true, false, false};
    // S5: a single source is its own intersection.
    QTest::newRow("S5 single source") << Intervals{{0.123, 0.05}} << true << 0.073 << 0.173 << 0 << Flags{true};
    // S6: two agreeing: [max lows, min highs] = [−0.005, 0.01] at f = 0.
    QTest::newRow("S6 two agree") << Intervals{{0, 0.01}, {0.005, 0.01}} << true << -0.005 << 0.01 << 0 << Flags{true, true};
    // S7: two disagreeing: f would have to be 1, which is not < 2/2.
    QTest::newRow("S7 two disagree") << Intervals{{0, 0.01}, {0.5, 0.01}} << false << 0.0 << 0.0 << 0 << Flags{false, false};
    // Touching (our documented decision: closed intervals, chrony's tie rule). A [−1, 1] and
    // B [1, 3] only share the point 1; C [0, 2] contains it. At f = 0 the clique is the point
    // [1, 1] but two midpoints (A's 0, B's 2) lie outside it, so f = 1: l = 0 (A and C open),
    // u = 2 (B and C close), midpoints 0, 1, 2 are all in the CLOSED [0, 2]: all three survive.
    // With open intervals A and B (midpoints on the boundary) would have been falsetickers.
    QTest::newRow("touching: closed intervals") << Intervals{{0, 1.0}, {2, 1.0}, {1, 1.0}}
                                                << true << 0.0 << 2.0 << 1 << Flags{true, true, true};
    // Two intervals that only touch: a single point [1, 1] at f = 0, but both midpoints lie
    // outside it, and f = 1 is not < 2/2: no majority (chrony would accept both: it has no
    // midpoint test).
    QTest::newRow("touching: two intervals") << Intervals{{0.5, 0.5}, {1.5, 0.5}} << false << 0.0 << 0.0 << 0
                                             << Flags{false, false};
    // Identical endpoints everywhere: one point, all midpoints on it.
    QTest::newRow("zero width, same point") << Intervals{{1.0, 0.0}, {1.0, 0.0}, {1.0, 0.0}} << true << 1.0 << 1.0 << 0
                                            << Flags{true, true, true};
}

void TstIntersection::scenarios()
{
    QFETCH(Intervals, intervals);
    QFETCH(bool, found);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, falsetickers);
    QFETCH(Flags, truechimers);

    const IntersectionResult result = findIntersection(intervals);
    QCOMPARE(result.found, found);
    QCOMPARE(result.truechimer, truechimers);
    if (found) {
        QVERIFY2(qAbs(result.low - low) < 1e-12, qPrintable(QString::number(result.low, 'g', 17)));
        QVERIFY2(qAbs(result.high - high) < 1e-12, qPrintable(QString::number(result.high, 'g', 17)));
        QCOMPARE(result.falsetickersAllowed, falsetickers);
    }
}

void TstIntersection::emptyInput()
{
    const IntersectionResult result = findIntersection({});
    QVERIFY(!result.found);
    QVERIFY(result.truechimer.isEmpty());
}

QTEST_APPLESS_MAIN(TstIntersection)
#include "tst_intersection.moc"
