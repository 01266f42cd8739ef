// SPDX-License-Identifier: GPL-3.0-or-later
// chronoscope_helpercore without a process: validation of every bound, confirmations,
// staleness, dates, the rate limit (in memory and across runs), backend failures, the audit
// records, and the real Linux backend's read-only state query. Only FakeClockOps and the
// read-only SystemClockReader are used: nothing here can change this machine's clock.
#include <cerrno>
#include <string>
#include <vector>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "app/helper/auditrecord.h"
#include "app/helper/auditsink.h"
#include "app/helper/clockops_linux.h"
#include "app/helper/dryrunclockops.h"
#include "app/helper/fakeclockops.h"
#include "app/helper/helperconfig.h"
#include "app/helper/helperservice.h"
#include "app/helper/processhardening.h"
#include "app/helper/ratelimiter.h"
#include "app/helper/replayguard.h"
#include "app/helper/systemclockreader.h"
#include "core/protocol/codec.h"
#include "core/protocol/limits.h"
#include "core/protocol/names.h"
#include "tests/helper/helperrig.h"

using namespace chronoscope;
using namespace chronoscope::helper;
using protocol::Op;
using protocol::Status;
using namespace chronoscope::testing; // S, START_*, CapturingSink, HelperRig (helperrig.h)
using Rig = HelperRig;

namespace {

QByteArray name(Status status)
{
    return QByteArray(protocol::statusName(status).data(), qsizetype(protocol::statusName(status).size()));
}

} // namespace

class TstHelperService : public QObject
{
    Q_OBJECT
private slots:
    void appliesAConfirmedStep()
    {
        Rig rig;
        const protocol::Response r = rig.send(rig.change(Op::Step, 2 * S, protocol::FLAG_CONFIRMED));
        QCOMPARE(name(r.status), name(Status::Ok));
        QCOMPARE(r.appliedNs, 2 * S);
        QCOMPARE(rig.clock.steppedNs(), 2 * S);
        QCOMPARE(r.realtimeAfterNs - r.realtimeBeforeNs, 2 * S);
        QCOMPARE(r.flags, protocol::RESPONSE_SIMULATED);
        QCOMPARE(rig.audit.records.size(), std::size_t(1));
        QCOMPARE(auditResult(rig.audit.records[0]), std::string_view("applied"));
    }

    void smallStepNeedsNoConfirmation()
    {
        Rig rig;
        const protocol::Response r = rig.send(rig.change(Op::Step, 400'000'000));
        QCOMPARE(name(r.status), name(Status::Ok));
    }

