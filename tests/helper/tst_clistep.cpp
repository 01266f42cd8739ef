// SPDX-License-Identifier: GPL-3.0-or-later
// `chronoscope-cli step` end to end: the real CLI binary measures a FakeNtpServer on loopback
// and corrects through the real chronoscope-helper started directly (CHRONOSCOPE_HELPER) with
// its in-memory test clock, or with --dry-run. The machine's clock is never changed.
#include <cmath>
#include <limits>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

#include "app/cli/clioptions.h"
#include "app/cli/stepreport.h"
#include "tests/fakes/fakentpserver.h"

using namespace Qt::StringLiterals;
using chronoscope::testing::FakeNtpServer;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the CLI while this thread's event loop keeps the in-process server answering.
CliRun runCli(const QStringList &arguments, bool fakeClock = true, const QString &helper = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CHRONOSCOPE_HELPER"_s, helper.isEmpty() ? qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN") : helper);
    env.insert(u"CHRONOSCOPE_HELPER_TEST_FAKE_CLOCK"_s, fakeClock ? u"1"_s : u"0"_s);
    env.insert(u"CHRONOSCOPE_FORBID_CLOCK_CHANGES"_s, u"1"_s);
    process.setProcessEnvironment(env);
    process.setProgram(qEnvironmentVariable("CHRONOSCOPE_CLI"));
    process.setArguments(arguments);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    process.start();
    process.closeWriteChannel(); // no terminal: step must not wait for an answer
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(2000);
    }
    CliRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QByteArray describe(const CliRun &run)
{
    return "exit " + QByteArray::number(run.exitCode) + "\nstdout:\n" + run.out.toUtf8() + "\nstderr:\n"
        + run.err.toUtf8();
}

// The signed amount in seconds that follows `prefix` in `text` ("+4.999 s", "−250 ms",
// "+2.00 h"), or NaN when `prefix` is absent. The in-process server answers from this test's
// event loop, so a measured offset differs from the configured one by up to half the round
// trip; comparing amounts with a tolerance keeps the test independent of machine load.
double amountAfter(const QString &text, const QString &prefix)
{
    static const QRegularExpression amount(u"^([+\\x{2212}-])([0-9]+(?:\\.[0-9]+)?) (h|s|ms|µs)"_s);
    const qsizetype at = text.indexOf(prefix);
    if (at < 0)
        return std::numeric_limits<double>::quiet_NaN();
    const QRegularExpressionMatch match = amount.match(QStringView(text).mid(at + prefix.size()));
    if (!match.hasMatch())
        return std::numeric_limits<double>::quiet_NaN();
    const QString unit = match.captured(3);
    const double scale = unit == u"h"_s ? 3600.0 : unit == u"s"_s ? 1.0 : unit == u"ms"_s ? 1e-3 : 1e-6;
    const double sign = match.captured(1) == u"+"_s ? 1.0 : -1.0;
    return sign * match.captured(2).toDouble() * scale;
}

// True when the amount after `prefix` is within 50 ms of `expected` seconds.
bool amountNear(const QString &text, const QString &prefix, double expected)
{
    return std::abs(amountAfter(text, prefix) - expected) <= 0.05; // NaN compares false
}

} // namespace

