// SPDX-License-Identifier: GPL-3.0-or-later
// Whole selection pipeline: fitness, intersection, cluster, combine and the chrony-style options.
// Expected values are worked out by hand in the comments (seconds unless stated).
#include <QTest>

#include <cmath>

#include "core/stats/sourceselector.h"

using namespace chronoscope::stats;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(chronoscope::stats::SelectionCandidate)

class TstSourceSelector : public QObject
{
    Q_OBJECT
private slots:
    void threeAgreeOneFarOff();
    void twoAgainstTwo();
    void fiveWithTwoFalse();
    void clusterWorkedExample();
    void prefer();
    void noselect();
    void require();
    void minsources();
    void trust();
    void fitnessReasons_data();
    void fitnessReasons();
    void emptyAndAllUnfit();
};

namespace {

SelectionCandidate candidate(int id, double offset, double rootDistance, double jitter = 1e-4, int stratum = 2)
{
    SelectionCandidate c;
    c.id = id;
    c.name = u"s%1"_s.arg(id);
    c.reachable = true;
    c.hasSample = true;
    c.synchronised = true;
    c.stratum = stratum;
    c.offset = offset;
    c.rootDistance = rootDistance;
    c.jitter = jitter;
    c.rootDelay = 0.010;
    c.rootDispersion = 0.002;
    return c;
}

QList<Verdict> verdicts(const SelectionResult &r)
{
    QList<Verdict> list;
    for (const CandidateVerdict &v : r.verdicts)
        list.append(v.verdict);
    return list;
}

} // namespace

void TstSourceSelector::threeAgreeOneFarOff()
{
    // S1 of NTP-NOTES §3.8.
    const QList<SelectionCandidate> input{candidate(0, 0.010, 0.020), candidate(1, 0.012, 0.015),
                                          candidate(2, 0.008, 0.025), candidate(3, 0.500, 0.020)};
    const SelectionResult r = selectSources(input);
    QVERIFY(r.synchronised);
    QCOMPARE(r.truechimers, 3);
    QCOMPARE(r.survivors, 3);
    QCOMPARE(r.verdicts[3].verdict, Verdict::Falseticker);
    QCOMPARE(r.verdicts[3].reason, u"disagrees with 3 other servers"_s);
    // Equal strata: the smallest λ (B, 15 ms) has the best merit and is the system peer.
    QCOMPARE(r.sysPeerId, 1);
    QCOMPARE(verdicts(r), (QList<Verdict>{Verdict::Candidate, Verdict::SysPeer, Verdict::Candidate, Verdict::Falseticker}));
    // Θ = Σ(θ/λ)/Σ(1/λ) = (0.5 + 0.8 + 0.32) / (50 + 66.667 + 40) = 1.62 / 156.667 = 0.0103404 s.
    QVERIFY(qAbs(*r.offset - 1.62 / (50.0 + 200.0 / 3.0 + 40.0)) < 1e-12);
    // Error bound = |Θ| + root dispersion + root delay / 2 of the system peer.
    QVERIFY(qAbs(*r.errorBound - (*r.offset + 0.002 + 0.005)) < 1e-12);
    QVERIFY(r.intersectionLow && qAbs(*r.intersectionLow + 0.003) < 1e-12);
    QVERIFY(r.intersectionHigh && qAbs(*r.intersectionHigh - 0.027) < 1e-12);
}

void TstSourceSelector::twoAgainstTwo()
{
    const QList<SelectionCandidate> input{candidate(0, 0, 0.010), candidate(1, 0.002, 0.010),
                                          candidate(2, 0.300, 0.010), candidate(3, 0.305, 0.010)};
    const SelectionResult r = selectSources(input);
    QVERIFY(!r.synchronised);
    QVERIFY(!r.offset);
    QCOMPARE(verdicts(r), QList<Verdict>(4, Verdict::Falseticker));
    QVERIFY(r.summary.contains(u"no majority"_s));
}

void TstSourceSelector::fiveWithTwoFalse()
{
    // S4: A B C survive, D (+0.4) and E (−0.35) are falsetickers.
    const QList<SelectionCandidate> input{candidate(0, 0, 0.05), candidate(1, 0.01, 0.04), candidate(2, -0.005, 0.06),
                                          candidate(3, 0.4, 0.03), candidate(4, -0.35, 0.03)};
    const SelectionResult r = selectSources(input);
    QVERIFY(r.synchronised);
    QCOMPARE(r.truechimers, 3);
    QCOMPARE(r.verdicts[3].verdict, Verdict::Falseticker);
    QCOMPARE(r.verdicts[4].verdict, Verdict::Falseticker);
    QCOMPARE(r.sysPeerId, 1); // smallest λ among the survivors (40 ms)
}

