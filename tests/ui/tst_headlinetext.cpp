// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's translatable headline says exactly what core/report/headline says in English.
#include <QTest>

#include "core/report/headline.h"
#include "core/texts/headlinetext.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

class TestHeadlineText : public QObject
{
    Q_OBJECT

private slots:
    void matchesTheCoreHeadline_data();
    void matchesTheCoreHeadline();
};

void TestHeadlineText::matchesTheCoreHeadline_data()
{
    QTest::addColumn<engine::SystemStatus>("system");
    QTest::addColumn<bool>("reachable");
    QTest::addColumn<bool>("measuring");
    engine::SystemStatus none;
    QTest::newRow("measuring") << none << true << true;
    QTest::newRow("unreachable") << none << false << false;
    engine::SystemStatus summary;
    summary.summary = u"only 1 of 3 servers agree"_s;
    QTest::newRow("no majority, summary") << summary << true << false;
    QTest::newRow("no majority") << none << true << false;
    engine::SystemStatus behind;
    behind.synchronized = true;
    behind.offset = 0.183;
    behind.errorBound = 0.012;
    QTest::newRow("behind") << behind << true << false;
    engine::SystemStatus ahead = behind;
    ahead.offset = -1.5;
    ahead.driftMeaningful = true;
    ahead.freqPpm = -46.3;
    QTest::newRow("ahead, losing") << ahead << true << false;
    engine::SystemStatus correct = behind;
    correct.offset = 0.001;
    correct.freqPpm = 3.0;
    correct.driftMeaningful = true;
    QTest::newRow("correct, gaining") << correct << true << false;
    engine::SystemStatus steady = correct;
    steady.freqPpm = 0.001;
    QTest::newRow("steady") << steady << true << false;
    engine::SystemStatus noBound = behind;
    noBound.errorBound.reset();
    QTest::newRow("no bound") << noBound << true << false;
}

void TestHeadlineText::matchesTheCoreHeadline()
{
    QFETCH(engine::SystemStatus, system);
    QFETCH(bool, reachable);
    QFETCH(bool, measuring);
    QCOMPARE(texts::HeadlineText::headline(system, reachable, measuring), report::headline(system, reachable, measuring));
}

QTEST_MAIN(TestHeadlineText)
#include "tst_headlinetext.moc"
