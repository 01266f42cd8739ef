// SPDX-License-Identifier: GPL-3.0-or-later
// The "Synchronise now" dialog offscreen, driven like a user would: it reads the proposal,
// ticks the confirmations and clicks Synchronise, against FakeClockHelper (in-process) and once
// against the real helper binary with its in-memory test clock. No clock is ever changed.
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "core/correction/clockcorrector.h"
#include "core/correction/processclockhelper.h"
#include "tests/helper/fakeclockhelper.h"
#include "ui/sync/synchronisedialog.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using chronoscope::testing::FakeClockHelper;
using chronoscope::ui::SynchroniseDialog;
using Stage = SynchroniseDialog::Stage;

namespace {

engine::SystemStatus system(double offset, double residual = 0.0012)
{
    engine::SystemStatus s;
    s.synchronized = true;
    s.offset = offset;
    s.errorBound = std::abs(offset) + residual;
    s.sysPeer = u"ntp1.example:123"_s;
    s.survivors = 3;
    return s;
}

// Three servers agree, one is a falseticker.
QList<engine::ServerStatus> servers()
{
    QList<engine::ServerStatus> list(4);
    list[0].state = engine::ServerState::SysPeer;
    list[1].state = engine::ServerState::Candidate;
    list[2].state = engine::ServerState::Candidate;
    list[3].state = engine::ServerState::Falseticker;
    list[3].filter = stats::FilterOutput{};
    return list;
}

std::int64_t now()
{
    return correction::ClockCorrector::monotonicNowNs();
}

} // namespace

class TstSynchroniseDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<correction::CorrectionOutcome>(); }

    void slewsASmallOffsetAndVerifiesIt()
    {
        FakeClockHelper helper;
        SynchroniseDialog dialog(&helper);
        dialog.show();
        dialog.setMeasurement(system(0.183), servers(), now());
        QVERIFY2(dialog.proposalText().contains(u"+183"_s) && dialog.proposalText().contains(u"slew"_s),
                 qPrintable(dialog.proposalText()));
        QVERIFY(dialog.proposalText().contains(u"± 1.20 ms"_s) || dialog.proposalText().contains(u"1.2"_s));
        QVERIFY(dialog.findChildren<QLabel *>().size() >= 4);
        bool majorityShown = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            majorityShown |= label->text().contains(u"3 of 4 servers agree"_s);
        QVERIFY(majorityShown);
        QVERIFY(!dialog.confirmBox()->isVisible());
        QVERIFY(dialog.applyButton()->isEnabled());

        QSignalSpy verify(&dialog, &SynchroniseDialog::measurementRequested);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QCOMPARE(dialog.stage(), Stage::Applying);
        QVERIFY(!dialog.closeButton()->isEnabled()); // no closing while the helper works
        QVERIFY(verify.wait(5000));
        QCOMPARE(dialog.stage(), Stage::Verifying);
        QCOMPARE(helper.opened(), QList<protocol::Verb>{protocol::Verb::Slew});
        QCOMPARE(helper.requests().size(), 2);
        QCOMPARE(helper.requests()[0].op, protocol::Op::Hello);
        QCOMPARE(helper.requests()[1].op, protocol::Op::Slew);
        QCOMPARE(helper.requests()[1].offsetNs, 183'000'000);
        QCOMPARE(helper.requests()[1].flags, 0u);
        QVERIFY(dialog.statusText().contains(u"slewed by +183"_s));

        dialog.setMeasurement(system(0.0004), servers(), now());
        QCOMPARE(dialog.stage(), Stage::Done);
        QVERIFY2(dialog.statusText().contains(u"Checked: your clock is now +400 µs"_s), qPrintable(dialog.statusText()));
        QVERIFY(dialog.closeButton()->isEnabled());
    }

    void stepsOnlyAfterConfirmation()
    {
        FakeClockHelper helper;
        SynchroniseDialog dialog(&helper);
        dialog.show();
        dialog.setMeasurement(system(-5.0), servers(), now());
        QVERIFY(dialog.proposalText().contains(u"step it back"_s));
        QVERIFY(dialog.confirmBox()->isVisible());
        QVERIFY(!dialog.secondConfirmBox()->isVisible());
        QVERIFY(!dialog.applyButton()->isEnabled());
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton); // disabled: nothing happens
        QVERIFY(helper.requests().isEmpty());

        dialog.confirmBox()->setChecked(true);
        QVERIFY(dialog.applyButton()->isEnabled());
        QSignalSpy verify(&dialog, &SynchroniseDialog::measurementRequested);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QVERIFY(verify.wait(5000));
        QCOMPARE(helper.opened(), QList<protocol::Verb>{protocol::Verb::Step});
        QCOMPARE(helper.requests()[1].op, protocol::Op::Step);
        QCOMPARE(helper.requests()[1].offsetNs, -5'000'000'000LL);
        QCOMPARE(helper.requests()[1].flags, protocol::FLAG_CONFIRMED);
        QCOMPARE(helper.requests()[1].errorBoundNs, 1'200'000);
        dialog.setMeasurement(system(0.00012), servers(), now());
        QVERIFY2(dialog.statusText().contains(u"Verified: your clock is now +120 µs"_s), qPrintable(dialog.statusText()));
    }

    void veryLargeStepsNeedASecondConfirmation()
    {
        FakeClockHelper helper;
        SynchroniseDialog dialog(&helper);
        dialog.show();
        dialog.setMeasurement(system(2 * 3600.0), servers(), now());
        QVERIFY(dialog.secondConfirmBox()->isVisible());
        QVERIFY(!dialog.secondConfirmBox()->isEnabled());
        dialog.confirmBox()->setChecked(true);
        QVERIFY(!dialog.applyButton()->isEnabled());
        QVERIFY(dialog.secondConfirmBox()->isEnabled());
        dialog.secondConfirmBox()->setChecked(true);
        QVERIFY(dialog.applyButton()->isEnabled());
        QSignalSpy finished(&dialog, &SynchroniseDialog::correctionFinished);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(helper.requests()[1].flags, protocol::FLAG_CONFIRMED | protocol::FLAG_CONFIRMED_TWICE);
    }

    void reportsCancelRefusalAndFailurePlainly_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cancelled") << int(FakeClockHelper::Mode::Cancel) << 0
                                   << u"Cancelled: the password prompt was closed. The clock was not changed."_s;
        QTest::newRow("rate_limited") << int(FakeClockHelper::Mode::Refuse) << int(protocol::Status::RateLimited)
                                      << u"Refused: the clock was changed moments ago."_s;
        QTest::newRow("stale") << int(FakeClockHelper::Mode::Refuse) << int(protocol::Status::Stale)
                               << u"Refused: the measurement was too old"_s;
        QTest::newRow("eperm") << int(FakeClockHelper::Mode::FailErrno) << 0
                               << u"Failed: the system refused the change: Operation not permitted (error 1)."_s;
    }
    void reportsCancelRefusalAndFailurePlainly()
    {
        QFETCH(int, mode);
        QFETCH(int, status);
        QFETCH(QString, expected);
        FakeClockHelper helper;
        helper.setMode(FakeClockHelper::Mode(mode), protocol::Status(status), 1);
        SynchroniseDialog dialog(&helper);
        dialog.show();
        dialog.setMeasurement(system(3.0), servers(), now());
        dialog.confirmBox()->setChecked(true);
        QSignalSpy finished(&dialog, &SynchroniseDialog::correctionFinished);
        QSignalSpy verify(&dialog, &SynchroniseDialog::measurementRequested);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QVERIFY2(dialog.statusText().contains(expected), qPrintable(dialog.statusText()));
        QCOMPARE(dialog.stage(), Stage::Done);
        QVERIFY(verify.isEmpty()); // nothing changed, nothing to verify
        QVERIFY(dialog.closeButton()->isEnabled());
    }

    void offersNothingWithoutAMajority()
    {
        FakeClockHelper helper;
        SynchroniseDialog dialog(&helper);
        dialog.show();
        QVERIFY(dialog.proposalText().contains(u"Measuring"_s));
        QVERIFY(!dialog.applyButton()->isEnabled());
        engine::SystemStatus none;
        none.summary = u"1 of 3 servers agree"_s;
        dialog.setMeasurement(none, servers(), now());
        QVERIFY2(dialog.proposalText().contains(u"no majority of servers agrees"_s), qPrintable(dialog.proposalText()));
        QVERIFY(!dialog.applyButton()->isEnabled());
        dialog.setMeasurement(system(0.0005), servers(), now());
        QVERIFY(dialog.proposalText().contains(u"already correct"_s));
        QVERIFY(!dialog.applyButton()->isEnabled());
    }

    void warnsAboutCompetingTimeServices()
    {
        FakeClockHelper helper;
        SynchroniseDialog dialog(&helper);
        dialog.show();
        correction::CompetingTimeServices services;
        services.running = QStringList{u"systemd-timesyncd"_s};
        dialog.setTimeServices(services);
        QVERIFY(dialog.warningText().contains(u"timedatectl set-ntp false"_s));
        dialog.setTimeServices(correction::CompetingTimeServices{});
        QVERIFY(dialog.warningText().isEmpty());
    }

    void measuresAgainWhenTheProposalAgedDuringTheCheck()
    {
        FakeClockHelper helper;
        SynchroniseDialog dialog(&helper);
        dialog.show();
        dialog.setMeasurement(system(2.0), servers(), now() - 10'000'000'000LL);
        dialog.confirmBox()->setChecked(true);
        QSignalSpy measure(&dialog, &SynchroniseDialog::measurementRequested);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QVERIFY(measure.wait(5000));
        QCOMPARE(dialog.stage(), Stage::Applying);
        QCOMPARE(helper.requests().size(), 1); // only HELLO so far
        const std::int64_t freshTime = now();
        dialog.setMeasurement(system(2.1), servers(), freshTime);
        QVERIFY(measure.wait(5000)); // now the verification
        QCOMPARE(helper.requests().size(), 2);
        QCOMPARE(helper.requests()[1].offsetNs, 2'100'000'000LL);
        QCOMPARE(helper.requests()[1].measuredMonoNs, std::uint64_t(freshTime));
    }

    void offersTheNewProposalWhenTheOffsetChanged()
    {
        FakeClockHelper helper;
        SynchroniseDialog dialog(&helper);
        dialog.show();
        dialog.setMeasurement(system(2.0), servers(), now() - 10'000'000'000LL);
        dialog.confirmBox()->setChecked(true);
        QSignalSpy measure(&dialog, &SynchroniseDialog::measurementRequested);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QVERIFY(measure.wait(5000));
        dialog.setMeasurement(system(0.1), servers(), now()); // now a slew: not what was confirmed
        QCOMPARE(dialog.stage(), Stage::Proposal);
        QVERIFY(dialog.statusText().contains(u"offset changed"_s));
        QVERIFY(dialog.proposalText().contains(u"slew"_s));
        QCOMPARE(helper.requests().size(), 1);
    }

    void drivesTheRealHelperBinary()
    {
        qputenv("CHRONOSCOPE_HELPER", qgetenv("CHRONOSCOPE_HELPER_BIN"));
        qputenv("CHRONOSCOPE_HELPER_TEST_FAKE_CLOCK", "1");
        correction::ProcessClockHelper helper;
        SynchroniseDialog dialog(&helper);
        dialog.show();
        dialog.setMeasurement(system(0.3), servers(), now());
        QSignalSpy finished(&dialog, &SynchroniseDialog::correctionFinished);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY2(dialog.statusText().contains(u"Simulated: the helper's test clock was changed by +300"_s),
                 qPrintable(dialog.statusText()));
        QVERIFY(helper.diagnostics().contains(u"result=applied status=ok verb=slew"_s));
    }
};

QTEST_MAIN(TstSynchroniseDialog)
#include "tst_synchronisedialog.moc"
