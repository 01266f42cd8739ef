// SPDX-License-Identifier: GPL-3.0-or-later
// The plain-language headline shared by the GUI and the CLI.
#include <QTest>

#include "core/report/headline.h"

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
    QCOMPARE(report::headline(s, true, false), u"Your clock is 183 ms behind (± 12.0 ms) and loses about 4.0 s per day"_s);
}

void TstHeadline::aheadAndGaining()
{
    engine::SystemStatus s = synced(-0.5, 0.02);
    s.driftMeaningful = true;
    s.freqPpm = 10.0; // gains 864 ms per day
    QCOMPARE(report::headline(s, true, false), u"Your clock is 500 ms ahead (± 20.0 ms) and gains about 864 ms per day"_s);
}

void TstHeadline::withinErrorBound()
{
    // |offset| ≤ bound / 2: the honest statement is the bound itself.
    QCOMPARE(report::headline(synced(0.000004, 0.00002), true, false), u"Your clock is correct to within 20.0 µs"_s);
}

void TstHeadline::driftNotYetMeaningful()
{
    engine::SystemStatus s = synced(0.183, 0.012);
    s.freqPpm = -46.0;
    s.driftMeaningful = false; // not enough span yet: no drift claim
    QCOMPARE(report::headline(s, true, false), u"Your clock is 183 ms behind (± 12.0 ms)"_s);
    QCOMPARE(report::driftPhrase(s), QString());
}

void TstHeadline::notSynchronised()
{
    engine::SystemStatus s;
    QVERIFY(report::headline(s, false, true).startsWith(u"Measuring"_s));
    QCOMPARE(report::headline(s, false, false), u"No time server answers: check the network or the server list"_s);
    s.summary = u"no majority: the usable servers disagree with each other"_s;
    QCOMPARE(report::headline(s, true, false), u"Cannot tell the time: no majority: the usable servers disagree with each other"_s);
}

void TstHeadline::severity()
{
    QCOMPARE(report::headlineSeverity(synced(0.05, 0.01)), report::Severity::Good);
    QCOMPARE(report::headlineSeverity(synced(-0.5, 0.01)), report::Severity::Warning);
    QCOMPARE(report::headlineSeverity(synced(3.0, 0.01)), report::Severity::Bad);
    QCOMPARE(report::headlineSeverity(engine::SystemStatus{}), report::Severity::Unknown);
}

QTEST_APPLESS_MAIN(TstHeadline)
#include "tst_headline.moc"