    void boundsAndConfirmations_data()
    {
        QTest::addColumn<int>("op");
        QTest::addColumn<qint64>("offsetNs");
        QTest::addColumn<uint>("flags");
        QTest::addColumn<int>("expected");
        const auto step = int(Op::Step), slew = int(Op::Slew);
        const uint c1 = protocol::FLAG_CONFIRMED, c2 = protocol::FLAG_CONFIRMED | protocol::FLAG_CONFIRMED_TWICE;
        QTest::newRow("step_at_bound") << step << qint64(S / 2) << 0u << int(Status::Ok);
        QTest::newRow("step_above_bound_unconfirmed") << step << qint64(S / 2 + 1) << 0u << int(Status::NeedsConfirmation);
        QTest::newRow("negative_step_unconfirmed") << step << qint64(-3 * S) << 0u << int(Status::NeedsConfirmation);
        QTest::newRow("negative_step_confirmed") << step << qint64(-3 * S) << c1 << int(Status::Ok);
        QTest::newRow("hour_confirmed_once") << step << qint64(3600 * S) << c1 << int(Status::Ok);
        QTest::newRow("very_large_confirmed_once") << step << qint64(3600 * S + 1) << c1 << int(Status::NeedsSecondConfirmation);
        QTest::newRow("very_large_second_flag_only") << step << qint64(7200 * S) << uint(protocol::FLAG_CONFIRMED_TWICE) << int(Status::NeedsConfirmation);
        QTest::newRow("very_large_confirmed_twice") << step << qint64(7200 * S) << c2 << int(Status::Ok);
        QTest::newRow("step_too_small") << step << qint64(999'999) << 0u << int(Status::OutOfRange);
        QTest::newRow("step_zero") << step << qint64(0) << 0u << int(Status::OutOfRange);
        QTest::newRow("step_beyond_ten_years") << step << qint64(protocol::limits::MAX_STEP_NS + 1) << c2 << int(Status::OutOfRange);
        QTest::newRow("slew_max") << slew << qint64(S / 2) << 0u << int(Status::Ok);
        QTest::newRow("slew_negative") << slew << qint64(-S / 4) << 0u << int(Status::Ok);
        QTest::newRow("slew_too_large") << slew << qint64(S / 2 + 1) << 0u << int(Status::OutOfRange);
        QTest::newRow("slew_zero") << slew << qint64(0) << 0u << int(Status::OutOfRange);
    }
    void boundsAndConfirmations()
    {
        QFETCH(int, op);
        QFETCH(qint64, offsetNs);
        QFETCH(uint, flags);
        QFETCH(int, expected);
        Rig rig(Op(op) == Op::Step ? protocol::Verb::Step : protocol::Verb::Slew);
        const protocol::Response r = rig.send(rig.change(Op(op), offsetNs, flags));
        QCOMPARE(name(r.status), name(Status(expected)));
        QCOMPARE(rig.clock.calls().size(), std::size_t(expected == int(Status::Ok) ? 1 : 0));
        QCOMPARE(rig.audit.records.size(), std::size_t(1)); // every change and every refusal
    }

    void refusesStaleAndFutureMeasurements()
    {
        Rig rig;
        QCOMPARE(name(rig.send(rig.change(Op::Step, S / 4, 0, 5 * S + 1)).status), name(Status::Stale));
        QCOMPARE(name(rig.send(rig.change(Op::Step, S / 4, 0, -1)).status), name(Status::Stale));
        // The client's own limit, when stricter, applies too.
        protocol::Request strict = rig.change(Op::Step, S / 4, 0, S);
        strict.maxAgeMs = 500;
        QCOMPARE(name(rig.send(strict).status), name(Status::Stale));
        // A lax client limit cannot widen the helper's.
        protocol::Request lax = rig.change(Op::Step, S / 4, 0, 6 * S);
        lax.maxAgeMs = 60'000;
        QCOMPARE(name(rig.send(lax).status), name(Status::Stale));
        QVERIFY(rig.clock.calls().empty());
        QCOMPARE(rig.audit.records.back().ageNs, 6 * S);
    }

    void refusesDatesBeforeTheBuildOrAfter2100()
    {
        Rig rig;
        const std::int64_t toBuildDate = START_REALTIME - buildDateUnixSeconds() * S;
        const protocol::Response past = rig.send(
                rig.change(Op::Step, -(toBuildDate + S), protocol::FLAG_CONFIRMED | protocol::FLAG_CONFIRMED_TWICE));
        QCOMPARE(name(past.status), name(Status::DateOutOfRange));

        FakeClockOps late = FakeClockOps::simulated(protocol::limits::LATEST_DATE_UNIX_S * S - 3600 * S, START_MONO);
        CapturingSink audit;
        const HelperConfig config = defaultHelperConfig();
        RateLimiter limiter(config.minChangeIntervalNs, config.rateWindowNs, config.maxChangesPerWindow);
        HelperService service(protocol::Verb::Step, late, config, limiter, audit, {});
        protocol::Request r = rig.change(Op::Step, 2 * 3600 * S, protocol::FLAG_CONFIRMED | protocol::FLAG_CONFIRMED_TWICE);
        r.measuredMonoNs = START_MONO - 1;
        QCOMPARE(name(service.handle(protocol::encodeRequest(r)).status), name(Status::DateOutOfRange));
        QVERIFY(late.calls().empty());
    }

    void rateLimitsChanges()
    {
        Rig rig;
        QCOMPARE(name(rig.send(rig.change(Op::Step, S / 4)).status), name(Status::Ok));
        QCOMPARE(name(rig.send(rig.change(Op::Step, S / 4)).status), name(Status::RateLimited));
        rig.clock.advance(2 * S);
        QCOMPARE(name(rig.send(rig.change(Op::Step, S / 4)).status), name(Status::Ok));
        // Up to ten changes per minute, two seconds apart: the eleventh within the minute waits.
        for (int i = 0; i < 8; ++i) {
            rig.clock.advance(2 * S + 1);
            QCOMPARE(name(rig.send(rig.change(Op::Step, S / 4)).status), name(Status::Ok));
        }
        rig.clock.advance(2 * S + 1);
        QCOMPARE(name(rig.send(rig.change(Op::Step, S / 4)).status), name(Status::RateLimited));
        rig.clock.advance(60 * S);
        QCOMPARE(name(rig.send(rig.change(Op::Step, S / 4)).status), name(Status::Ok));
        QCOMPARE(rig.clock.calls().size(), std::size_t(11));
    }

    void rateLimitHistoryOutlivesTheProcess()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string state = dir.filePath(QStringLiteral("state")).toStdString();
        {
            RateLimiter first(2 * S, 60 * S, 10);
            QVERIFY(first.setHistoryDirectory(state, false));
            QVERIFY(first.allows(START_MONO));
            first.record(START_MONO);
        }
        RateLimiter second(2 * S, 60 * S, 10); // a later helper run
        QVERIFY(second.setHistoryDirectory(state, true));
        QVERIFY(!second.allows(START_MONO + S));
        QVERIFY(second.allows(START_MONO + 3 * S));
        // Entries from a previous boot (monotonic time ahead of now) are ignored.
        RateLimiter third(2 * S, 60 * S, 10);
        QVERIFY(third.setHistoryDirectory(state, true));
        QVERIFY(third.allows(START_MONO / 2));
        // A directory others may write is not trusted.
        const QString open = dir.filePath(QStringLiteral("open"));
        QVERIFY(QDir().mkpath(open));
        QVERIFY(QFile::setPermissions(open, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                              | QFileDevice::WriteOther | QFileDevice::ReadOther | QFileDevice::ExeOther));
        RateLimiter fourth(2 * S, 60 * S, 10);
        QVERIFY(!fourth.setHistoryDirectory(open.toStdString(), false));
    }

