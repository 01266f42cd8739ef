// SPDX-License-Identifier: GPL-3.0-or-later
// The client of the long-running helpers (HELPER.md §4.1): ClockCorrector driving
// LocalSocketClockHelper against the real macOS daemon program, built on Linux as
// chronoscope-helper-socketd (its in-memory clock, --test-fake-clock, or --dry-run; the audit
// file says which backend ran), and against scripted servers in a thread that misbehave:
// garbage, a frame too many, a reply to another request, silence, a full backlog, an idle close.
// On Windows and macOS the same class talks to the service's pipe or the daemon's socket.
// CHRONOSCOPE_FORBID_CLOCK_CHANGES is set: a real-backend daemon would refuse to start.
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <functional>
#include <thread>

#include <grp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "core/correction/clockcorrector.h"
#include "core/correction/clockhelperfactory.h"
#include "core/correction/correctionpolicy.h"
#include "core/correction/localsocketclockhelper.h"
#include "core/correction/processclockhelper.h"
#include "core/protocol/codec.h"
#include "tests/fakes/fakentpserver.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using namespace chronoscope::correction;
using Outcome = CorrectionOutcome::Result;

namespace {

constexpr uid_t NOBODY = 65534;

engine::SystemStatus system(double offset)
{
    engine::SystemStatus s;
    s.synchronized = true;
    s.offset = offset;
    s.errorBound = std::abs(offset) + 0.002;
    s.sysPeer = u"127.0.0.1:123"_s;
    s.survivors = 3;
    return s;
}

CorrectionProposal proposal(double offset)
{
    return proposeCorrection(system(offset), ServerMajority{3, 4});
}

CorrectionOutcome run(ClockCorrector &corrector, const CorrectionProposal &p, int confirmations, bool dryRun = false)
{
    QSignalSpy finished(&corrector, &ClockCorrector::finished);
    corrector.start(p, ClockCorrector::monotonicNowNs(), confirmations, dryRun);
    if (finished.isEmpty() && !finished.wait(20'000))
        return {};
    return finished.first().first().value<CorrectionOutcome>();
}

QString errorName(const CorrectionOutcome &o)
{
    return o.helperError ? QString::number(int(*o.helperError)) : u"none"_s;
}

// chronoscope-helper-socketd on a socket in its own directory (reachable by other uids), its
// audit in a file there.
class Daemon
{
public:
    // `now`: start it and wait for its socket; else launch() starts it later, without waiting.
    explicit Daemon(const QStringList &options, bool now = true)
        : m_options(options)
    {
        chmod(dir.path().toLocal8Bit().constData(), 0711);
        socket = dir.filePath(u"helper.sock"_s);
        audit = dir.filePath(u"audit.log"_s);
        if (!now)
            return;
        started = launch() && process.waitForStarted(5000);
        for (int i = 0; started && i < 200 && !QFile::exists(socket); ++i)
            QTest::qWait(25);
        started = started && QFile::exists(socket);
    }
    bool launch()
    {
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(qEnvironmentVariable("CHRONOSCOPE_SOCKETD_BIN"),
                      QStringList{u"--socket"_s, socket, u"--audit-file"_s, audit} + m_options);
        return true;
    }
    ~Daemon()
    {
        process.terminate();
        if (!process.waitForFinished(5000))
            process.kill();
        process.waitForFinished(2000);
    }
    QByteArray auditText() const
    {
        QFile file(audit);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir dir;
    QString socket;
    QString audit;
    QProcess process;
    bool started = false;

private:
    QStringList m_options;
};

// The options under which this test's own user may change the daemon's (fake) clock: root is an
// administrator; anyone else through --group with their own group.
QStringList authorisedOptions()
{
    if (geteuid() == 0)
        return {};
    QStringList options;
    if (const group *own = getgrgid(getegid()))
        options << u"--group"_s << QString::fromLocal8Bit(own->gr_name);
    return options;
}

bool readExactly(int fd, void *buffer, std::size_t size, int timeoutMs)
{
    std::size_t got = 0;
    while (got < size) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, timeoutMs) <= 0)
            return false;
        const ssize_t n = ::read(fd, static_cast<char *>(buffer) + got, size - got);
        if (n <= 0)
            return false;
        got += std::size_t(n);
    }
    return true;
}

std::optional<protocol::Request> readRequest(int fd)
{
    protocol::RequestFrame frame{};
    if (!readExactly(fd, frame.data(), frame.size(), 5000))
        return std::nullopt;
    const protocol::DecodedRequest decoded = protocol::decodeRequest(frame);
    if (decoded.error != protocol::DecodeError::None)
        return std::nullopt;
    return decoded.request;
}

bool writeAll(int fd, const void *data, std::size_t size)
{
    return ::send(fd, data, size, MSG_NOSIGNAL) == ssize_t(size);
}

// A valid answer from a service that lets the caller do everything.
protocol::ResponseFrame okReply(const protocol::Request &request)
{
    protocol::Response response;
    response.requestId = request.requestId;
    response.op = request.op;
    response.flags = protocol::RESPONSE_SIMULATED;
    if (request.op == protocol::Op::Hello)
        response.info.capabilities = protocol::CAP_READ_STATE | protocol::CAP_STEP | protocol::CAP_SLEW;
    else
        response.appliedNs = request.offsetNs;
    return protocol::encodeResponse(response);
}

// A listening socket in a thread; `script` serves each accepted connection (its number from 0).
class ScriptedServer
{
public:
    using Script = std::function<void(int fd, int connection)>;
    ScriptedServer(Script script, int backlog = 8, bool accepting = true)
        : m_script(std::move(script))
    {
        path = dir.filePath(u"s.sock"_s);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray p = path.toLocal8Bit();
        std::memcpy(address.sun_path, p.constData(), std::size_t(p.size()) + 1);
        listenFd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (bind(listenFd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0
            || listen(listenFd, backlog) != 0 || pipe(m_stop) != 0)
            listenFd = -1;
        if (listenFd >= 0 && accepting)
            m_thread = std::thread([this] { serve(); });
    }
    ~ScriptedServer()
    {
        if (m_stop[1] >= 0)
            close(m_stop[1]);
        if (m_thread.joinable())
            m_thread.join();
        close(m_stop[0]);
        close(listenFd);
    }

    QTemporaryDir dir;
    QString path;
    int listenFd = -1;
    std::atomic<int> connections{0};

private:
    void serve()
    {
        for (;;) {
            pollfd fds[2] = {{listenFd, POLLIN, 0}, {m_stop[0], POLLIN, 0}};
            if (poll(fds, 2, -1) < 0 || fds[1].revents != 0)
                return;
            const int fd = accept(listenFd, nullptr, nullptr);
            if (fd < 0)
                continue;
            m_script(fd, connections++);
            close(fd);
        }
    }

    Script m_script;
    int m_stop[2] = {-1, -1};
    std::thread m_thread;
};

// `chronoscope-cli ARGS` with the helper socket `socket`, while this thread's event loop keeps an
// in-process NTP server answering. Exit status, stdout and stderr in one text.
std::pair<int, QString> runCli(const QStringList &arguments, const QString &socket)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CHRONOSCOPE_HELPER_SOCKET"_s, socket);
    process.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    process.start(qEnvironmentVariable("CHRONOSCOPE_CLI"), arguments);
    process.closeWriteChannel();
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(2000);
    }
    const int status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    return {status, QString::fromUtf8(process.readAllStandardOutput() + "\n--- stderr:\n" + process.readAllStandardError())};
}

