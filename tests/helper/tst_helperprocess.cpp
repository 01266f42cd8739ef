// SPDX-License-Identifier: GPL-3.0-or-later
// The real chronoscope-helper binary (CHRONOSCOPE_HELPER_BIN) spawned as a process and driven
// over real pipes. It always runs with its in-memory test clock (--test-fake-clock) or with
// --dry-run, so the machine's clock is never changed; CHRONOSCOPE_FORBID_CLOCK_CHANGES is set
// as well, which makes a real-backend helper refuse to start.
#include <chrono>
#include <span>

#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include "core/protocol/codec.h"
#include "core/protocol/names.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::protocol;

namespace {

constexpr std::int64_t S = 1'000'000'000;

std::int64_t monoNow()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

class Helper
{
public:
    explicit Helper(const QStringList &arguments, const QString &pkexecUid = u"4321"_s)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CHRONOSCOPE_FORBID_CLOCK_CHANGES"_s, u"1"_s);
        env.insert(u"PKEXEC_UID"_s, pkexecUid);
        m_process.setProcessEnvironment(env);
        m_process.start(qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN"), arguments);
    }
    ~Helper()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    bool started() { return m_process.waitForStarted(5000); }
    void write(const QByteArray &bytes) { m_process.write(bytes); m_process.waitForBytesWritten(2000); }
    void write(const Request &request)
    {
        const RequestFrame f = encodeRequest(request);
        write(QByteArray(reinterpret_cast<const char *>(f.data()), qsizetype(f.size())));
    }
    // Waits for one whole response; empty when none came within `ms`.
    std::optional<Response> read(int ms = 5000)
    {
        QByteArray frame;
        while (frame.size() < qsizetype(RESPONSE_SIZE)) {
            if (m_process.bytesAvailable() == 0 && !m_process.waitForReadyRead(ms))
                return std::nullopt;
            frame += m_process.read(qint64(RESPONSE_SIZE) - frame.size());
        }
        const DecodedResponse d = decodeResponse(std::span(reinterpret_cast<const std::uint8_t *>(frame.constData()),
                                                           std::size_t(frame.size())));
        if (d.error != DecodeError::None)
            return std::nullopt;
        return d.response;
    }
    std::optional<Response> roundTrip(const Request &request)
    {
        write(request);
        return read();
    }
    void closeInput() { m_process.closeWriteChannel(); }
    // Exit status after the process ends (-1: still running after `ms`).
    int exitCode(int ms = 5000)
    {
        if (!m_process.waitForFinished(ms))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
    }
    QByteArray audit() { return m_process.readAllStandardError(); }
    bool running() const { return m_process.state() == QProcess::Running; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
};

Request change(Op op, std::int64_t offsetNs, std::uint32_t flags = 0, std::int64_t ageNs = S / 10)
{
    static std::uint64_t id = 100;
    Request r;
    r.op = op;
    r.requestId = ++id;
    r.offsetNs = offsetNs;
    r.errorBoundNs = 1'000'000;
    r.measuredMonoNs = std::uint64_t(monoNow() - ageNs);
    r.maxAgeMs = 5000;
    r.flags = flags;
    return r;
}

QByteArray name(Status status)
{
    return QByteArray(statusName(status).data(), qsizetype(statusName(status).size()));
}

const QStringList FAKE_STEP{u"step"_s, u"--test-fake-clock"_s};

} // namespace

class TstHelperProcess : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN")).isExecutable(),
                 "CHRONOSCOPE_HELPER_BIN must name the built chronoscope-helper");
    }

    void acceptsAStepAndLogsIt()
    {
        Helper helper(FAKE_STEP);
        QVERIFY(helper.started());
        Request hello;
        hello.op = Op::Hello;
        hello.requestId = 1;
        const std::optional<Response> h = helper.roundTrip(hello);
        QVERIFY(h);
        QCOMPARE(name(h->status), name(Status::Ok));
        QCOMPARE(h->info.capabilities, CAP_STEP | CAP_READ_STATE);

        const Request step = change(Op::Step, 2 * S, FLAG_CONFIRMED);
        const std::optional<Response> r = helper.roundTrip(step);
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::Ok));
        QCOMPARE(r->requestId, step.requestId);
        QCOMPARE(r->appliedNs, 2 * S);
        QCOMPARE(r->flags, RESPONSE_SIMULATED);
        QVERIFY(r->realtimeAfterNs - r->realtimeBeforeNs >= 2 * S);
        QVERIFY(r->realtimeAfterNs - r->realtimeBeforeNs < 3 * S);
        helper.closeInput();
        QCOMPARE(helper.exitCode(), 0); // exits when its input closes
        const QByteArray audit = helper.audit();
        QVERIFY2(audit.contains("result=applied status=ok verb=step op=step"), audit);
        // PKEXEC_UID counts only in a helper running as root (as pkexec starts it); started
        // directly by a user, the helper logs that user's own uid.
        const QByteArray uid = "uid=" + QByteArray::number(::getuid() == 0 ? 4321 : qlonglong(::getuid()));
        QVERIFY2(audit.contains(QByteArray(" " + uid + " ")), audit);
        QVERIFY2(audit.contains("offset=+2.000000000s"), audit);
        QVERIFY2(audit.contains("old_time=") && audit.contains("new_time="), audit);
        QVERIFY2(audit.contains("backend=fake"), audit);
    }

    void refusesAnUnconfirmedLargeStepThenAcceptsItConfirmed()
    {
        Helper helper(FAKE_STEP);
        QVERIFY(helper.started());
        std::optional<Response> r = helper.roundTrip(change(Op::Step, 90 * S));
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::NeedsConfirmation));
        QCOMPARE(r->appliedNs, 0);
        r = helper.roundTrip(change(Op::Step, 2 * 3600 * S, FLAG_CONFIRMED));
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::NeedsSecondConfirmation));
        r = helper.roundTrip(change(Op::Step, 2 * 3600 * S, FLAG_CONFIRMED | FLAG_CONFIRMED_TWICE));
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::Ok));
        QCOMPARE(r->appliedNs, 2 * 3600 * S);
        helper.closeInput();
        QCOMPARE(helper.exitCode(), 0);
        const QByteArray audit = helper.audit();
        QCOMPARE(audit.count("result=refused"), 2);
        QVERIFY2(audit.contains("status=needs_confirmation") && audit.contains("status=needs_second_confirmation"), audit);
        QCOMPARE(audit.count("result=applied"), 1);
    }

    void refusesOutOfBoundChanges()
    {
        Helper helper(FAKE_STEP);
        QVERIFY(helper.started());
        const std::optional<Response> big = helper.roundTrip(
                change(Op::Step, 11LL * 366 * 86400 * S, FLAG_CONFIRMED | FLAG_CONFIRMED_TWICE));
        QVERIFY(big);
        QCOMPARE(name(big->status), name(Status::OutOfRange));
        const std::optional<Response> past = helper.roundTrip(
                change(Op::Step, -9LL * 366 * 86400 * S, FLAG_CONFIRMED | FLAG_CONFIRMED_TWICE));
        QVERIFY(past);
        QCOMPARE(name(past->status), name(Status::DateOutOfRange)); // before the build date
        helper.closeInput();
        QCOMPARE(helper.exitCode(), 0);
        QCOMPARE(helper.audit().count("result=refused"), 2);
    }

    void refusesAStaleMeasurement()
    {
        Helper helper(FAKE_STEP);
        QVERIFY(helper.started());
        const std::optional<Response> r = helper.roundTrip(change(Op::Step, S / 4, 0, 10 * S));
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::Stale));
        helper.closeInput();
        QCOMPARE(helper.exitCode(), 0);
        const QByteArray audit = helper.audit();
        QVERIFY2(audit.contains("status=stale") && audit.contains("age=10."), audit);
    }

    void rateLimitsChanges()
    {
        Helper helper({u"slew"_s, u"--test-fake-clock"_s});
        QVERIFY(helper.started());
        std::optional<Response> r = helper.roundTrip(change(Op::Slew, S / 5));
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::Ok));
        QCOMPARE(r->previousSlewNs, 0);
        r = helper.roundTrip(change(Op::Slew, S / 5));
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::RateLimited));
        helper.closeInput();
        QCOMPARE(helper.exitCode(), 0);
        QVERIFY(helper.audit().contains("status=rate_limited"));
    }

    // Issue 13: the same frame sent again is refused (stale: its measurement was used) and
    // audited as a replay, even where the rate limit would let it through.
    void refusesAReplayedRequest()
    {
        Helper helper(FAKE_STEP);
        QVERIFY(helper.started());
        const Request step = change(Op::Step, S / 4);
        std::optional<Response> r = helper.roundTrip(step);
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::Ok));
        r = helper.roundTrip(step);
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::Stale));
        QCOMPARE(r->appliedNs, 0);
        helper.closeInput();
        QCOMPARE(helper.exitCode(), 0);
        const QByteArray audit = helper.audit();
        QVERIFY2(audit.contains("result=refused status=stale") && audit.contains("detail=\"replayed:"), audit);
    }

    // Issue 13: a PKEXEC_UID that is not a plain uid is never logged as the caller.
    void ignoresAMalformedPkexecUid_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("trailing junk") << u"4321x"_s;
        QTest::newRow("negative") << u"-5"_s;
        QTest::newRow("leading zero") << u"04321"_s;
        QTest::newRow("space") << u" 4321"_s;
        QTest::newRow("no uid") << u"4294967295"_s;
        QTest::newRow("too long") << u"123456789012"_s;
        QTest::newRow("empty") << QString();
    }
    void ignoresAMalformedPkexecUid()
    {
        QFETCH(QString, value);
        Helper helper(FAKE_STEP, value);
        QVERIFY(helper.started());
        const std::optional<Response> r = helper.roundTrip(change(Op::Step, S / 4));
        QVERIFY(r);
        helper.closeInput();
        QCOMPARE(helper.exitCode(), 0);
        const QByteArray audit = helper.audit();
        QVERIFY2(audit.contains(QByteArray(" uid=" + QByteArray::number(qlonglong(::getuid())) + " ")), audit);
    }

    // Issue 13: the helper never writes a core file (RLIMIT_CORE 0, set first thing in main, and
    // PR_SET_DUMPABLE 0, which tst_helperservice checks in process).
    void runsWithoutCoreFiles()
    {
        Helper helper({u"read-state"_s, u"--test-fake-clock"_s});
        QVERIFY(helper.started());
        Request hello;
        hello.op = Op::Hello;
        hello.requestId = 3;
        QVERIFY(helper.roundTrip(hello)); // main() has run its set-up by now
        QFile limits(u"/proc/%1/limits"_s.arg(helper.pid()));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        const QByteArray text = limits.readAll();
        const qsizetype at = text.indexOf("Max core file size");
        QVERIFY2(at >= 0, text);
        const QList<QByteArray> words = text.mid(at, text.indexOf('\n', at) - at).simplified().split(' ');
        QCOMPARE(words.value(4), QByteArray("0"));   // soft
        QCOMPARE(words.value(5), QByteArray("0"));   // hard
        helper.closeInput();
        QCOMPARE(helper.exitCode(), 0);
    }

    // Issue 13: an unknown argument is named in the error, but only as bounded printable text.
    void showsUnknownArgumentsSafely()
    {
        Helper helper({u"step"_s, u"\x1b]0;owned\x07"_s + QString(5000, u'A')});
        QVERIFY(helper.started());
        QCOMPARE(helper.exitCode(), 2);   // ExitUsage
        const QByteArray error = helper.audit();
        QVERIFY2(error.contains("unknown argument '?]0;owned?AAAA"), error);
        QVERIFY2(!error.contains('\x1b') && !error.contains('\x07') && error.size() < 1000, error);
    }

    void refusesTheOtherVerbsChange()
    {
        Helper helper({u"slew"_s, u"--test-fake-clock"_s});
        QVERIFY(helper.started());
        const std::optional<Response> r = helper.roundTrip(change(Op::Step, S / 4));
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::NotPermitted));
        helper.closeInput();
        QCOMPARE(helper.exitCode(), 0);
    }

    void rejectsUnknownVerbsAndOps()
    {
        Helper verb({u"frequency"_s, u"--test-fake-clock"_s});
        QVERIFY(verb.started());
        QCOMPARE(verb.exitCode(), 2);
        QVERIFY(verb.audit().contains("unknown verb 'frequency'"));

        Helper op(FAKE_STEP);
        QVERIFY(op.started());
        RequestFrame frame = encodeRequest(change(Op::Step, S / 4));
        frame[6] = 9;
        op.write(QByteArray(reinterpret_cast<const char *>(frame.data()), qsizetype(frame.size())));
        const std::optional<Response> r = op.read();
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::UnknownOp));
        QCOMPARE(r->op, Op::None);
        QCOMPARE(op.exitCode(), 3); // replies, then stops reading although its input is still open
        QVERIFY(op.audit().contains("status=unknown_op"));
    }

    void answersATruncatedFrameAndStops()
    {
        Helper helper(FAKE_STEP);
        QVERIFY(helper.started());
        const RequestFrame frame = encodeRequest(change(Op::Step, S / 4));
        helper.write(QByteArray(reinterpret_cast<const char *>(frame.data()), 20));
        const std::optional<Response> r = helper.read(5000); // after the 2 s frame timeout
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::Truncated));
        QCOMPARE(helper.exitCode(), 4);
        QVERIFY(helper.audit().contains("frame stalled after 20 of 48 bytes"));
    }

    void changesNothingWhenInputClosesMidRequest()
    {
        Helper helper(FAKE_STEP);
        QVERIFY(helper.started());
        const RequestFrame frame = encodeRequest(change(Op::Step, S / 4));
        helper.write(QByteArray(reinterpret_cast<const char *>(frame.data()), 47));
        helper.closeInput();
        const std::optional<Response> r = helper.read();
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::Truncated));
        QCOMPARE(helper.exitCode(), 4);
        const QByteArray audit = helper.audit();
        QVERIFY2(audit.contains("input closed after 47 of 48 bytes"), audit);
        QVERIFY(!audit.contains("result=applied"));
    }

    void rejectsAMalformedFrameAndStops()
    {
        Helper helper(FAKE_STEP);
        QVERIFY(helper.started());
        RequestFrame frame = encodeRequest(change(Op::Step, S / 4));
        frame[0] = 'X';
        helper.write(QByteArray(reinterpret_cast<const char *>(frame.data()), qsizetype(frame.size())));
        const std::optional<Response> r = helper.read();
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::Malformed));
        QCOMPARE(helper.exitCode(), 3);
        QVERIFY(helper.audit().contains("detail=\"bad_magic\""));
    }

    // --dry-run reads the real clock (read-only) and changes nothing, in release builds too.
    void dryRunReadsTheRealStateAndChangesNothing()
    {
        Helper helper({u"step"_s, u"--dry-run"_s});
        QVERIFY(helper.started());
        Request read;
        read.op = Op::ReadState;
        read.requestId = 3;
        const std::optional<Response> s = helper.roundTrip(read);
        QVERIFY(s);
        QCOMPARE(name(s->status), name(Status::Ok));
        QCOMPARE(s->flags, RESPONSE_DRY_RUN);
        QVERIFY(s->state.clockState >= 0 && s->state.clockState <= 5);
        QVERIFY(std::llabs(s->state.freqScaledPpm) <= 500LL * 65536);
        const std::int64_t wall = std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::system_clock::now().time_since_epoch()).count();
        QVERIFY(std::llabs(s->realtimeBeforeNs - wall) < 5 * S);

        const std::optional<Response> r = helper.roundTrip(change(Op::Step, 30 * S, FLAG_CONFIRMED));
        QVERIFY(r);
        QCOMPARE(name(r->status), name(Status::Ok));
        QCOMPARE(r->flags, RESPONSE_DRY_RUN);
        QVERIFY(std::llabs(r->realtimeAfterNs - r->realtimeBeforeNs) < S); // no 30 s jump
        helper.closeInput();
        QCOMPARE(helper.exitCode(), 0);
        QVERIFY(helper.audit().contains("result=dry-run"));
    }

    void realBackendRefusesToStartWhenChangesAreForbidden()
    {
        Helper helper({u"step"_s});
        QVERIFY(helper.started());
        QCOMPARE(helper.exitCode(), 7);
        QVERIFY(helper.audit().contains("CHRONOSCOPE_FORBID_CLOCK_CHANGES"));
    }
};

QTEST_GUILESS_MAIN(TstHelperProcess)
#include "tst_helperprocess.moc"