    // Issue 13: a request carried out once is refused when it comes again, even after the rate
    // limit's interval, and audited as a replay; a new request with the same offset is fine.
    void refusesAReplayedRequest()
    {
        Rig rig;
        const protocol::Request step = rig.change(Op::Step, S / 4, 0, S / 10);
        QCOMPARE(name(rig.send(step).status), name(Status::Ok));
        rig.clock.advance(2 * S + 1);   // past the rate limit's interval, still fresh (2.1 s < 5 s)
        const protocol::Response again = rig.send(step);
        QCOMPARE(name(again.status), name(Status::Stale));
        QCOMPARE(again.appliedNs, 0);
        QCOMPARE(rig.clock.calls().size(), std::size_t(1));
        QVERIFY(rig.audit.lines.back().find("result=refused status=stale") != std::string::npos);
        QVERIFY(rig.audit.lines.back().find("detail=\"replayed:") != std::string::npos);
        QCOMPARE(name(rig.send(rig.change(Op::Step, S / 4)).status), name(Status::Ok));
        // A refused request is not remembered: sent again once it can pass, it is carried out.
        rig.clock.advance(2 * S + 1);
        const protocol::Request unconfirmed = rig.change(Op::Step, 2 * S);
        QCOMPARE(name(rig.send(unconfirmed).status), name(Status::NeedsConfirmation));
        protocol::Request confirmed = unconfirmed;
        confirmed.flags = protocol::FLAG_CONFIRMED;
        QCOMPARE(name(rig.send(confirmed).status), name(Status::Ok));
    }

