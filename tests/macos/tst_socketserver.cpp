// SPDX-License-Identifier: GPL-3.0-or-later
// The macOS daemon's Unix-socket front end on Linux (HELPER.md §2.1): SocketServer in process over
// a real AF_UNIX socket, and the daemon program (chronoscope-helper-socketd, main_launchd.cpp)
// as a process. Every hostile frame a stream can carry (tests/helper/hostileframes.h, the Linux
// helper's list) is refused with the same status and audit reason and ends the connection; root
// may step the fake clock; a caller that is neither root nor in the admin or configured group
// gets HELLO and READ_STATE only, its STEP refused as not_permitted. The clock is always the
// in-memory one (--test-fake-clock / FakeClockOps); CHRONOSCOPE_FORBID_CLOCK_CHANGES is set. A
// frame sent again on a new connection is refused as a replay.
#include <csignal>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "app/helper/auditrecord.h"
#include "app/helper/fakeclockops.h"
#include "app/helper/helperconfig.h"
#include "app/helper/peercredentials.h"
#include "app/helper/ratelimiter.h"
#include "app/helper/replayguard.h"
#include "app/helper/socketserver.h"
#include "app/helper/systemclockreader.h"
#include "core/protocol/codec.h"
#include "core/protocol/names.h"
#include "tests/helper/hostileframes.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using namespace chronoscope::helper;
using protocol::Op;
using protocol::Status;

namespace {

constexpr std::int64_t S = 1'000'000'000;

// Audit lines written by the server thread, read by the test thread.
class LockedSink final : public AuditSink
{
public:
    void write(const AuditRecord &record) override
    {
        const std::lock_guard lock(m_mutex);
        m_lines.push_back(formatAuditLine(record));
    }
    std::vector<std::string> lines() const
    {
        const std::lock_guard lock(m_mutex);
        return m_lines;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_lines;
};

int connectTo(const std::string &path)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
    const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

bool sendBytes(int fd, const std::vector<std::uint8_t> &bytes)
{
    return ::write(fd, bytes.data(), bytes.size()) == ssize_t(bytes.size());
}

bool sendRequest(int fd, const protocol::Request &request)
{
    const protocol::RequestFrame frame = protocol::encodeRequest(request);
    return sendBytes(fd, std::vector<std::uint8_t>(frame.begin(), frame.end()));
}

// One whole response, or nothing when the server closed first (or sent garbage).
std::optional<protocol::Response> receive(int fd)
{
    protocol::ResponseFrame frame{};
    std::size_t got = 0;
    while (got < frame.size()) {
        const ssize_t n = ::read(fd, frame.data() + got, frame.size() - got);
        if (n <= 0)
            return std::nullopt;
        got += std::size_t(n);
    }
    const protocol::DecodedResponse decoded = protocol::decodeResponse(frame);
    if (decoded.error != protocol::DecodeError::None)
        return std::nullopt;
    return decoded.response;
}

protocol::Request simple(Op op, std::uint64_t id)
{
    protocol::Request request;
    request.op = op;
    request.requestId = id;
    return request;
}

protocol::Request change(Op op, std::uint64_t id)
{
    protocol::Request request = simple(op, id);
    request.offsetNs = S / 4;
    request.errorBoundNs = 2'000'000;
    request.measuredMonoNs = std::uint64_t(SystemClockReader::monotonicNs() - S / 10);
    request.maxAgeMs = 5000;
    return request;
}

QString statusText(Status status)
{
    return QString::fromLatin1(protocol::statusName(status));
}

// The server on a fake clock in a thread, on a socket in a temporary directory.
class ServerRig
{
public:
    explicit ServerRig(SocketServer::Options options)
        : clock(FakeClockOps::followingSystemClock())
        , config(defaultHelperConfig())
        , limiter(config.minChangeIntervalNs, config.rateWindowNs, config.maxChangesPerWindow)
        , replays(std::int64_t(config.maxAgeMs) * 1'000'000)
        , server(clock, config, limiter, replays, audit, options)
    {
        path = dir.filePath(u"helper.sock"_s).toStdString();
        chmod(dir.path().toLocal8Bit().constData(), 0711); // a caller of another uid reaches the socket
        listenFd = listenUnixSocket(path, 0666);
        if (pipe(stop) != 0)
            stop[0] = stop[1] = -1;
        thread = std::thread([this] { result = server.run(listenFd, stop[0]); });
    }
    ~ServerRig()
    {
        close(stop[1]); // readable (end of file): run() returns
        thread.join();
        close(stop[0]);
        close(listenFd);
    }