void TstSourceSelector::clusterWorkedExample()
{
    // NTP-NOTES §3.5/§3.6: A (1.0 ms, ψ 0.5, λ 20), B (1.4, 0.6, 25), C (0.8, 0.4, 15),
    // E (6.0, 0.5, 30), all stratum 1. All intervals overlap, so all four are truechimers;
    // the cluster prunes E; C is the system peer (lowest λ).
    const QList<SelectionCandidate> input{candidate(0, 1.0e-3, 20e-3, 0.5e-3, 1), candidate(1, 1.4e-3, 25e-3, 0.6e-3, 1),
                                          candidate(2, 0.8e-3, 15e-3, 0.4e-3, 1), candidate(3, 6.0e-3, 30e-3, 0.5e-3, 1)};
    const SelectionResult r = selectSources(input);
    QVERIFY(r.synchronised);
    QCOMPARE(r.truechimers, 4);
    QCOMPARE(verdicts(r), (QList<Verdict>{Verdict::Candidate, Verdict::Candidate, Verdict::SysPeer, Verdict::Outlier}));
    QVERIFY(r.verdicts[3].reason.contains(u"too far from the others"_s));
    // Θ = (1.0/20 + 1.4/25 + 0.8/15) / (1/20 + 1/25 + 1/15) ms = 0.159333 / 0.156667 = 1.01702 ms.
    QVERIFY(qAbs(*r.offset - 1.0170213e-3) < 1e-9);
    // PSI = sqrt(ψs² + ψp²) = sqrt(0.26 + 0.16) ms = 0.648 ms (ψs: B's selection jitter).
    QVERIFY(qAbs(*r.jitter - std::sqrt(0.42) * 1e-3) < 1e-9);
}

void TstSourceSelector::prefer()
{
    QList<SelectionCandidate> input{candidate(0, 0.010, 0.020), candidate(1, 0.012, 0.015), candidate(2, 0.008, 0.025)};
    input[2].prefer = true;
    const SelectionResult r = selectSources(input);
    QVERIFY(r.synchronised);
    // Only the preferred server is combined; it is the system peer despite its larger λ.
    QCOMPARE(r.sysPeerId, 2);
    QCOMPARE(*r.offset, 0.008);
    QCOMPARE(r.verdicts[0].verdict, Verdict::Outlier);
    QCOMPARE(r.verdicts[0].reason, u"not combined: a preferred server is available"_s);

    // A preferred falseticker does not capture the clock.
    input[2].offset = 0.5;
    const SelectionResult r2 = selectSources(input);
    QCOMPARE(r2.verdicts[2].verdict, Verdict::Falseticker);
    QCOMPARE(r2.sysPeerId, 1);
}

void TstSourceSelector::noselect()
{
    QList<SelectionCandidate> input{candidate(0, 0.010, 0.020), candidate(1, 0.012, 0.015), candidate(2, 0.008, 0.025)};
    input[1].noselect = true;
    const SelectionResult r = selectSources(input);
    QCOMPARE(r.verdicts[1].verdict, Verdict::Unusable);
    QVERIFY(r.verdicts[1].reason.contains(u"noselect"_s));
    QVERIFY(r.synchronised);
    QCOMPARE(r.truechimers, 2);
    QVERIFY(r.sysPeerId != 1);
}

void TstSourceSelector::require()
{
    QList<SelectionCandidate> input{candidate(0, 0.010, 0.020), candidate(1, 0.012, 0.015),
                                    candidate(2, 0.008, 0.025), candidate(3, 0.500, 0.020)};
    input[3].require = true; // the required server is a falseticker: nothing may be selected
    SelectionResult r = selectSources(input);
    QVERIFY(!r.synchronised);
    QCOMPARE(verdicts(r), (QList<Verdict>{Verdict::Outlier, Verdict::Outlier, Verdict::Outlier, Verdict::Falseticker}));
    QVERIFY(r.verdicts[0].reason.contains(u"require"_s));

    input[3].require = false;
    input[0].require = true; // a required truechimer: normal selection
    r = selectSources(input);
    QVERIFY(r.synchronised);
    QCOMPARE(r.survivors, 3);
}

