// SPDX-License-Identifier: GPL-3.0-or-later
// The plain-language headline shared by the GUI and the CLI (in English: no translator installed).
#include <QTest>

#include "core/report/headline.h"
#include "core/texts/headlinetext.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

class TstHeadline : public QObject
{
    Q_OBJECT
private slots:
    void behindAndLosing();
    void aheadAndGaining();
    void withinErrorBound();
    void driftNotYetMeaningful();
    void notSynchronised();
    void steadyAndWithoutBound();
    void severity();
};

namespace {

engine::SystemStatus synced(double offset, double bound)
{
    engine::SystemStatus s;
    s.synchronized = true;
    s.offset = offset;
    s.errorBound = bound;
    return s;
}

} // namespace

void TstHeadline::behindAndLosing()
{
    // +183 ms: the server is ahead, so the local clock is behind. −46.3 ppm loses 4.0 s/day.
    engine::SystemStatus s = synced(0.183, 0.012);
    s.driftMeaningful = true;
    s.freqPpm = -4.0 / 86400.0 * 1e6;
    s.skewPpm = 0.5;
    QCOMPARE(texts::HeadlineText::headline(s, true, false), u"Your clock is 183 ms behind (± 12.0 ms) and loses about 4.0 s per day"_s);
}

void TstHeadline::aheadAndGaining()
{
    engine::SystemStatus s = synced(-0.5, 0.02);
    s.driftMeaningful = true;
    s.freqPpm = 10.0; // gains 864 ms per day
    QCOMPARE(texts::HeadlineText::headline(s, true, false), u"Your clock is 500 ms ahead (± 20.0 ms) and gains about 864 ms per day"_s);
}

void TstHeadline::withinErrorBound()
{
    // |offset| ≤ bound / 2: the honest statement is the bound itself.
    QCOMPARE(texts::HeadlineText::headline(synced(0.000004, 0.00002), true, false), u"Your clock is correct to within 20.0 µs"_s);
}

void TstHeadline::driftNotYetMeaningful()
{
    engine::SystemStatus s = synced(0.183, 0.012);
    s.freqPpm = -46.0;
    s.driftMeaningful = false; // not enough span yet: no drift claim
    QCOMPARE(texts::HeadlineText::headline(s, true, false), u"Your clock is 183 ms behind (± 12.0 ms)"_s);
    QCOMPARE(texts::HeadlineText::driftPhrase(s), QString());
}

void TstHeadline::notSynchronised()
{
    engine::SystemStatus s;
    QVERIFY(texts::HeadlineText::headline(s, false, true).startsWith(u"Measuring"_s));
    QCOMPARE(texts::HeadlineText::headline(s, false, false), u"No time server answers: check the network or the server list"_s);
    s.summary = u"no majority: the usable servers disagree with each other"_s;
    QCOMPARE(texts::HeadlineText::headline(s, true, false), u"Cannot tell the time: no majority: the usable servers disagree with each other"_s);
}

void TstHeadline::steadyAndWithoutBound()
{
    engine::SystemStatus steady = synced(0.001, 0.012);
    steady.driftMeaningful = true;
    steady.freqPpm = 0.001; // 86 µs per day
    QCOMPARE(texts::HeadlineText::headline(steady, true, false),
             u"Your clock is correct to within 12.0 ms and keeps time to within 1 ms per day"_s);
    engine::SystemStatus noBound = synced(-1.5, 0);
    noBound.errorBound.reset();
    QCOMPARE(texts::HeadlineText::headline(noBound, true, false), u"Your clock is 1.500 s ahead"_s);
    QCOMPARE(texts::HeadlineText::headline(engine::SystemStatus{}, true, false),
             u"The servers' answers cannot be trusted: no usable majority"_s);
}

void TstHeadline::severity()
{
    QCOMPARE(report::headlineSeverity(synced(0.05, 0.01)), report::Severity::Good);
    QCOMPARE(report::headlineSeverity(synced(-0.5, 0.01)), report::Severity::Warning);
    QCOMPARE(report::headlineSeverity(synced(3.0, 0.01)), report::Severity::Bad);
    QCOMPARE(report::headlineSeverity(engine::SystemStatus{}), report::Severity::Unknown);
}

QTEST_GUILESS_MAIN(TstHeadline)
#include "tst_headline.moc"