class TstCliStep : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_server = std::make_unique<FakeNtpServer>();
        QVERIFY(m_server->isListening());
        m_serverArgument = u"127.0.0.1:%1"_s.arg(m_server->port());
    }
    void cleanup() { m_server.reset(); }

    void slewsASmallOffset()
    {
        m_server->setClockOffset(0.25);
        const CliRun run = runCli({u"step"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"0.2"_s, m_serverArgument});
        QVERIFY2(run.exitCode == 0, describe(run));
        QVERIFY2(amountNear(run.out, u"Proposed: slew the clock forward by "_s, 0.25), describe(run));
        QVERIFY2(run.out.contains(u"backed by 1 of 1 servers"_s), describe(run));
        QVERIFY2(run.out.contains(u"Simulated: the helper's test clock was slewed"_s), describe(run));
        QVERIFY2(run.err.contains(u"result=applied status=ok verb=slew op=slew"_s), describe(run)); // audit
    }

    void refusesToStepWithoutConfirmation()
    {
        m_server->setClockOffset(3.0);
        const CliRun run = runCli({u"step"_s, u"--samples"_s, u"1"_s, m_serverArgument});
        QVERIFY2(run.exitCode == 1, describe(run));
        QVERIFY2(amountNear(run.out, u"Proposed: step the clock forward by "_s, 3.0), describe(run));
        QVERIFY2(run.out.contains(u"Cancelled: a step needs confirmation; run again with --yes"_s), describe(run));
        QVERIFY2(!run.err.contains(u"result="_s), describe(run)); // the helper never ran
    }

    void stepsWithYes()
    {
        m_server->setClockOffset(-3.0);
        const CliRun run = runCli({u"step"_s, u"--yes"_s, u"--samples"_s, u"1"_s, m_serverArgument});
        QVERIFY2(run.exitCode == 0, describe(run));
        QVERIFY2(amountNear(run.out, u"Proposed: step the clock back by "_s, -3.0), describe(run));
        QVERIFY2(amountNear(run.out, u"Simulated: the helper's test clock was stepped by "_s, -3.0), describe(run));
        QVERIFY2(run.err.contains(u"result=applied status=ok verb=step op=step"_s), describe(run));
    }

    void veryLargeStepsNeedTheSecondConfirmation()
    {
        m_server->setClockOffset(2 * 3600.0);
        CliRun run = runCli({u"step"_s, u"--yes"_s, u"--samples"_s, u"1"_s, m_serverArgument});
        QVERIFY2(run.exitCode == 1, describe(run));
        QVERIFY2(run.out.contains(u"needs --yes-very-large as well"_s), describe(run));
        run = runCli({u"step"_s, u"--yes"_s, u"--yes-very-large"_s, u"--samples"_s, u"1"_s, m_serverArgument});
        QVERIFY2(run.exitCode == 0, describe(run));
        QVERIFY2(amountNear(run.out, u"Simulated: the helper's test clock was stepped by "_s, 2 * 3600.0), describe(run));
    }

    void dryRunChangesNothing()
    {
        m_server->setClockOffset(5.0);
        const CliRun run = runCli({u"step"_s, u"--dry-run"_s, u"--yes"_s, u"--samples"_s, u"1"_s, m_serverArgument},
                                  false);
        QVERIFY2(run.exitCode == 0, describe(run));
        QVERIFY2(amountNear(run.out, u"Dry run: the helper accepted a step of "_s, 5.0), describe(run));
        QVERIFY2(run.err.contains(u"result=dry-run"_s), describe(run));
        QVERIFY2(!run.out.contains(u"Verifying"_s), describe(run));
    }

    void reportsAFailedHelperPlainly()
    {
        m_server->setClockOffset(0.25);
        const CliRun run = runCli({u"step"_s, u"--samples"_s, u"1"_s, m_serverArgument}, true,
                                  u"/nonexistent/chronoscope-helper"_s);
        QVERIFY2(run.exitCode == 1, describe(run));
        QVERIFY2(run.err.contains(u"Failed: the clock helper could not be started"_s), describe(run));
        QVERIFY2(run.err.contains(u"the clock was not changed"_s), describe(run));
    }

    void proposesNothingWithoutAnAnswer()
    {
        m_server->dropNextRequests(100);
        const CliRun run = runCli({u"step"_s, u"--yes"_s, u"--samples"_s, u"1"_s, u"--timeout"_s, u"0.3"_s,
                                   m_serverArgument});
        QVERIFY2(run.exitCode == 1, describe(run));
        QVERIFY2(run.out.contains(u"No correction: no majority of servers agrees on the time"_s), describe(run));
    }

    void rejectsStepOnlyOptionsElsewhere()
    {
        const CliRun run = runCli({u"check"_s, u"--yes"_s, m_serverArgument});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"--yes applies to step, system apply and system revert, not check"_s), describe(run));
        const CliRun none = runCli({u"step"_s, u"--dry-run"_s});
        QCOMPARE(none.exitCode, 2);
    }

    void parsesStepOptions()
    {
        using chronoscope::cli::Command;
        auto parsed = chronoscope::cli::parseCommandLine(
                {u"step"_s, u"--dry-run"_s, u"-y"_s, u"--yes-very-large"_s, u"--samples"_s, u"3"_s, u"ntp.example"_s});
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed->command, Command::Step);
        QVERIFY(parsed->dryRun && parsed->yes && parsed->yesVeryLarge);
        QCOMPARE(parsed->associationOptions().maxRequests, 3); // measures like check
        parsed = chronoscope::cli::parseCommandLine({u"step"_s, u"ntp.example"_s});
        QVERIFY(parsed.ok());
        QVERIFY(!parsed->dryRun && !parsed->yes && !parsed->yesVeryLarge);
        QVERIFY(!chronoscope::cli::parseCommandLine({u"step"_s, u"--json"_s, u"ntp.example"_s}).ok());
        QVERIFY(!chronoscope::cli::parseCommandLine({u"step"_s, u"--duration"_s, u"5"_s, u"ntp.example"_s}).ok());
        QVERIFY(!chronoscope::cli::parseCommandLine({u"monitor"_s, u"--dry-run"_s, u"ntp.example"_s}).ok());
        QVERIFY(!chronoscope::cli::parseCommandLine({u"step"_s, u"--yes=1"_s, u"ntp.example"_s}).ok());
        QVERIFY(chronoscope::cli::usageText().contains(u"chronoscope-cli step [--dry-run] [--yes]"_s));
    }

    // What the user reads for each way a correction can end (the pkexec prompt itself cannot
    // run here, so these outcomes are built by hand; tst_clockclient produces them for real).
    void describesEveryOutcomePlainly()
    {
        using chronoscope::correction::CorrectionOutcome;
        using chronoscope::cli::describeOutcome;
        CorrectionOutcome o;
        o.kind = chronoscope::correction::CorrectionKind::Step;
        o.requested = 2.5;
        o.result = CorrectionOutcome::Result::Cancelled;
        o.helperError = chronoscope::correction::HelperError::Cancelled;
        QCOMPARE(describeOutcome(o), u"Cancelled: the password prompt was closed; the clock was not changed."_s);
        o.result = CorrectionOutcome::Result::Refused;
        o.helperError.reset();
        o.status = chronoscope::protocol::Status::RateLimited;
        QCOMPARE(describeOutcome(o), u"Refused: the clock was changed moments ago; wait a few seconds."_s);
        o.status = chronoscope::protocol::Status::DateOutOfRange;
        QVERIFY(describeOutcome(o).contains(u"before this program was built or after 2100"_s));
        o.result = CorrectionOutcome::Result::Failed;
        o.sysErrno = 1;
        QCOMPARE(describeOutcome(o), u"Failed: the system refused the change: Operation not permitted (errno 1)."_s);
        o.helperError = chronoscope::correction::HelperError::NotAuthorised;
        o.detail = u"Not authorized"_s;
        QCOMPARE(describeOutcome(o),
                 u"Failed: you are not authorised to change the clock (Not authorized); the clock was not changed."_s);
        o = CorrectionOutcome{};
        o.kind = chronoscope::correction::CorrectionKind::Step;
        o.result = CorrectionOutcome::Result::Applied;
        o.applied = -2.5;
        QCOMPARE(describeOutcome(o), u"Stepped the clock back by −2.500 s."_s);
    }

private:
    std::unique_ptr<FakeNtpServer> m_server;
    QString m_serverArgument;
};

QTEST_GUILESS_MAIN(TstCliStep)
#include "tst_clistep.moc"