    QTemporaryDir dir;
    FakeClockOps clock;
    HelperConfig config;
    RateLimiter limiter;
    ReplayGuard replays;
    LockedSink audit;
    SocketServer server;
    std::string path;
    int listenFd = -1;
    int stop[2] = {-1, -1};
    int result = -1;
    std::thread thread;
};

} // namespace

class TstSocketServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); }

    void peerCredentialsOfASocketPair()
    {
        int pair[2];
        QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
        PeerCredentials peer;
        QVERIFY(readPeerCredentials(pair[0], peer));
        QCOMPARE(peer.uid, long(geteuid()));
        QCOMPARE(peer.gid, long(getegid()));
        QCOMPARE(peer.pid, long(getpid()));
        close(pair[0]);
        close(pair[1]);
        const int notASocket = pair[0] = open("/dev/null", O_RDONLY);
        QVERIFY(!readPeerCredentials(notASocket, peer));
        close(notASocket);
    }

    void callerTokens()
    {
        const CallerToken root = peerCallerToken(PeerCredentials{0, 0, 1}, "", "");
        QVERIFY(root.administrator);
        QCOMPARE(QString::fromStdString(root.account), u"root"_s);
        QCOMPARE(QString::fromStdString(root.sid), u"uid=0"_s);
        const CallerToken nobody = peerCallerToken(PeerCredentials{65534, 65534, 2}, "no-such-group-x", "");
        QVERIFY(!nobody.administrator);
        QVERIFY(!nobody.inConfiguredGroup);
        const group *rootsGroup = getgrgid(0); // root on Linux, wheel on macOS
        QVERIFY(rootsGroup != nullptr);
        QVERIFY(userInGroup(0, rootsGroup->gr_name));
        QVERIFY(!userInGroup(0, "no-such-group-x"));
        QVERIFY(!userInGroup(0, ""));
        QVERIFY(!userInGroup(1'999'999'999, "root")); // no such user
    }

    void hostileFramesAreRefusedAsOnLinux()
    {
        ServerRig rig({});
        QVERIFY(rig.listenFd >= 0);
        std::size_t before = 0;
        for (const testing::HostileFrame &c : testing::hostileFrames(change(Op::Step, 7))) {
            if (!c.streamable)
                continue; // a stream cannot tell 49 bytes from a frame and the next one's start
            const int fd = connectTo(rig.path);
            QVERIFY2(fd >= 0, c.name.c_str());
            QVERIFY(sendBytes(fd, c.bytes));
            if (c.bytes.size() < protocol::REQUEST_SIZE)
                shutdown(fd, SHUT_WR); // the input closes inside the frame
            const std::optional<protocol::Response> response = receive(fd);
            QVERIFY2(response.has_value(), c.name.c_str());
            QCOMPARE(statusText(response->status), statusText(c.expected));
            QCOMPARE(response->flags, protocol::RESPONSE_SIMULATED);
            // The connection is over: nothing more is answered.
            sendRequest(fd, simple(Op::Hello, 8));
            QVERIFY(!receive(fd).has_value());
            close(fd);
            const std::vector<std::string> lines = rig.audit.lines();
            QCOMPARE(lines.size(), before + 1);
            QVERIFY2(lines.back().find(c.auditDetail) != std::string::npos, lines.back().c_str());
            QVERIFY(lines.back().find("status=" + statusText(c.expected).toStdString()) != std::string::npos);
            QVERIFY(lines.back().find("backend=fake") != std::string::npos);
            before = lines.size();
        }
        QVERIFY(rig.clock.calls().empty());
    }

    void authorisedAndUnauthorisedCallers()
    {
        if (geteuid() == 0) {
            // Root may change the clock; a child that became nobody may not.
            ServerRig rig({"", "", {10'000, 2'000}, -1});
            const int fd = connectTo(rig.path);
            QVERIFY(fd >= 0);
            QVERIFY(sendRequest(fd, simple(Op::Hello, 1)));
            const std::optional<protocol::Response> hello = receive(fd);
            QVERIFY(hello && hello->status == Status::Ok);
            QCOMPARE(hello->info.capabilities, protocol::CAP_READ_STATE | protocol::CAP_STEP | protocol::CAP_SLEW);
            const protocol::Request request = change(Op::Step, 2);
            QVERIFY(sendRequest(fd, request));
            const std::optional<protocol::Response> step = receive(fd);
            QVERIFY(step.has_value());
            QCOMPARE(statusText(step->status), statusText(Status::Ok));
            QCOMPARE(rig.clock.steppedNs(), S / 4);
            close(fd);
            // The same frame on a new connection: a replay (the guard outlives connections).
            const int again = connectTo(rig.path);
            QVERIFY(sendRequest(again, request));
            const std::optional<protocol::Response> replay = receive(again);
            QVERIFY(replay.has_value());
            QCOMPARE(statusText(replay->status), statusText(Status::Stale));
            close(again);

            int report[2];
            QCOMPARE(pipe(report), 0);
            const pid_t child = fork();
            if (child == 0) {
                std::uint8_t out[3] = {0xff, 0xff, 0xff};
                if (setgroups(0, nullptr) == 0 && setgid(65534) == 0 && setuid(65534) == 0) {
                    const int c = connectTo(rig.path);
                    if (c >= 0 && sendRequest(c, simple(Op::Hello, 1)))
                        if (const auto r = receive(c))
                            out[0] = std::uint8_t(r->info.capabilities);
                    if (c >= 0 && sendRequest(c, change(Op::Step, 2)))
                        if (const auto r = receive(c))
                            out[1] = std::uint8_t(r->status);
                    if (c >= 0 && sendRequest(c, simple(Op::ReadState, 3)))
                        if (const auto r = receive(c))
                            out[2] = std::uint8_t(r->status);
                }
                [[maybe_unused]] const ssize_t n = ::write(report[1], out, sizeof out);
                _exit(0);
            }
            close(report[1]);
            std::uint8_t got[3] = {};
            QCOMPARE(::read(report[0], got, sizeof got), ssize_t(3));
            close(report[0]);
            waitpid(child, nullptr, 0);
            QCOMPARE(unsigned(got[0]), unsigned(protocol::CAP_READ_STATE));
            QCOMPARE(statusText(Status(got[1])), statusText(Status::NotPermitted));
            QCOMPARE(statusText(Status(got[2])), statusText(Status::Ok));
            const std::vector<std::string> lines = rig.audit.lines();
            QCOMPARE(lines.size(), std::size_t(3));
            QVERIFY(lines[0].find("authorised: administrator") != std::string::npos);
            QVERIFY(lines[1].find("replayed") != std::string::npos);
            QVERIFY(lines[2].find("uid=65534") != std::string::npos);
            QVERIFY(lines[2].find("not authorised: not an administrator") != std::string::npos);
            QVERIFY(lines[2].find("op not allowed for this verb") != std::string::npos);
            QCOMPARE(rig.clock.calls().size(), std::size_t(1));
        } else {
            // Not root: unauthorised as we are, authorised through our own group as --group.
            ServerRig refused({"no-such-group-x", "", {10'000, 2'000}, -1});
            int fd = connectTo(refused.path);
            QVERIFY(sendRequest(fd, change(Op::Step, 1)));
            std::optional<protocol::Response> step = receive(fd);
            QVERIFY(step && step->status == Status::NotPermitted);
            close(fd);
            const group *own = getgrgid(getegid());
            QVERIFY(own != nullptr);
            ServerRig allowed({"no-such-group-x", own->gr_name, {10'000, 2'000}, -1});
            fd = connectTo(allowed.path);
            QVERIFY(sendRequest(fd, change(Op::Step, 1)));
            step = receive(fd);
            QVERIFY(step && step->status == Status::Ok);
            close(fd);
            QVERIFY(allowed.audit.lines().back().find("authorised: configured group") != std::string::npos);
        }
    }

    void theDaemonProgram()
    {
        const QString program = qEnvironmentVariable("CHRONOSCOPE_SOCKETD_BIN");
        QVERIFY(QFile::exists(program));
        QTemporaryDir dir;
        const QString socket = dir.filePath(u"d.sock"_s);
        const QString audit = dir.filePath(u"audit.log"_s);
        QProcess daemon;
        daemon.start(program, {u"--socket"_s, socket, u"--test-fake-clock"_s, u"--audit-file"_s, audit});
        QVERIFY(daemon.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 10'000);
        const int fd = connectTo(socket.toStdString());
        QVERIFY(fd >= 0);
        QVERIFY(sendRequest(fd, simple(Op::Hello, 1)));
        const std::optional<protocol::Response> hello = receive(fd);
        QVERIFY(hello && hello->status == Status::Ok);
        QCOMPARE(hello->flags, protocol::RESPONSE_SIMULATED); // the fake clock ran
        std::vector<std::uint8_t> bad = testing::hostileFrames(change(Op::Step, 2))[2].bytes; // bad_magic
        QVERIFY(sendBytes(fd, bad));
        const std::optional<protocol::Response> refused = receive(fd);
        QVERIFY(refused && refused->status == Status::Malformed);
        close(fd);
        daemon.terminate(); // SIGTERM: stops between connections, removes its socket
        QVERIFY(daemon.waitForFinished(10'000));
        QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
        QCOMPARE(daemon.exitCode(), 0);
        QVERIFY(!QFile::exists(socket));
        QFile log(audit);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY(text.contains("status=malformed") && text.contains("detail=\"bad_magic\"") && text.contains("backend=fake"));

        // Without launchd (not macOS) it needs --socket; unknown arguments are refused unechoed.
        QProcess bare;
        bare.start(program, {u"--test-fake-clock"_s});
        QVERIFY(bare.waitForFinished(10'000));
        QCOMPARE(bare.exitCode(), 7);
        QProcess unknown;
        unknown.start(program, {u"--frobnicate\x1b[2J"_s});
        QVERIFY(unknown.waitForFinished(10'000));
        QCOMPARE(unknown.exitCode(), 2);
        QVERIFY(!unknown.readAllStandardError().contains("frobnicate"));
    }
};

QTEST_GUILESS_MAIN(TstSocketServer)
#include "tst_socketserver.moc"