    void replaysAreRememberedAcrossRuns()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string state = dir.filePath(QStringLiteral("state")).toStdString();
        protocol::Request request;
        request.op = Op::Step;
        request.requestId = 0xfeedface;
        request.measuredMonoNs = std::uint64_t(START_MONO);
        {
            ReplayGuard first(5 * S);
            QVERIFY(first.setHistoryDirectory(state, false));
            QCOMPARE(first.checkAndRemember(request, START_MONO + S), ReplayGuard::Outcome::Fresh);
        }
        ReplayGuard second(5 * S); // a later helper run
        QVERIFY(second.setHistoryDirectory(state, false));
        QCOMPARE(second.checkAndRemember(request, START_MONO + 3 * S), ReplayGuard::Outcome::Replayed);
        ReplayGuard dryRun(5 * S);
        QVERIFY(dryRun.setHistoryDirectory(state, true));
        QCOMPARE(dryRun.checkAndRemember(request, START_MONO + 3 * S), ReplayGuard::Outcome::Replayed);
        // Another request, and the same id with another measurement, are new.
        protocol::Request other = request;
        other.requestId += 1;
        QCOMPARE(second.checkAndRemember(other, START_MONO + 3 * S), ReplayGuard::Outcome::Fresh);
        other = request;
        other.measuredMonoNs += 1;
        QCOMPARE(second.checkAndRemember(other, START_MONO + 3 * S), ReplayGuard::Outcome::Fresh);
        // Past the window the entry is forgotten (the staleness check refuses such a frame).
        ReplayGuard later(5 * S);
        QVERIFY(later.setHistoryDirectory(state, false));
        QCOMPARE(later.checkAndRemember(request, START_MONO + 6 * S), ReplayGuard::Outcome::Fresh);
        // The file is private, and a directory others may write is not trusted.
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("state/requests"))).permissions() & 0x0077, 0);
        const QString open = dir.filePath(QStringLiteral("open"));
        QVERIFY(QDir().mkpath(open));
        QVERIFY(QFile::setPermissions(open, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                              | QFileDevice::WriteOther | QFileDevice::ReadOther | QFileDevice::ExeOther));
        ReplayGuard untrusted(5 * S);
        QVERIFY(!untrusted.setHistoryDirectory(open.toStdString(), false));
    }

    void replayGuardIsBounded()
    {
        ReplayGuard guard(5 * S, 3);
        protocol::Request r;
        r.op = Op::Slew;
        r.measuredMonoNs = std::uint64_t(START_MONO);
        for (std::uint64_t id = 1; id <= 3; ++id) {
            r.requestId = id;
            QCOMPARE(guard.checkAndRemember(r, START_MONO + S), ReplayGuard::Outcome::Fresh);
        }
        r.requestId = 4;
        QCOMPARE(guard.checkAndRemember(r, START_MONO + S), ReplayGuard::Outcome::Full);   // refused, not forgotten
        r.requestId = 1;
        QCOMPARE(guard.checkAndRemember(r, START_MONO + S), ReplayGuard::Outcome::Replayed);
        // The history text: malformed lines skipped, at most `capacity` entries read.
        const std::vector<ReplayGuard::Entry> parsed =
                parseReplayEntries("12 00000000000000ff\njunk\n-3 zz\n13 1\n14 2 extra\n15 3\n16 4\n", 3);
        QCOMPARE(parsed.size(), std::size_t(3));
        QCOMPARE(parsed[0].measuredMonoNs, std::int64_t(12));
        QCOMPARE(parsed[0].requestId, std::uint64_t(255));
        QCOMPARE(parsed[2].measuredMonoNs, std::int64_t(15));
        QCOMPARE(parseReplayEntries(formatReplayEntries(parsed), 3).size(), std::size_t(3));
    }

    void callerUidTrustsOnlyAPlainPkexecUidInARootHelper_data()
    {
        QTest::addColumn<QString>("pkexecUid");
        QTest::addColumn<int>("realUid");
        QTest::addColumn<qlonglong>("expected");
        QTest::newRow("pkexec") << QStringLiteral("1000") << 0 << qlonglong(1000);
        QTest::newRow("pkexec root") << QStringLiteral("0") << 0 << qlonglong(0);
        QTest::newRow("largest") << QStringLiteral("4294967294") << 0 << qlonglong(4294967294);
        QTest::newRow("no uid") << QStringLiteral("4294967295") << 0 << qlonglong(0);
        QTest::newRow("user claims another uid") << QStringLiteral("0") << 1000 << qlonglong(1000);
        QTest::newRow("junk") << QStringLiteral("1000;x") << 0 << qlonglong(0);
        QTest::newRow("sign") << QStringLiteral("+1000") << 0 << qlonglong(0);
        QTest::newRow("leading zero") << QStringLiteral("01000") << 0 << qlonglong(0);
        QTest::newRow("overflow") << QStringLiteral("99999999999999999999") << 0 << qlonglong(0);
        QTest::newRow("empty") << QString() << 0 << qlonglong(0);
    }
    void callerUidTrustsOnlyAPlainPkexecUidInARootHelper()
    {
        QFETCH(QString, pkexecUid);
        QFETCH(int, realUid);
        QFETCH(qlonglong, expected);
        QCOMPARE(qlonglong(callerUid(pkexecUid.toStdString(), realUid)), expected);
        QCOMPARE(qlonglong(callerUid(std::nullopt, realUid)), qlonglong(realUid));
    }

    // Issue 13: in a child process (the test's own environment stays): only PATH is left, the two
    // variables the helper uses are handed over, and the process is not dumpable, without cores.
    void takesItsEnvironmentAndHardensTheProcess()
    {
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            setenv("PKEXEC_UID", "1000", 1);
            setenv("CHRONOSCOPE_FORBID_CLOCK_CHANGES", "1", 1);
            setenv("LD_LIBRARY_PATH", "/tmp/evil", 1);
            setenv("TZ", "/tmp/evil", 1);
            const HelperEnvironment taken = takeHelperEnvironment();
            int failures = 0;
            failures += taken.pkexecUid != std::optional<std::string>("1000");
            failures += !taken.forbidClockChanges;
            failures += environ == nullptr || environ[0] == nullptr || std::string(environ[0]) != "PATH=/usr/sbin:/usr/bin:/sbin:/bin"
                || environ[1] != nullptr;
            failures += !hardenProcess();
            failures += prctl(PR_GET_DUMPABLE) != 0;
            rlimit core{};
            failures += getrlimit(RLIMIT_CORE, &core) != 0 || core.rlim_cur != 0 || core.rlim_max != 0;
            _exit(failures);
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }

    void verbLimitsTheOps()
    {
        Rig slewOnly(protocol::Verb::Slew);
        QCOMPARE(name(slewOnly.send(slewOnly.change(Op::Step, S / 4)).status), name(Status::NotPermitted));
        Rig readOnly(protocol::Verb::ReadState);
        QCOMPARE(name(readOnly.send(readOnly.change(Op::Slew, S / 4)).status), name(Status::NotPermitted));
        QVERIFY(slewOnly.clock.calls().empty() && readOnly.clock.calls().empty());
        QCOMPARE(readOnly.audit.records.size(), std::size_t(1));
    }

    void reportsBackendFailuresWithErrno()
    {
        Rig rig;
        rig.clock.setFailure(EPERM);
        const protocol::Response r = rig.send(rig.change(Op::Step, S / 4));
        QCOMPARE(name(r.status), name(Status::Failed));
        QCOMPARE(r.sysErrno, EPERM);
        QCOMPARE(r.appliedNs, 0);
        QCOMPARE(auditResult(rig.audit.records.back()), std::string_view("failed"));
        QVERIFY(rig.audit.lines.back().find("errno=1") != std::string::npos);
    }

    void answersHelloAndReadState()
    {
        Rig rig;
        protocol::Request hello;
        hello.op = Op::Hello;
        hello.requestId = 77;
        const protocol::Response h = rig.send(hello);
        QCOMPARE(name(h.status), name(Status::Ok));
        QCOMPARE(h.requestId, 77u);
        QCOMPARE(h.info.capabilities, protocol::CAP_STEP | protocol::CAP_READ_STATE);
        QCOMPARE(h.info.confirmBoundNs, rig.config.confirmBoundNs);
        QCOMPARE(h.info.earliestDateUnixS, buildDateUnixSeconds());
        protocol::Request read = hello;
        read.op = Op::ReadState;
        const protocol::Response s = rig.send(read);
        QCOMPARE(name(s.status), name(Status::Ok));
        QCOMPARE(s.state.maxErrorUs, 16'000'000);
        QVERIFY(rig.audit.records.empty()); // reads change nothing and are not audited
    }

    void refusesMalformedFramesAndEndsTheSession()
    {
        Rig rig;
        protocol::RequestFrame frame = protocol::encodeRequest(rig.change(Op::Step, S / 4));
        frame[6] = 42;
        const protocol::Response unknown = rig.service.handle(frame);
        QCOMPARE(name(unknown.status), name(Status::UnknownOp));
        QVERIFY(HelperService::endsSession(unknown));
        QVERIFY(rig.audit.lines.back().find("unknown_op 42") != std::string::npos);
        const protocol::Response truncated = rig.service.handleTruncated(20, true);
        QCOMPARE(name(truncated.status), name(Status::Truncated));
        QVERIFY(rig.audit.lines.back().find("input closed after 20 of 48 bytes") != std::string::npos);
        QVERIFY(rig.clock.calls().empty());
    }

    void auditLinesCarryWhoWhatAndWhen()
    {
        Rig rig;
        rig.send(rig.change(Op::Step, 2 * S + 5, protocol::FLAG_CONFIRMED));
        rig.clock.advance(3 * S);
        rig.send(rig.change(Op::Step, 3 * S));
        QCOMPARE(rig.audit.lines.size(), std::size_t(2));
        const std::string &applied = rig.audit.lines[0];
        for (const char *part : {"result=applied", "status=ok", "verb=step", "op=step", "uid=1000", "pid=4242",
                                 "offset=+2.000000005s", "error_bound=0.002000000s", "age=0.100000000s",
                                 "old_time=2030-01-01T00:00:00.000000000Z", "new_time=2030-01-01T00:00:02.000000005Z",
                                 "backend=fake"})
            QVERIFY2(applied.find(part) != std::string::npos, (applied + " lacks " + part).c_str());
        const std::string &refused = rig.audit.lines[1];
        QVERIFY2(refused.find("result=refused status=needs_confirmation") != std::string::npos, refused.c_str());
    }

    void dryRunValidatesButChangesNothing()
    {
        // DryRunClockOps reads the real clock and has no write path at all.
        DryRunClockOps dry;
        CapturingSink audit;
        const HelperConfig config = defaultHelperConfig();
        RateLimiter limiter(config.minChangeIntervalNs, config.rateWindowNs, config.maxChangesPerWindow);
        HelperService service(protocol::Verb::Step, dry, config, limiter, audit, {});
        protocol::Request r;
        r.op = Op::Step;
        r.requestId = 1;
        r.offsetNs = 5 * S;
        r.measuredMonoNs = std::uint64_t(dry.monotonicNs());
        r.maxAgeMs = 5000;
        QCOMPARE(name(service.handle(protocol::encodeRequest(r)).status), name(Status::NeedsConfirmation));
        r.flags = protocol::FLAG_CONFIRMED;
        const protocol::Response ok = service.handle(protocol::encodeRequest(r));
        QCOMPARE(name(ok.status), name(Status::Ok));
        QCOMPARE(ok.flags, protocol::RESPONSE_DRY_RUN);
        QVERIFY(std::llabs(ok.realtimeAfterNs - ok.realtimeBeforeNs) < S); // the real clock did not jump
        QCOMPARE(auditResult(audit.records.back()), std::string_view("dry-run"));
        // Dry runs are not counted: a second one right away is not rate limited.
        r.measuredMonoNs = std::uint64_t(dry.monotonicNs());
        QCOMPARE(name(service.handle(protocol::encodeRequest(r)).status), name(Status::Ok));
    }

    // The real backend, read-only (adjtimex with modes = 0): values within the kernel's limits.
    void readsTheRealKernelStateReadOnly()
    {
        protocol::KernelState state;
        QCOMPARE(SystemClockReader::readState(state), 0);
        QVERIFY(state.clockState >= 0 && state.clockState <= 5);                     // TIME_OK..TIME_ERROR
        QVERIFY(std::llabs(state.freqScaledPpm) <= 500LL * 65536);                   // ±500 ppm
        QVERIFY(state.maxErrorUs >= 0 && state.maxErrorUs <= 16'000'000);            // NTP_PHASE_LIMIT-ish
        QVERIFY(state.estErrorUs >= 0 && state.estErrorUs <= 16'000'000);
        QVERIFY(std::llabs(state.offsetNs) <= 500'000'000LL * 4);                    // a bounded PLL offset
        QCOMPARE(state.status & ~0xffffu, 0u);                                       // only STA_* bits
        LinuxClockOps linux;
        protocol::KernelState again;
        QCOMPARE(linux.readState(again), 0);
        QCOMPARE(again.status, state.status);
        const std::int64_t now = linux.realtimeNs();
        QVERIFY(now > buildDateUnixSeconds() * S - 86400 * S);
        QVERIFY(linux.monotonicNs() > 0);
    }
};

QTEST_GUILESS_MAIN(TstHelperService)
#include "tst_helperservice.moc"