void TstSourceSelector::minsources()
{
    const QList<SelectionCandidate> input{candidate(0, 0.010, 0.020), candidate(1, 0.012, 0.015),
                                          candidate(2, 0.008, 0.025), candidate(3, 0.500, 0.020)};
    SelectionOptions options;
    options.minSources = 4; // only 3 truechimers
    SelectionResult r = selectSources(input, options);
    QVERIFY(!r.synchronised);
    QCOMPARE(r.verdicts[0].verdict, Verdict::Outlier);
    QVERIFY(r.summary.contains(u"minsources"_s));
    options.minSources = 3;
    r = selectSources(input, options);
    QVERIFY(r.synchronised);
    // S5 with minsources 2: a single source cannot synchronise.
    options.minSources = 2;
    QVERIFY(!selectSources({candidate(0, 0.123, 0.05)}, options).synchronised);
    QVERIFY(selectSources({candidate(0, 0.123, 0.05)}).synchronised);
}

void TstSourceSelector::trust()
{
    // One trusted server at 0, three untrusted ones agreeing with each other at 0.5 s: only
    // the trusted one votes, so the three become falsetickers (chrony's T).
    QList<SelectionCandidate> input{candidate(0, 0.0, 0.01), candidate(1, 0.5, 0.01), candidate(2, 0.501, 0.01),
                                    candidate(3, 0.499, 0.01)};
    input[0].trust = true;
    const SelectionResult r = selectSources(input);
    QVERIFY(r.synchronised);
    QCOMPARE(r.sysPeerId, 0);
    QCOMPARE(*r.offset, 0.0);
    for (int i = 1; i < 4; ++i) {
        QCOMPARE(r.verdicts[i].verdict, Verdict::Falseticker);
        QCOMPARE(r.verdicts[i].reason, u"disagrees with the trusted server(s)"_s);
    }
    // Without trust the three form the majority and the lone server is the falseticker.
    input[0].trust = false;
    QCOMPARE(selectSources(input).verdicts[0].verdict, Verdict::Falseticker);
}

void TstSourceSelector::fitnessReasons_data()
{
    QTest::addColumn<SelectionCandidate>("input");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("reason");

    SelectionCandidate far = candidate(0, 0, 2.1);
    QTest::newRow("root distance") << far << int(Verdict::Unusable) << u"root distance 2.1 s is above the 1.5 s limit"_s;
    SelectionCandidate s16 = candidate(0, 0, 0.01, 1e-4, 16);
    QTest::newRow("stratum 16") << s16 << int(Verdict::Unusable) << u"stratum 16: the server is not synchronised"_s;
    SelectionCandidate leap = candidate(0, 0, 0.01);
    leap.synchronised = false;
    QTest::newRow("leap 3") << leap << int(Verdict::Unusable) << u"the server says its clock is not synchronised"_s;
    SelectionCandidate jittery = candidate(0, 0, 0.5, 1.3);
    QTest::newRow("jitter") << jittery << int(Verdict::Jittery) << u"jitter 1.3 s is above the 1.0 s limit"_s;
    SelectionCandidate noSample = candidate(0, 0, 0.01);
    noSample.hasSample = false;
    QTest::newRow("no sample") << noSample << int(Verdict::Unusable) << u"no valid sample yet"_s;
    SelectionCandidate unreachable = candidate(0, 0, 0.01);
    unreachable.reachable = false;
    QTest::newRow("unreachable") << unreachable << int(Verdict::Unusable) << u"not reachable"_s;
}

void TstSourceSelector::fitnessReasons()
{
    QFETCH(SelectionCandidate, input);
    QFETCH(int, verdict);
    QFETCH(QString, reason);
    // The unfit server plus two good ones: the verdict is about the first only.
    const SelectionResult r = selectSources({input, candidate(1, 0.001, 0.02), candidate(2, 0.002, 0.02)});
    QCOMPARE(int(r.verdicts[0].verdict), verdict);
    QCOMPARE(r.verdicts[0].reason, reason);
    QVERIFY(r.synchronised);
}

void TstSourceSelector::emptyAndAllUnfit()
{
    QVERIFY(!selectSources({}).synchronised);
    SelectionCandidate bad = candidate(0, 0, 5.0);
    const SelectionResult r = selectSources({bad});
    QVERIFY(!r.synchronised);
    QCOMPARE(r.summary, u"no server is usable"_s);
}

QTEST_APPLESS_MAIN(TstSourceSelector)
#include "tst_sourceselector.moc"