// The child of unprivilegedCallerIsRefused: one slew through the socket, as whoever runs it.
int childSlew(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qRegisterMetaType<CorrectionOutcome>();
    LocalSocketClockHelper helper(QString::fromLocal8Bit(argv[2]));
    ClockCorrector corrector(&helper);
    const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
    std::printf("uid=%u result=%d error=%s detail=%s\n", unsigned(getuid()), int(o.result),
                qPrintable(errorName(o)), qPrintable(o.detail));
    return 0;
}

} // namespace

class TstLocalSocketClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        std::signal(SIGPIPE, SIG_IGN);
        qRegisterMetaType<CorrectionOutcome>();
        QVERIFY(QFile::exists(qEnvironmentVariable("CHRONOSCOPE_SOCKETD_BIN")));
        QVERIFY(qEnvironmentVariableIsSet("CHRONOSCOPE_FORBID_CLOCK_CHANGES"));
    }

    void slewsTheDaemonsFakeClock()
    {
        Daemon daemon(authorisedOptions() + QStringList{u"--test-fake-clock"_s});
        QVERIFY(daemon.started);
        LocalSocketClockHelper helper(daemon.socket);
        ClockCorrector corrector(&helper);
        QSignalSpy authorised(&corrector, &ClockCorrector::authorised);
        const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
        QCOMPARE(int(o.result), int(Outcome::Applied));
        QCOMPARE(o.kind, CorrectionKind::Slew);
        QVERIFY(o.simulated); // the daemon's in-memory clock answered
        QVERIFY(!o.changedClock());
        QCOMPARE(o.applied, 0.2);
        QCOMPARE(authorised.size(), 1);
        QVERIFY2(helper.diagnostics().contains(u"allows this account: read, slew, step"_s), qPrintable(helper.diagnostics()));
        const QByteArray audit = daemon.auditText();
        QVERIFY2(audit.contains("result=applied status=ok verb=slew op=slew"), audit.constData());
        QVERIFY(audit.contains("applied=+0.200000000s") && audit.contains("backend=fake"));
    }

    void stepsTheDaemonsFakeClockAndHonoursItsRateLimit()
    {
        Daemon daemon(authorisedOptions() + QStringList{u"--test-fake-clock"_s});
        QVERIFY(daemon.started);
        LocalSocketClockHelper helper(daemon.socket);
        ClockCorrector corrector(&helper);
        CorrectionOutcome o = run(corrector, proposal(-3.0), 0);
        QCOMPARE(int(o.result), int(Outcome::Refused)); // the client's own rule: not confirmed
        QCOMPARE(o.status, protocol::Status::NeedsConfirmation);
        QVERIFY(!daemon.auditText().contains("op=step"));
        o = run(corrector, proposal(-3.0), 1);
        QCOMPARE(int(o.result), int(Outcome::Applied));
        QCOMPARE(o.kind, CorrectionKind::Step);
        QVERIFY(o.simulated);
        QCOMPARE(o.applied, -3.0);
        QVERIFY(o.realtimeAfterNs - o.realtimeBeforeNs < -2'900'000'000LL);
        QVERIFY(daemon.auditText().contains("applied=-3.000000000s"));
        // A second change at once, on a new connection: the daemon's rate limit outlives it.
        o = run(corrector, proposal(2.0), 1);
        QCOMPARE(int(o.result), int(Outcome::Refused));
        QCOMPARE(o.status, protocol::Status::RateLimited);
        QVERIFY(daemon.auditText().contains("status=rate_limited"));
    }

    void dryRuns()
    {
        {
            Daemon daemon(authorisedOptions() + QStringList{u"--dry-run"_s});
            QVERIFY(daemon.started);
            LocalSocketClockHelper helper(daemon.socket);
            ClockCorrector corrector(&helper);
            const CorrectionOutcome o = run(corrector, proposal(0.2), 0, true);
            QCOMPARE(int(o.result), int(Outcome::DryRun));
            QVERIFY(!o.changedClock());
            QVERIFY(daemon.auditText().contains("result=dry-run") && daemon.auditText().contains("backend=dry-run"));
        }
        // A dry run asked of a service that would change its clock: nothing is sent.
        Daemon daemon(authorisedOptions() + QStringList{u"--test-fake-clock"_s});
        QVERIFY(daemon.started);
        LocalSocketClockHelper helper(daemon.socket);
        ClockCorrector corrector(&helper);
        const CorrectionOutcome o = run(corrector, proposal(0.2), 0, true);
        QCOMPARE(int(o.result), int(Outcome::Failed));
        QCOMPARE(errorName(o), QString::number(int(HelperError::RefusedToStart)));
        QVERIFY2(o.detail.contains(u"dry run"_s), qPrintable(o.detail));
        QVERIFY(!daemon.auditText().contains("op=slew"));
    }

    void unprivilegedCallerIsRefused()
    {
        Daemon daemon(QStringList{u"--test-fake-clock"_s}); // no --group: root and admin only
        QVERIFY(daemon.started);
        QString result;
        if (geteuid() == 0) {
            // This test's client as nobody, in a child: setpriv drops uid, gid and groups.
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            child.start(u"setpriv"_s, {u"--reuid=%1"_s.arg(NOBODY), u"--regid=%1"_s.arg(NOBODY), u"--clear-groups"_s,
                                       QCoreApplication::applicationFilePath(), u"--child-slew"_s, daemon.socket});
            QVERIFY(child.waitForFinished(30'000));
            QCOMPARE(child.exitCode(), 0);
            result = QString::fromLocal8Bit(child.readAllStandardOutput());
            QVERIFY2(result.startsWith(u"uid=%1 "_s.arg(NOBODY)), qPrintable(result));
            QVERIFY2(result.contains(u"result=%1 error=%2 "_s.arg(int(Outcome::Failed)).arg(int(HelperError::NotAuthorised))),
                     qPrintable(result));
        } else {
            LocalSocketClockHelper helper(daemon.socket);
            ClockCorrector corrector(&helper);
            const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
            QCOMPARE(int(o.result), int(Outcome::Failed));
            QCOMPARE(errorName(o), QString::number(int(HelperError::NotAuthorised)));
            result = o.detail;
        }
        QVERIFY2(result.contains(u"may not slew the clock"_s), qPrintable(result));
        QVERIFY(!daemon.auditText().contains("op=slew")); // the client stopped at HELLO
    }

    void daemonNotRunning()
    {
        QTemporaryDir dir;
        // No socket at all: the daemon is not installed (or not approved).
        const QString missing = dir.filePath(u"missing.sock"_s);
        {
            LocalSocketClockHelper helper(missing);
            ClockCorrector corrector(&helper);
            const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
            QCOMPARE(int(o.result), int(Outcome::Failed));
            QCOMPARE(errorName(o), QString::number(int(HelperError::NotInstalled)));
            QVERIFY2(o.detail.contains(missing), qPrintable(o.detail));
            QVERIFY(helper.diagnostics().contains(missing));
        }
        // A socket file nobody listens on (a daemon that died): not running.
        const QString stale = dir.filePath(u"stale.sock"_s);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, stale.toLocal8Bit().constData(), std::size_t(stale.toLocal8Bit().size()) + 1);
        const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        QCOMPARE(bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
        close(fd);
        LocalSocketClockHelper helper(stale);
        ClockCorrector corrector(&helper);
        const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
        QCOMPARE(int(o.result), int(Outcome::Failed));
        QCOMPARE(errorName(o), QString::number(int(HelperError::ServiceNotRunning)));
        QVERIFY2(o.detail.contains(u"not running"_s), qPrintable(o.detail));
    }

    void startsAStoppedServiceOnce()
    {
        // As on Windows: no endpoint, so the service is started, and the client retries.
        Daemon daemon(authorisedOptions() + QStringList{u"--test-fake-clock"_s}, false);
        int starts = 0;
        LocalSocketClockHelper helper(daemon.socket);
        helper.setServiceStarter([&]() -> std::optional<LocalSocketClockHelper::StartRefusal> {
            ++starts;
            daemon.launch();
            return std::nullopt;
        });
        ClockCorrector corrector(&helper);
        CorrectionOutcome o = run(corrector, proposal(0.2), 0);
        QCOMPARE(int(o.result), int(Outcome::Applied));
        QVERIFY(o.simulated);
        QCOMPARE(starts, 1);
        QVERIFY2(helper.diagnostics().contains(u"asked for the helper service to be started"_s),
                 qPrintable(helper.diagnostics()));
        QVERIFY(daemon.auditText().contains("op=slew"));

        // A service that cannot be started: the starter's reason, once.
        LocalSocketClockHelper refused(daemon.dir.filePath(u"other.sock"_s));
        starts = 0;
        refused.setServiceStarter([&]() -> std::optional<LocalSocketClockHelper::StartRefusal> {
            ++starts;
            return LocalSocketClockHelper::StartRefusal{HelperError::NotInstalled, u"no such service"_s};
        });
        ClockCorrector refusedCorrector(&refused);
        o = run(refusedCorrector, proposal(0.2), 0);
        QCOMPARE(errorName(o), QString::number(int(HelperError::NotInstalled)));
        QCOMPARE(o.detail, u"no such service"_s);
        QCOMPARE(starts, 1);

        // Started, but its endpoint never appears: not running, within the connect timeout.
        LocalSocketClockHelper silent(daemon.dir.filePath(u"never.sock"_s));
        silent.setTimeouts(400, 2000);
        starts = 0;
        silent.setServiceStarter([&]() -> std::optional<LocalSocketClockHelper::StartRefusal> {
            ++starts;
            return std::nullopt;
        });
        ClockCorrector silentCorrector(&silent);
        o = run(silentCorrector, proposal(0.2), 0);
        QCOMPARE(errorName(o), QString::number(int(HelperError::ServiceNotRunning)));
        QVERIFY2(o.detail.contains(u"did not appear within 400 ms"_s), qPrintable(o.detail));
        QCOMPARE(starts, 1);
    }

    void garbageIsAProtocolErrorAndReadsStayBounded()
    {
        // After the request, an endless stream of bytes; the client must hang up, not read on.
        std::atomic<qint64> written{0};
        std::atomic<int> endedBy{0};
        constexpr qint64 CAP = 256LL << 20;
        ScriptedServer server([&](int fd, int) {
            if (!readRequest(fd))
                return;
            const QByteArray chunk(64 * 1024, 'A');
            while (written < CAP) {
                pollfd p{fd, POLLOUT, 0};
                if (poll(&p, 1, 5000) <= 0) {
                    endedBy = -1; // stalled: the client neither read nor closed
                    return;
                }
                const ssize_t n = ::send(fd, chunk.constData(), std::size_t(chunk.size()), MSG_NOSIGNAL);
                if (n < 0) {
                    endedBy = errno;
                    return;
                }
                written += n;
            }
        });
        QVERIFY(server.listenFd >= 0);
        LocalSocketClockHelper helper(server.path);
        ClockCorrector corrector(&helper);
        const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
        QCOMPARE(int(o.result), int(Outcome::Failed));
        QCOMPARE(errorName(o), QString::number(int(HelperError::BadReply)));
        QVERIFY2(o.detail.contains(u"undecodable reply (bad_magic)"_s), qPrintable(o.detail));
        QTRY_VERIFY_WITH_TIMEOUT(endedBy != 0, 10'000);
        QVERIFY2(endedBy == EPIPE || endedBy == ECONNRESET, qPrintable(QString::number(endedBy)));
        QVERIFY2(written < (16LL << 20), qPrintable(QString::number(written))); // socket buffers, not the stream
    }

    void aFrameTooManyIsAProtocolError()
    {
        // HELLO answered with one byte too many: the next reply is out of step.
        ScriptedServer server([](int fd, int) {
            const std::optional<protocol::Request> hello = readRequest(fd);
            if (!hello)
                return;
            QByteArray bytes;
            const protocol::ResponseFrame frame = okReply(*hello);
            bytes.append(reinterpret_cast<const char *>(frame.data()), qsizetype(frame.size()));
            bytes.append('\0');
            writeAll(fd, bytes.constData(), std::size_t(bytes.size()));
            if (const std::optional<protocol::Request> change = readRequest(fd)) {
                const protocol::ResponseFrame reply = okReply(*change);
                writeAll(fd, reply.data(), reply.size());
            }
            char sink[16];
            readExactly(fd, sink, sizeof sink, 2000); // until the client hangs up
        });
        LocalSocketClockHelper helper(server.path);
        ClockCorrector corrector(&helper);
        const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
        QCOMPARE(int(o.result), int(Outcome::Failed));
        QCOMPARE(errorName(o), QString::number(int(HelperError::BadReply)));
        QVERIFY(!o.simulated);
    }

    void aReplyToAnotherRequestIsAProtocolError()
    {
        ScriptedServer server([](int fd, int) {
            std::optional<protocol::Request> hello = readRequest(fd);
            if (!hello)
                return;
            hello->requestId += 1000;
            const protocol::ResponseFrame reply = okReply(*hello);
            writeAll(fd, reply.data(), reply.size());
            char sink[16];
            readExactly(fd, sink, sizeof sink, 2000);
        });
        LocalSocketClockHelper helper(server.path);
        ClockCorrector corrector(&helper);
        const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
        QCOMPARE(errorName(o), QString::number(int(HelperError::BadReply)));
        QCOMPARE(o.detail, u"reply to another request"_s);
    }

    void aSilentServerTimesOut()
    {
        std::atomic<bool> gotRequest{false};
        ScriptedServer server([&](int fd, int) {
            gotRequest = readRequest(fd).has_value();
            char sink[16];
            readExactly(fd, sink, sizeof sink, 5000); // never answers; waits for the hang-up
        });
        LocalSocketClockHelper helper(server.path);
        helper.setTimeouts(2000, 300);
        ClockCorrector corrector(&helper);
        const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
        QCOMPARE(int(o.result), int(Outcome::Failed));
        QCOMPARE(errorName(o), QString::number(int(HelperError::Timeout)));
        QVERIFY2(o.detail.contains(u"did not answer within 300 ms"_s), qPrintable(o.detail));
        QVERIFY(gotRequest);
    }

    void aServerThatNeverAcceptsTimesOutConnecting()
    {
        // Nobody accepts and the backlog is full: connecting cannot finish.
        ScriptedServer server({}, 0, false);
        QVERIFY(server.listenFd >= 0);
        std::vector<int> fillers;
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, server.path.toLocal8Bit().constData(), std::size_t(server.path.size()) + 1);
        for (int i = 0; i < 8; ++i) {
            const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
            fillers.push_back(fd);
            if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0)
                break; // EAGAIN: the backlog is full now
        }
        LocalSocketClockHelper helper(server.path);
        helper.setTimeouts(300, 2000);
        ClockCorrector corrector(&helper);
        const CorrectionOutcome o = run(corrector, proposal(0.2), 0);
        for (const int fd : fillers)
            close(fd);
        QCOMPARE(int(o.result), int(Outcome::Failed));
        QCOMPARE(errorName(o), QString::number(int(HelperError::Timeout)));
        QVERIFY2(o.detail.contains(u"connecting to"_s), qPrintable(o.detail));
    }

    void reconnectsAfterTheServiceClosedAnIdleConnection()
    {
        // The first connection is closed after HELLO, as the service does with an idle client.
        ScriptedServer server([](int fd, int) {
            if (const std::optional<protocol::Request> request = readRequest(fd)) {
                const protocol::ResponseFrame reply = okReply(*request);
                writeAll(fd, reply.data(), reply.size());
            }
        });
        LocalSocketClockHelper helper(server.path);
        std::vector<std::uint64_t> replied; // request ids answered
        connect(&helper, &ClockHelper::replied, this,
                [&replied](const protocol::Response &response) { replied.push_back(response.requestId); });
        QSignalSpy failed(&helper, &ClockHelper::failed);
        helper.open(protocol::Verb::Slew, false);
        protocol::Request hello;
        hello.requestId = 41;
        helper.send(hello);
        QTRY_COMPARE(replied.size(), std::size_t(1));
        QTRY_COMPARE(server.connections.load(), 1);
        QTest::qWait(200); // the server has closed by now
        protocol::Request readState;
        readState.op = protocol::Op::ReadState;
        readState.requestId = 42;
        helper.send(readState);
        QTRY_COMPARE(replied.size(), std::size_t(2));
        QCOMPARE(replied.at(1), std::uint64_t(42));
        QCOMPARE(server.connections.load(), 2);
        QVERIFY(failed.isEmpty());
        helper.close();
    }

    void theCliCorrectsThroughTheSocket()
    {
        // chronoscope-cli step picks its helper with createClockHelper (the socket here).
        testing::FakeNtpServer ntp;
        QVERIFY(ntp.isListening());
        ntp.setClockOffset(0.25);
        const QStringList step{u"step"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"0.2"_s,
                               u"127.0.0.1:%1"_s.arg(ntp.port())};
        {
            Daemon daemon(authorisedOptions() + QStringList{u"--test-fake-clock"_s});
            QVERIFY(daemon.started);
            const auto [status, text] = runCli(step, daemon.socket);
            QVERIFY2(status == 0, qPrintable(text));
            QVERIFY2(text.contains(u"Simulated: the helper's test clock was slewed"_s), qPrintable(text));
            QVERIFY2(text.contains(u"connected to %1"_s.arg(daemon.socket)), qPrintable(text)); // diagnostics
            QVERIFY(daemon.auditText().contains("result=applied status=ok verb=slew op=slew"));
        }
        QTemporaryDir dir;
        const auto [status, text] = runCli(step, dir.filePath(u"none.sock"_s));
        QVERIFY2(status == 1, qPrintable(text));
        QVERIFY2(text.contains(u"Failed: the clock helper could not be started (no helper socket at"_s), qPrintable(text));
    }

    void thePlatformsEndpoints()
    {
        // The client looks where the service listens (a drift check on the sources).
        const QString source = qEnvironmentVariable("CHRONOSCOPE_SOURCE_DIR");
        auto read = [&](const QString &path) {
            QFile file(source + u'/' + path);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        };
        QVERIFY(read(u"app/helper/windowshelperoptions.h"_s)
                        .contains(u"pipeName = \"\\\\\\\\.\\\\pipe\\\\%1\""_s.arg(windowsHelperPipeName())));
        QVERIFY(read(u"packaging/macos/helper-daemon.plist.in"_s)
                        .contains(u"<string>/var/run/@CHRONOSCOPE_HELPER_LABEL@.sock</string>"_s));
        const QString macos = read(u"packaging/macos/CMakeLists.txt"_s);
        QVERIFY(macos.contains(u"set(CHRONOSCOPE_HELPER_LABEL \"${CHRONOSCOPE_APP_ID}.helper\")"_s));
        QVERIFY(macos.contains(u"set(CHRONOSCOPE_APP_ID \"io.github.chronoscope.Chronoscope\""_s));
        QCOMPARE(macHelperSocketPath(), u"/var/run/io.github.chronoscope.Chronoscope.helper.sock"_s);
        QVERIFY(read(u"app/helper/serviceinstaller.h"_s)
                        .contains(u"SERVICE_NAME = L\"%1\""_s.arg(windowsHelperServiceName())));

        // Linux: pkexec; CHRONOSCOPE_HELPER_SOCKET selects the socket client anywhere.
        qunsetenv("CHRONOSCOPE_HELPER_SOCKET");
        std::unique_ptr<ClockHelper> helper = createClockHelper();
        QVERIFY(qobject_cast<ProcessClockHelper *>(helper.get()) != nullptr);
        qputenv("CHRONOSCOPE_HELPER_SOCKET", "/tmp/some.sock");
        helper = createClockHelper();
        qunsetenv("CHRONOSCOPE_HELPER_SOCKET");
        const auto *socketHelper = qobject_cast<LocalSocketClockHelper *>(helper.get());
        QVERIFY(socketHelper != nullptr);
        QCOMPARE(socketHelper->serverName(), u"/tmp/some.sock"_s);
    }
};

int main(int argc, char *argv[])
{
    if (argc == 3 && std::strcmp(argv[1], "--child-slew") == 0)
        return childSlew(argc, argv);
    QCoreApplication app(argc, argv);
    TstLocalSocketClient test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_localsocketclient.moc"
