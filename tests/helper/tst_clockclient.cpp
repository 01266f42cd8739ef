// SPDX-License-Identifier: GPL-3.0-or-later
// core/correction, the client side: the correction policy, competing-service detection, and
// ClockCorrector driving the real chronoscope-helper binary (its in-memory test clock, or
// --dry-run) through ProcessClockHelper. pkexec's exit statuses are played by a stand-in script.
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/correction/clockcorrector.h"
#include "core/correction/clockhelper.h"
#include "core/correction/correctionpolicy.h"
#include "core/correction/helperlaunch.h"
#include "core/correction/kernelclock.h"
#include "core/correction/processclockhelper.h"
#include "core/correction/timeservices.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using namespace chronoscope::correction;
using Outcome = CorrectionOutcome::Result;

Q_DECLARE_METATYPE(chronoscope::correction::CorrectionKind)

namespace {

engine::SystemStatus system(double offset, double residual)
{
    engine::SystemStatus s;
    s.synchronized = true;
    s.offset = offset;
    s.errorBound = std::abs(offset) + residual;
    s.sysPeer = u"127.0.0.1:123"_s;
    s.survivors = 3;
    return s;
}

CorrectionProposal proposal(double offset)
{
    return proposeCorrection(system(offset, 0.002), ServerMajority{3, 4});
}

// Runs one correction to its end.
CorrectionOutcome run(ClockCorrector &corrector, const CorrectionProposal &p, int confirmations, bool dryRun = false,
                      std::int64_t measuredNs = ClockCorrector::monotonicNowNs())
{
    QSignalSpy finished(&corrector, &ClockCorrector::finished);
    corrector.start(p, measuredNs, confirmations, dryRun);
    if (finished.isEmpty() && !finished.wait(10000))
        return {};
    return finished.first().first().value<CorrectionOutcome>();
}

// A helper that answers from memory: HELLO with the given bounds, every change with Ok. It
// records what it was sent.
class FakeBoundsHelper : public ClockHelper
{
public:
    explicit FakeBoundsHelper(protocol::HelperInfo info) : m_info(info) { }
    void open(protocol::Verb, bool) override { }
    void send(const protocol::Request &request) override
    {
        sent.append(request.op);
        protocol::Response response;
        response.requestId = request.requestId;
        response.op = request.op;
        response.status = protocol::Status::Ok;
        response.info = m_info;
        response.appliedNs = request.offsetNs;
        QMetaObject::invokeMethod(this, [this, response] { emit replied(response); }, Qt::QueuedConnection);
    }
    void close() override { }
    QList<protocol::Op> sent;

private:
    protocol::HelperInfo m_info;
};

} // namespace

class TstClockClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        qRegisterMetaType<CorrectionOutcome>();
        const QString helper = qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN");
        QVERIFY(QFileInfo(helper).isExecutable());
        // Direct start, no pkexec, the helper's in-memory clock: nothing here changes the clock.
        qputenv("CHRONOSCOPE_HELPER", helper.toLocal8Bit());
        qputenv("CHRONOSCOPE_HELPER_TEST_FAKE_CLOCK", "1");
        qputenv("CHRONOSCOPE_FORBID_CLOCK_CHANGES", "1");
    }

    void proposesByMagnitude_data()
    {
        QTest::addColumn<double>("offset");
        QTest::addColumn<CorrectionKind>("kind");
        QTest::addColumn<int>("confirmations");
        QTest::newRow("tiny_within_bound") << 0.001 << CorrectionKind::None << 0;
        QTest::newRow("small_slew") << 0.2 << CorrectionKind::Slew << 0;
        QTest::newRow("slew_limit") << -0.5 << CorrectionKind::Slew << 0;
        QTest::newRow("step") << 0.6 << CorrectionKind::Step << 1;
        QTest::newRow("backwards_step") << -42.0 << CorrectionKind::Step << 1;
        QTest::newRow("one_hour") << 3600.0 << CorrectionKind::Step << 1;
        QTest::newRow("very_large") << -7200.0 << CorrectionKind::Step << 2;
        QTest::newRow("absurd") << 20.0 * 366 * 86400 << CorrectionKind::None << 0;
    }
    void proposesByMagnitude()
    {
        QFETCH(double, offset);
        QFETCH(CorrectionKind, kind);
        QFETCH(int, confirmations);
        const CorrectionProposal p = proposal(offset);
        QCOMPARE(p.kind, kind);
        QCOMPARE(p.confirmationsNeeded, confirmations);
        QCOMPARE(p.offset, offset);
        QVERIFY(std::abs(p.errorBound - 0.002) < 1e-6); // float cancellation at large offsets
        QCOMPARE(p.majority.agreeing, 3);
        QCOMPARE(p.majority.answering, 4);
    }

    void proposesNothingWithoutAMajority()
    {
        engine::SystemStatus s = system(5.0, 0.01);
        s.synchronized = false;
        const CorrectionProposal p = proposeCorrection(s, ServerMajority{1, 3});
        QCOMPARE(p.kind, CorrectionKind::None);
        QCOMPARE(p.noCorrection, NoCorrectionReason::NotSynchronised);
        QCOMPARE(proposal(0.001).noCorrection, NoCorrectionReason::WithinErrorBound);
        QCOMPARE(proposal(1e9).noCorrection, NoCorrectionReason::TooLarge);
    }

    void countsTheMajority()
    {
        QList<engine::ServerStatus> servers(5);
        servers[0].state = engine::ServerState::SysPeer;
        servers[1].state = engine::ServerState::Candidate;
        servers[2].state = engine::ServerState::Falseticker;
        servers[2].filter = stats::FilterOutput{};
        servers[3].state = engine::ServerState::Unreachable;
        servers[4].state = engine::ServerState::Outlier;
        const ServerMajority m = majorityOf(servers);
        QCOMPARE(m.agreeing, 3);
        QCOMPARE(m.answering, 4);
    }

    void mapsConfirmationsToFlags()
    {
        QCOMPARE(proposal(0.2).requestFlags(), 0u);
        QCOMPARE(proposal(2.0).requestFlags(), protocol::FLAG_CONFIRMED);
        QCOMPARE(proposal(7200.0).requestFlags(), protocol::FLAG_CONFIRMED | protocol::FLAG_CONFIRMED_TWICE);
    }

    void detectsCompetingTimeServices()
    {
        QTemporaryDir proc;
        auto addProcess = [&](const QString &pid, const QByteArray &comm) {
            QVERIFY(QDir(proc.path()).mkpath(pid));
            QFile file(proc.filePath(pid + u"/comm"_s));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(comm);
        };
        addProcess(u"1"_s, "systemd\n");
        addProcess(u"240"_s, "systemd-timesyn\n");
        addProcess(u"512"_s, "chronyd\n");
        addProcess(u"513"_s, "chronyd\n");
        addProcess(u"self"_s, "ntpd\n"); // not a pid directory
        protocol::KernelState unsync;
        unsync.status = 0x0040; // STA_UNSYNC
        CompetingTimeServices services = detectTimeServices(proc.path(), unsync);
        QCOMPARE(services.running, (QStringList{u"chronyd"_s, u"systemd-timesyncd"_s}));
        QVERIFY(!services.kernelSynchronised);
        QVERIFY(services.hasConflict());
        QVERIFY(timeServiceAdvice(u"systemd-timesyncd"_s).contains(u"timedatectl set-ntp false"_s));

        QTemporaryDir empty;
        services = detectTimeServices(empty.path(), unsync);
        QVERIFY(services.running.isEmpty());
        QVERIFY(!services.hasConflict());
        protocol::KernelState disciplined; // STA_UNSYNC clear, STA_PLL set: someone runs the PLL
        disciplined.status = 0x0001;
        services = detectTimeServices(empty.path(), disciplined);
        QVERIFY(services.kernelSynchronised && services.kernelPll && services.hasConflict());
    }

    void readsTheKernelStateUnprivileged()
    {
        const std::optional<protocol::KernelState> state = readKernelClockState();
        QVERIFY(state);
        QVERIFY(state->clockState >= 0 && state->clockState <= 5);
        QVERIFY(std::llabs(state->freqScaledPpm) <= 500LL * 65536);
    }

    void slewsASmallOffsetThroughTheHelper()
    {
        ProcessClockHelper helper;
        ClockCorrector corrector(&helper);
        QSignalSpy authorised(&corrector, &ClockCorrector::authorised);
        const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
        QCOMPARE(o.result, Outcome::Applied);
        QCOMPARE(o.kind, CorrectionKind::Slew);
        QVERIFY(o.simulated);
        QVERIFY(!o.changedClock());
        QCOMPARE(o.applied, 0.2);
        QCOMPARE(authorised.size(), 1);
    }

    // A helper built with a lower "very large step" bound than the client's default: the client
    // stops after HELLO instead of sending a step the helper would refuse, and a second
    // confirmation lets it through.
    void followsTheHelpersOwnBounds()
    {
        protocol::HelperInfo info;
        info.confirmBoundNs = 500'000'000;
        info.veryLargeBoundNs = 60'000'000'000; // 60 s instead of 3600 s
        FakeBoundsHelper helper(info);
        ClockCorrector corrector(&helper);
        const CorrectionProposal p = proposal(120.0);
        QCOMPARE(p.confirmationsNeeded, 1); // by the client's default bounds
        CorrectionOutcome o = run(corrector, p, 1);
        QCOMPARE(o.result, Outcome::Refused);
        QCOMPARE(o.status, protocol::Status::NeedsSecondConfirmation);
        QVERIFY2(o.detail.contains(u"steps above 60 s"_s), qPrintable(o.detail));
        QCOMPARE(helper.sent, QList<protocol::Op>{protocol::Op::Hello});
        helper.sent.clear();
        o = run(corrector, p, 2);
        QCOMPARE(o.result, Outcome::Applied);
        QCOMPARE(helper.sent, (QList<protocol::Op>{protocol::Op::Hello, protocol::Op::Step}));
        QCOMPARE(confirmationsNeeded(p, CorrectionLimits::fromHelper(info)), 2);
        QCOMPARE(confirmationsNeeded(proposal(0.1), CorrectionLimits::fromHelper(info)), 0); // a slew
    }

    void stepsAfterConfirmationOnly()
    {
        ProcessClockHelper helper;
        ClockCorrector corrector(&helper);
        CorrectionOutcome o = run(corrector, proposal(-3.0), 0);
        QCOMPARE(o.result, Outcome::Refused);
        QCOMPARE(o.status, protocol::Status::NeedsConfirmation);
        o = run(corrector, proposal(-3.0), 1);
        QCOMPARE(o.result, Outcome::Applied);
        QCOMPARE(o.kind, CorrectionKind::Step);
        QCOMPARE(o.applied, -3.0);
        QVERIFY(o.realtimeAfterNs - o.realtimeBeforeNs < -2'900'000'000LL);
        ProcessClockHelper helper2;
        ClockCorrector corrector2(&helper2);
        o = run(corrector2, proposal(7200.0), 1);
        QCOMPARE(o.result, Outcome::Refused);
        QCOMPARE(o.status, protocol::Status::NeedsSecondConfirmation);
        o = run(corrector2, proposal(7200.0), 2);
        QCOMPARE(o.result, Outcome::Applied);
    }

    // A client that got the confirmations wrong is stopped by the real helper's HELLO bounds
    // before it sends the step (the helper's own refusal of such a step: tst_helperprocess).
    void stopsAtTheHelpersBoundsBeforeSending()
    {
        ProcessClockHelper helper;
        ClockCorrector corrector(&helper);
        CorrectionProposal forged = proposal(7200.0);
        forged.confirmationsNeeded = 1; // a client bug: only FLAG_CONFIRMED would be sent
        const CorrectionOutcome o = run(corrector, forged, 1);
        QCOMPARE(o.result, Outcome::Refused);
        QCOMPARE(o.status, protocol::Status::NeedsSecondConfirmation);
        QVERIFY2(o.detail.contains(u"steps above 3600 s"_s), qPrintable(o.detail));
        QVERIFY2(!helper.diagnostics().contains(u"op=step"_s), qPrintable(helper.diagnostics()));
    }

    void asksForAFreshMeasurementWhenTheOldOneAged()
    {
        ProcessClockHelper helper;
        ClockCorrector corrector(&helper);
        corrector.setMaxMeasurementAgeMs(0);
        QSignalSpy fresh(&corrector, &ClockCorrector::freshMeasurementNeeded);
        QSignalSpy finished(&corrector, &ClockCorrector::finished);
        corrector.start(proposal(2.0), ClockCorrector::monotonicNowNs() - 8'000'000'000LL, 1, false);
        QVERIFY(fresh.wait(10000));
        QVERIFY(finished.isEmpty());
        corrector.provideFreshMeasurement(proposal(2.1), ClockCorrector::monotonicNowNs());
        QVERIFY(finished.wait(10000));
        const CorrectionOutcome o = finished.first().first().value<CorrectionOutcome>();
        QCOMPARE(o.result, Outcome::Applied);
        QCOMPARE(o.applied, 2.1);

        ProcessClockHelper helper2;
        ClockCorrector corrector2(&helper2);
        corrector2.setMaxMeasurementAgeMs(0);
        QSignalSpy fresh2(&corrector2, &ClockCorrector::freshMeasurementNeeded);
        QSignalSpy finished2(&corrector2, &ClockCorrector::finished);
        corrector2.start(proposal(2.0), ClockCorrector::monotonicNowNs(), 1, false);
        QVERIFY(fresh2.wait(10000));
        corrector2.provideFreshMeasurement(proposal(7200.0), ClockCorrector::monotonicNowNs());
        QCOMPARE(finished2.size(), 1);
        QCOMPARE(finished2.first().first().value<CorrectionOutcome>().result, Outcome::Changed);
    }

    void dryRunChangesNothing()
    {
        ProcessClockHelper helper;
        ClockCorrector corrector(&helper);
        const CorrectionOutcome o = run(corrector, proposal(30.0), 1, true);
        QCOMPARE(o.result, Outcome::DryRun);
        QVERIFY(!o.changedClock());
        QVERIFY(std::llabs(o.realtimeAfterNs - o.realtimeBeforeNs) < 1'000'000'000LL);
    }

    void reportsCancelledAndRefusedPrompts_data()
    {
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("result");
        QTest::addColumn<int>("error");
        QTest::newRow("dismissed") << 126 << int(Outcome::Cancelled) << int(HelperError::Cancelled);
        QTest::newRow("not_authorised") << 127 << int(Outcome::Failed) << int(HelperError::NotAuthorised);
        QTest::newRow("crashed") << 9 << int(Outcome::Failed) << int(HelperError::Crashed);
    }
    void reportsCancelledAndRefusedPrompts()
    {
        QFETCH(int, exitCode);
        QFETCH(int, result);
        QFETCH(int, error);
        QTemporaryDir dir;
        const QString script = dir.filePath(u"pkexec"_s);
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\nexit " + QByteArray::number(exitCode) + "\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        ProcessClockHelper helper;
        helper.setLaunchOverride(HelperLaunch{script, {installedHelperPath(), u"step"_s}, true});
        ClockCorrector corrector(&helper);
        const CorrectionOutcome o = run(corrector, proposal(2.0), 1);
        QCOMPARE(int(o.result), result);
        QVERIFY(o.helperError);
        QCOMPARE(int(*o.helperError), error);
    }

    // A helper that floods its standard error: only MAX_HELPER_STDERR_BYTES of it are kept for
    // the error detail, however much it writes (bounded like every other outside input).
    void keepsABoundedPartOfTheHelpersStderr()
    {
        ProcessClockHelper helper;
        helper.setLaunchOverride(HelperLaunch{u"/bin/sh"_s,
                                              {u"-c"_s, u"head -c 4000000 /dev/zero | tr '\\000' x >&2; exit 3"_s}, false});
        ClockCorrector corrector(&helper);
        const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
        QCOMPARE(o.result, Outcome::Failed);
        QVERIFY(o.helperError);
        QVERIFY2(o.detail.contains(u"xxxx"_s), qPrintable(o.detail.left(200)));
        QVERIFY2(o.detail.size() <= MAX_HELPER_STDERR_BYTES + 200, qPrintable(QString::number(o.detail.size())));
    }

    void reportsAMissingHelper()
    {
        ProcessClockHelper helper;
        helper.setLaunchOverride(HelperLaunch{u"/nonexistent/chronoscope-helper"_s, {u"slew"_s}, false});
        ClockCorrector corrector(&helper);
        const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
        QCOMPARE(o.result, Outcome::Failed);
        QCOMPARE(o.helperError, std::optional<HelperError>(HelperError::NotInstalled));
    }

    void launchesThroughPkexecByDefault()
    {
        const QByteArray saved = qgetenv("CHRONOSCOPE_HELPER");
        qunsetenv("CHRONOSCOPE_HELPER");
        const chronoscope::Result<HelperLaunch> launch = helperLaunch(protocol::Verb::Slew, true);
        qputenv("CHRONOSCOPE_HELPER", saved);
        QVERIFY(installedHelperPath().endsWith(u"/chronoscope/chronoscope-helper"_s));
        if (launch) { // pkexec and the installed helper exist on this machine
            QVERIFY(launch->elevated);
            QCOMPARE(launch->arguments, (QStringList{installedHelperPath(), u"slew"_s, u"--dry-run"_s}));
        } else {      // otherwise the reason is named plainly
            QVERIFY(launch.errorMessage().contains(u"pkexec"_s) || launch.errorMessage().contains(installedHelperPath()));
        }
        const chronoscope::Result<HelperLaunch> direct = helperLaunch(protocol::Verb::Step, false);
        QVERIFY(direct);
        QVERIFY(!direct->elevated);
        QCOMPARE(direct->arguments, (QStringList{u"step"_s, u"--test-fake-clock"_s}));
    }
};

QTEST_GUILESS_MAIN(TstClockClient)
#include "tst_clockclient.moc"
