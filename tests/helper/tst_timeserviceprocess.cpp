// SPDX-License-Identifier: GPL-3.0-or-later
// The real chronoscope-helper binary (CHRONOSCOPE_HELPER_BIN) with `configure-time-service`
// and the test backend rooted in a temporary directory (HELPER.md §5.5): files, backups,
// restarts recorded in root/restarts.log, rollback, Revert, and every refusal of §4.6. No test
// here touches /etc or runs systemctl; the real chronyd cases are in tests/interop
// (tst_timeserviceinterop).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cstring>
#include <thread>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/sysservice/cmdmonprotocol.h"

#include "core/protocol/timeservicecodec.h"
#include "core/protocol/timeservicenames.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::protocol::timeservice;
namespace ts = chronoscope::protocol::timeservice;

namespace {

constexpr uid_t NOBODY = 65534;

struct Outcome
{
    std::optional<ts::Response> response;
    int exitCode = -1;
    QByteArray audit;   // the helper's stderr (syslog's LOG_PERROR copy)
};

QByteArray bytes(const std::vector<std::uint8_t> &v)
{
    return QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size()));
}

// Runs the helper once with `frames` on its stdin, returns its first response.
Outcome runHelper(const QStringList &extra, const QByteArray &frames, bool asNobody = false, bool withTestEnv = true,
                  const QString &verb = u"configure-time-service"_s)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!withTestEnv)
        env.remove(u"CHRONOSCOPE_FORBID_CLOCK_CHANGES"_s);
    else
        env.insert(u"CHRONOSCOPE_FORBID_CLOCK_CHANGES"_s, u"1"_s);
    p.setProcessEnvironment(env);
    QStringList args{verb};
    args << extra;
    if (asNobody) {
        args.prepend(qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN"));
        args = QStringList{u"--reuid=%1"_s.arg(NOBODY), u"--regid=%1"_s.arg(NOBODY), u"--clear-groups"_s} + args;
        p.start(u"setpriv"_s, args);
    } else {
        p.start(qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN"), args);
    }
    Outcome out;
    if (!p.waitForStarted(5000))
        return out;
    p.write(frames);
    p.closeWriteChannel();
    if (!p.waitForFinished(60'000))
        p.kill();
    out.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    const QByteArray reply = p.readAllStandardOutput();
    out.audit = p.readAllStandardError();
    if (reply.size() >= qsizetype(RESPONSE_HEADER_SIZE)) {
        const FrameHeader h = decodeResponseHeader(
                std::span(reinterpret_cast<const std::uint8_t *>(reply.constData()), RESPONSE_HEADER_SIZE));
        const std::size_t size = RESPONSE_HEADER_SIZE + h.bodyLength;
        if (h.error == chronoscope::protocol::DecodeError::None && std::size_t(reply.size()) >= size) {
            const DecodedResponse d =
                    ts::decodeResponse(std::span(reinterpret_cast<const std::uint8_t *>(reply.constData()), size));
            if (d.error == chronoscope::protocol::DecodeError::None)
                out.response = d.response;
        }
    }
    return out;
}

ServerEntry server(const char *host, std::uint8_t flags = 0)
{
    ServerEntry s;
    s.host = host;
    s.flags = flags;
    return s;
}

QByteArray applyFrame(Daemon daemon, std::vector<ServerEntry> servers, std::uint64_t id = 1)
{
    ts::Request r;
    r.op = ts::Op::ApplySources;
    r.requestId = id;
    r.daemon = daemon;
    r.servers = std::move(servers);
    return bytes(ts::encodeRequest(r));
}

QByteArray revertFrame(Daemon daemon, std::uint64_t id = 2)
{
    ts::Request r;
    r.op = ts::Op::RevertSources;
    r.requestId = id;
    r.daemon = daemon;
    return bytes(ts::encodeRequest(r));
}

QString statusOf(const Outcome &o)
{
    return o.response ? QString::fromLatin1(statusName(o.response->status)) : u"<no response; exit %1>\n"_s.arg(o.exitCode)
                    + QString::fromLocal8Bit(o.audit);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

namespace cmdmon = chronoscope::sysservice::cmdmon;

// A stand-in for chronyd's command socket (cmdmon over a Unix datagram socket), answering
// N_SOURCES, SOURCE_DATA, NTP_SOURCE_NAME and RELOAD_SOURCES like chronyd does, with one source
// "old.example" until a reload, and after a reload what `afterReload` says. The real chronyd
// cases are in tst_timeserviceinterop; this one makes chronyd misbehave on purpose.
class FakeChronyd
{
public:
    enum class AfterReload { LosesAllSources, KeepsOnlyTheOldSource, RefusesReload };

    FakeChronyd(const QString &path, AfterReload afterReload) : m_afterReload(afterReload)
    {
        m_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray native = path.toLocal8Bit();
        std::memcpy(address.sun_path, native.constData(), std::size_t(native.size()));
        m_bound = m_fd >= 0 && bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0;
        m_thread = std::thread([this] { serve(); });
    }
    ~FakeChronyd()
    {
        m_stop = true;
        m_thread.join();
        close(m_fd);
    }
    bool bound() const { return m_bound; }
    int reloads() const { return m_reloads; }

private:
    void serve()
    {
        std::uint8_t in[1024];
        while (!m_stop) {
            pollfd pfd{m_fd, POLLIN, 0};
            if (poll(&pfd, 1, 50) <= 0)
                continue;
            sockaddr_un from{};
            socklen_t fromLength = sizeof(from);
            const ssize_t n = recvfrom(m_fd, in, sizeof(in), 0, reinterpret_cast<sockaddr *>(&from), &fromLength);
            if (n < 20)
                continue;
            const std::uint16_t command = std::uint16_t(in[4] << 8 | in[5]);
            std::vector<std::uint8_t> reply(cmdmon::REPLY_HEADER_SIZE, 0);
            reply[0] = cmdmon::PROTOCOL_VERSION;
            reply[1] = cmdmon::PACKET_REPLY;
            reply[4] = in[4];
            reply[5] = in[5];
            std::copy(in + 8, in + 12, reply.begin() + 16);   // the sequence number, echoed
            std::uint16_t code = cmdmon::RPY_NULL, status = cmdmon::STT_SUCCESS;
            std::vector<std::uint8_t> data;
            if (command == cmdmon::REQ_N_SOURCES) {
                code = cmdmon::RPY_N_SOURCES;
                data = {0, 0, 0, std::uint8_t(m_sources)};
            } else if (command == cmdmon::REQ_SOURCE_DATA) {
                code = cmdmon::RPY_SOURCE_DATA;
                data.assign(cmdmon::SOURCE_DATA_SIZE, 0);
                data[0] = 192;                                  // 192.0.2.1, IPv4
                data[3] = 1;
                data[17] = cmdmon::FAMILY_INET4;
                data[31] = 0xff;                                // reachability
            } else if (command == cmdmon::REQ_NTP_SOURCE_NAME) {
                code = cmdmon::RPY_NTP_SOURCE_NAME;
                data.assign(cmdmon::SOURCE_NAME_SIZE, 0);
                const char name[] = "old.example";
                std::copy(name, name + sizeof(name) - 1, data.begin());
            } else if (command == cmdmon::REQ_RELOAD_SOURCES) {
                ++m_reloads;
                if (m_afterReload == AfterReload::RefusesReload)
                    status = cmdmon::STT_FAILED;
                else if (m_afterReload == AfterReload::LosesAllSources)
                    m_sources = m_reloads == 1 ? 0 : 1;         // the rollback's reload brings it back
            } else {
                status = cmdmon::STT_INVALID;
            }
            reply[6] = std::uint8_t(code >> 8);
            reply[7] = std::uint8_t(code);
            reply[8] = std::uint8_t(status >> 8);
            reply[9] = std::uint8_t(status);
            reply.insert(reply.end(), data.begin(), data.end());
            sendto(m_fd, reply.data(), reply.size(), 0, reinterpret_cast<const sockaddr *>(&from), fromLength);
        }
    }

    AfterReload m_afterReload;
    int m_fd = -1;
    bool m_bound = false;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_reloads{0};
    std::atomic<int> m_sources{1};
    std::thread m_thread;
};

const QByteArray NTP_CONF = "# ntpsec configuration\ndriftfile /var/lib/ntpsec/ntp.drift\npool 0.debian.pool.ntp.org iburst\n"
                            "restrict default kod nomodify nopeer noquery limited\n";

} // namespace

class TstTimeServiceProcess : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString root() const { return m_dir->path(); }
    QString path(const QString &relative) const { return root() + u'/' + relative; }
    QStringList testArgs() const { return {u"--test-root"_s, root(), u"--test-grace-ms"_s, u"600"_s}; }
    QString stateFile(const char *name) const { return path(u"var/lib/chronoscope-helper/time-service/"_s + QLatin1String(name)); }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN")).isExecutable(), "CHRONOSCOPE_HELPER_BIN");
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir().mkpath(path(u"etc/systemd"_s)));
        QVERIFY(QDir().mkpath(path(u"units"_s)));
        // Directory modes as on a Debian system (QTemporaryDir is 0700).
        QFile::setPermissions(root(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                          | QFileDevice::ExeGroup);
    }

    void timesyncdApplyWritesTheDropInBackupAndAudit()
    {
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Timesyncd, {server("ntp.example.org"), server("192.0.2.1")}));
        QCOMPARE(statusOf(o), u"ok"_s);
        QCOMPARE(o.exitCode, 0);
        QVERIFY(o.response->flags & RESPONSE_TEST_ROOT);
        QCOMPARE(int(o.response->backup), int(BackupState::DidNotExist));
        const QByteArray file = readFile(path(u"etc/systemd/timesyncd.conf.d/chronoscope.conf"_s));
        QVERIFY2(file.endsWith("\n[Time]\nNTP=ntp.example.org 192.0.2.1\n"), file.constData());
        QCOMPARE(QFileInfo(path(u"etc/systemd/timesyncd.conf.d/chronoscope.conf"_s)).permissions() & 0x7777,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser
                     | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        QCOMPARE(readFile(path(u"restarts.log"_s)), QByteArray("restart systemd-timesyncd.service\n"));
        QVERIFY(QFileInfo::exists(stateFile("timesyncd.absent")));
        QVERIFY2(o.audit.contains("op=apply_sources daemon=timesyncd step=backup status=ok"), o.audit.constData());
        QVERIFY2(o.audit.contains("step=write status=ok"), o.audit.constData());
        QVERIFY2(o.audit.contains("step=applied status=ok"), o.audit.constData());
        QVERIFY2(o.audit.contains("hosts=\"ntp.example.org,192.0.2.1\""), o.audit.constData());
        QVERIFY(o.audit.contains("backend=test-root"));
        // Revert: our file goes away again (there was none), the unit is restarted.
        const Outcome r = runHelper(testArgs(), revertFrame(Daemon::Timesyncd));
        QCOMPARE(statusOf(r), u"ok"_s);
        QVERIFY(!QFileInfo::exists(path(u"etc/systemd/timesyncd.conf.d/chronoscope.conf"_s)));
        QCOMPARE(readFile(path(u"restarts.log"_s)), QByteArray("restart systemd-timesyncd.service\nrestart systemd-timesyncd.service\n"));
        QVERIFY(!QFileInfo::exists(stateFile("timesyncd.absent")));
        QVERIFY2(r.audit.contains("op=revert_sources daemon=timesyncd step=restore status=ok"), r.audit.constData());
        // Nothing left to revert.
        const Outcome again = runHelper(testArgs(), revertFrame(Daemon::Timesyncd));
        QCOMPARE(statusOf(again), u"nothing_to_revert"_s);
    }

    void ntpdBlockKeepsTheRestAndRevertRestoresIt()
    {
        QVERIFY(writeFile(path(u"etc/ntpsec/ntp.conf"_s), NTP_CONF));
        ServerEntry polled = server("ntp.example.org", SERVER_IBURST | SERVER_POLL);
        polled.minPoll = 6;
        polled.maxPoll = 9;
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Ntpd, {polled, server("time.example.net", SERVER_NTS)}));
        QCOMPARE(statusOf(o), u"ok"_s);
        QCOMPARE(int(o.response->backup), int(BackupState::PreviousFile));
        const QByteArray file = readFile(path(u"etc/ntpsec/ntp.conf"_s));
        QVERIFY2(file.startsWith(QByteArray(NTP_CONF + "# BEGIN chronoscope")), file.constData());
        QVERIFY2(file.contains("\nserver ntp.example.org iburst minpoll 6 maxpoll 9\nserver time.example.net nts\n# END chronoscope\n"),
                 file.constData());
        QCOMPARE(readFile(path(u"restarts.log"_s)), QByteArray("restart ntpsec.service\n"));
        QCOMPARE(readFile(stateFile("ntpd.backup")), NTP_CONF);
        // A second apply replaces the block; the backup stays the original.
        QVERIFY(runHelper(testArgs(), applyFrame(Daemon::Ntpd, {server("192.0.2.9")})).response);
        QVERIFY(readFile(path(u"etc/ntpsec/ntp.conf"_s)).contains("\nserver 192.0.2.9\n# END"));
        QCOMPARE(readFile(stateFile("ntpd.backup")), NTP_CONF);
        // An edit outside the block survives Revert; the block goes.
        QVERIFY(writeFile(path(u"etc/ntpsec/ntp.conf"_s), readFile(path(u"etc/ntpsec/ntp.conf"_s)) + "tinker panic 0\n"));
        const Outcome r = runHelper(testArgs(), revertFrame(Daemon::Ntpd));
        QCOMPARE(statusOf(r), u"ok"_s);
        QCOMPARE(readFile(path(u"etc/ntpsec/ntp.conf"_s)), NTP_CONF + "tinker panic 0\n");
    }

    void daemonThatDoesNotComeUpIsRolledBackByteForByte()
    {
        QVERIFY(writeFile(path(u"etc/ntpsec/ntp.conf"_s), NTP_CONF));
        // The fake ntpsec unit fails to start while its configuration names bad.example.
        QVERIFY(writeFile(path(u"units/ntpsec.service.rejects"_s), "bad.example\n"));
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Ntpd, {server("good.example"), server("bad.example")}));
        QCOMPARE(statusOf(o), u"rolled_back"_s);
        QCOMPARE(rollbackReasonName(RollbackReason(o.response->reason)), std::string_view("restart_failed"));
        QCOMPARE(readFile(path(u"etc/ntpsec/ntp.conf"_s)), NTP_CONF);
        QCOMPARE(readFile(path(u"restarts.log"_s)), QByteArray("restart ntpsec.service\nrestart ntpsec.service\n"));
        QVERIFY(!QFileInfo::exists(path(u"units/ntpsec.service.failed"_s)));   // up again with the old file
        QVERIFY(!QFileInfo::exists(stateFile("ntpd.backup")));                 // nothing to revert
        QVERIFY2(o.audit.contains("step=rollback status=rolled_back") && o.audit.contains("reason=restart_failed"),
                 o.audit.constData());
        QCOMPARE(statusOf(runHelper(testArgs(), revertFrame(Daemon::Ntpd))), u"nothing_to_revert"_s);
    }

    void unitThatDiesDuringTheGracePeriodIsRolledBack()
    {
        // timesyncd restarts fine but is found dead while watched: the old drop-in comes back.
        const QByteArray old = "[Time]\nNTP=old.example\n";
        QVERIFY(writeFile(path(u"etc/systemd/timesyncd.conf.d/chronoscope.conf"_s), old));
        QProcess killer;   // marks the unit failed a moment after the restart
        killer.start(u"sh"_s, {u"-c"_s, u"while [ ! -s '%1' ]; do sleep 0.05; done; touch '%2'"_s.arg(
                                            path(u"restarts.log"_s), path(u"units/systemd-timesyncd.service.failed"_s))});
        QVERIFY(killer.waitForStarted());
        const Outcome o = runHelper({u"--test-root"_s, root(), u"--test-grace-ms"_s, u"3000"_s},
                                    applyFrame(Daemon::Timesyncd, {server("new.example")}));
        killer.waitForFinished(5000);
        QCOMPARE(statusOf(o), u"rolled_back"_s);
        QCOMPARE(rollbackReasonName(RollbackReason(o.response->reason)), std::string_view("daemon_stopped"));
        QCOMPARE(readFile(path(u"etc/systemd/timesyncd.conf.d/chronoscope.conf"_s)), old);
    }

    void chronydMisbehavingAfterReloadIsRolledBack_data()
    {
        QTest::addColumn<int>("afterReload");
        QTest::addColumn<QString>("reason");
        QTest::newRow("loses all sources") << int(FakeChronyd::AfterReload::LosesAllSources) << u"no_sources"_s;
        QTest::newRow("new server missing") << int(FakeChronyd::AfterReload::KeepsOnlyTheOldSource) << u"sources_missing"_s;
        QTest::newRow("refuses the reload") << int(FakeChronyd::AfterReload::RefusesReload) << u"reload_failed"_s;
    }
    void chronydMisbehavingAfterReloadIsRolledBack()
    {
        QFETCH(int, afterReload);
        QFETCH(QString, reason);
        QVERIFY(QDir().mkpath(path(u"etc/chrony/sources.d"_s)));
        QVERIFY(QDir().mkpath(path(u"run/chrony"_s)));
        QVERIFY(writeFile(path(u"etc/chrony/chrony.conf"_s), "sourcedir /etc/chrony/sources.d\n"));
        const QByteArray old = "server old.example iburst\n";
        QVERIFY(writeFile(path(u"etc/chrony/sources.d/chronoscope.sources"_s), old));
        FakeChronyd chronyd(path(u"run/chrony/chronyd.sock"_s), FakeChronyd::AfterReload(afterReload));
        QVERIFY(chronyd.bound());
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Chronyd, {server("new.example", SERVER_IBURST)}));
        QCOMPARE(statusOf(o), u"rolled_back"_s);
        QCOMPARE(QString::fromLatin1(rollbackReasonName(RollbackReason(o.response->reason))), reason);
        QCOMPARE(readFile(path(u"etc/chrony/sources.d/chronoscope.sources"_s)), old);   // byte for byte
        QCOMPARE(chronyd.reloads(), 2);                  // the new file, then the old one again
        QVERIFY(!QFileInfo::exists(stateFile("chronyd.backup")));
        QVERIFY2(o.audit.contains("step=rollback status=rolled_back") && o.audit.contains(QByteArray(QByteArray("reason=") + reason.toUtf8())),
                 o.audit.constData());
    }

    void symlinkedOrDeadChronydSocketIsRefused()
    {
        QVERIFY(QDir().mkpath(path(u"etc/chrony/sources.d"_s)));
        QVERIFY(QDir().mkpath(path(u"run/chrony"_s)));
        QVERIFY(QDir().mkpath(path(u"elsewhere"_s)));
        QVERIFY(writeFile(path(u"etc/chrony/chrony.conf"_s), "sourcedir /etc/chrony/sources.d\n"));
        {
            // A link to a working daemon's socket is still a link: refused, never followed.
            FakeChronyd chronyd(path(u"elsewhere/chronyd.sock"_s), FakeChronyd::AfterReload::KeepsOnlyTheOldSource);
            QVERIFY(chronyd.bound());
            QVERIFY(QFile::link(path(u"elsewhere/chronyd.sock"_s), path(u"run/chrony/chronyd.sock"_s)));
            const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Chronyd, {server("old.example")}));
            QCOMPARE(statusOf(o), u"unsafe_path"_s);
            QVERIFY2(o.audit.contains("is a symbolic link"), o.audit.constData());
            QCOMPARE(chronyd.reloads(), 0);
        }
        // A socket file nobody listens on (a daemon that died): not running.
        QVERIFY(QFile::remove(path(u"run/chrony/chronyd.sock"_s)));
        {
            FakeChronyd gone(path(u"run/chrony/chronyd.sock"_s), FakeChronyd::AfterReload::KeepsOnlyTheOldSource);
            QVERIFY(gone.bound());
        }   // closed, the socket file stays behind
        QVERIFY(QFileInfo::exists(path(u"run/chrony/chronyd.sock"_s)));
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Chronyd, {server("old.example")}));
        QCOMPARE(statusOf(o), u"daemon_not_running"_s);
        QVERIFY2(o.audit.contains("dead socket"), o.audit.constData());
        QVERIFY(QDir(path(u"etc/chrony/sources.d"_s)).isEmpty());
    }

    void chronydApplyWithAFakeDaemonThatFollows()
    {
        // The fake keeps "old.example" only; applying exactly that passes the watch at once.
        QVERIFY(QDir().mkpath(path(u"etc/chrony/sources.d"_s)));
        QVERIFY(QDir().mkpath(path(u"run/chrony"_s)));
        QVERIFY(writeFile(path(u"etc/chrony/chrony.conf"_s), "sourcedir /etc/chrony/sources.d/\n"));
        FakeChronyd chronyd(path(u"run/chrony/chronyd.sock"_s), FakeChronyd::AfterReload::KeepsOnlyTheOldSource);
        QVERIFY(chronyd.bound());
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Chronyd, {server("old.example", SERVER_IBURST)}));
        QCOMPARE(statusOf(o), u"ok"_s);
        QCOMPARE(o.response->sourcesSeen, 1u);
        QCOMPARE(o.response->reachable, 1u);
        QCOMPARE(chronyd.reloads(), 1);
        QVERIFY(readFile(path(u"etc/chrony/sources.d/chronoscope.sources"_s)).endsWith("\nserver old.example iburst\n"));
        QVERIFY(QFileInfo::exists(stateFile("chronyd.absent")));
    }

    void chronydRefusals()
    {
        // No sources.d directory.
        QVERIFY(writeFile(path(u"etc/chrony/chrony.conf"_s), "sourcedir " + path(u"etc/chrony/sources.d"_s).toUtf8() + "\n"));
        Outcome o = runHelper(testArgs(), applyFrame(Daemon::Chronyd, {server("127.0.0.1")}));
        QCOMPARE(statusOf(o), u"config_missing"_s);
        QVERIFY(o.audit.contains("does not exist"));
        // sources.d exists but chrony.conf does not read it.
        QVERIFY(QDir().mkpath(path(u"etc/chrony/sources.d"_s)));
        QVERIFY(writeFile(path(u"etc/chrony/chrony.conf"_s), "pool 2.debian.pool.ntp.org iburst\nsourcedir /run/chrony-dhcp\n"));
        o = runHelper(testArgs(), applyFrame(Daemon::Chronyd, {server("127.0.0.1")}));
        QCOMPARE(statusOf(o), u"not_included"_s);
        QVERIFY2(o.audit.contains("has no 'sourcedir /etc/chrony/sources.d' line"), o.audit.constData());
        // ... also through a confdir file; then chronyd is not running (no socket).
        QVERIFY(writeFile(path(u"etc/chrony/chrony.conf"_s), "confdir " + path(u"etc/chrony/conf.d"_s).toUtf8() + "\n"));
        QVERIFY(writeFile(path(u"etc/chrony/conf.d/local.conf"_s), "sourcedir /etc/chrony/sources.d\n"));
        o = runHelper(testArgs(), applyFrame(Daemon::Chronyd, {server("127.0.0.1")}));
        QCOMPARE(statusOf(o), u"daemon_not_running"_s);
        QVERIFY(QDir(path(u"etc/chrony/sources.d"_s)).isEmpty());
        // A regular file where the socket should be: not chronyd's.
        QVERIFY(writeFile(path(u"run/chrony/chronyd.sock"_s), "x"));
        o = runHelper(testArgs(), applyFrame(Daemon::Chronyd, {server("127.0.0.1")}));
        QCOMPARE(statusOf(o), u"unsafe_path"_s);
        QVERIFY2(o.audit.contains("is not a socket"), o.audit.constData());
        // A symbolic link where our file should be: refused, the link and its target untouched.
        QVERIFY(writeFile(path(u"victim"_s), "precious\n"));
        QVERIFY(QFile::link(path(u"victim"_s), path(u"etc/chrony/sources.d/chronoscope.sources"_s)));
        o = runHelper(testArgs(), applyFrame(Daemon::Chronyd, {server("127.0.0.1")}));
        QCOMPARE(statusOf(o), u"unsafe_path"_s);
        QVERIFY2(o.audit.contains("is a symbolic link"), o.audit.constData());
        QCOMPARE(readFile(path(u"victim"_s)), QByteArray("precious\n"));
        QVERIFY(QFileInfo(path(u"etc/chrony/sources.d/chronoscope.sources"_s)).isSymLink());
        QVERIFY(!QFileInfo::exists(stateFile("chronyd.absent")) && !QFileInfo::exists(stateFile("chronyd.backup")));
    }

    void symlinkedDirectoryIsRefused()
    {
        QVERIFY(QDir().mkpath(path(u"elsewhere"_s)));
        QVERIFY(QFile::link(path(u"elsewhere"_s), path(u"etc/systemd/timesyncd.conf.d"_s)));
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Timesyncd, {server("a.example")}));
        QCOMPARE(statusOf(o), u"unsafe_path"_s);
        QVERIFY(QDir(path(u"elsewhere"_s)).isEmpty());
        QVERIFY(!QFileInfo::exists(path(u"restarts.log"_s)));
    }

    void unwritableDirectoryIsRefusedWithNothingWritten()
    {
        if (geteuid() != 0)
            QSKIP("needs root to run the helper as nobody (setpriv); CI runs the suite as root");
        QVERIFY(QDir().mkpath(path(u"etc/systemd/timesyncd.conf.d"_s)));
        // As nobody: the root-owned 0755 directory cannot be written.
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Timesyncd, {server("a.example")}), true);
        QCOMPARE(statusOf(o), u"not_writable"_s);
        QVERIFY(QDir(path(u"etc/systemd/timesyncd.conf.d"_s)).isEmpty());
        QVERIFY(!QFileInfo::exists(path(u"var/lib/chronoscope-helper"_s)));
        QVERIFY(!QFileInfo::exists(path(u"restarts.log"_s)));
    }

    void missingNtpConfig()
    {
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Ntpd, {server("a.example")}));
        QCOMPARE(statusOf(o), u"config_missing"_s);
        QVERIFY(!QFileInfo::exists(path(u"etc/ntp.conf"_s)));
    }

    void ntsNeedsNtpsec()
    {
        QVERIFY(writeFile(path(u"etc/ntp.conf"_s), NTP_CONF));
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Ntpd, {server("a.example"), server("b.example", SERVER_NTS)}));
        QCOMPARE(statusOf(o), u"invalid_source"_s);
        QCOMPARE(sourceErrorName(SourceError(o.response->reason)), std::string_view("not_supported_by_daemon"));
        QCOMPARE(int(o.response->serverIndex), 1);
        QCOMPARE(readFile(path(u"etc/ntp.conf"_s)), NTP_CONF);
    }

    void hostileServersAreRefusedByTheHelperItself()
    {
        // The app's checks are not trusted: a host with a newline and a second directive.
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Timesyncd, {server("a.example"), server("b.example\nFallbackNTP=evil")}));
        QCOMPARE(statusOf(o), u"invalid_source"_s);
        QCOMPARE(sourceErrorName(SourceError(o.response->reason)), std::string_view("bad_host_character"));
        QCOMPARE(int(o.response->serverIndex), 1);
        QVERIFY(!QFileInfo::exists(path(u"etc/systemd/timesyncd.conf.d"_s)));
        QVERIFY2(o.audit.contains("step=refused status=invalid_source") && o.audit.contains("server 1: bad_host_character"),
                 o.audit.constData());
    }

    void dryRunWritesNothing()
    {
        const Outcome o = runHelper(testArgs() << u"--dry-run"_s, applyFrame(Daemon::Timesyncd, {server("a.example")}));
        QCOMPARE(statusOf(o), u"ok"_s);
        QVERIFY(o.response->flags & RESPONSE_DRY_RUN);
        QVERIFY(!QFileInfo::exists(path(u"etc/systemd/timesyncd.conf.d"_s)));
        QVERIFY(!QFileInfo::exists(path(u"restarts.log"_s)));
        QVERIFY(!QFileInfo::exists(path(u"var/lib/chronoscope-helper"_s)));
        QVERIFY(o.audit.contains("step=checked status=ok"));
    }

    void framesThatAreNotForThisVerb()
    {
        // A clock frame (HELPER.md §4.2): not_permitted, and the session ends.
        QByteArray clock(48, '\0');
        clock.replace(0, 4, "NTPH");
        Outcome o = runHelper(testArgs(), clock + applyFrame(Daemon::Timesyncd, {server("a.example")}));
        QCOMPARE(statusOf(o), u"not_permitted"_s);
        QCOMPARE(o.exitCode, 3);
        QVERIFY(!QFileInfo::exists(path(u"etc/systemd/timesyncd.conf.d/chronoscope.conf"_s)));
        // A header announcing a body beyond the bound: refused before anything is read.
        QByteArray huge = applyFrame(Daemon::Timesyncd, {server("a.example")}).left(qsizetype(REQUEST_HEADER_SIZE));
        huge[16] = char(0xFF);
        huge[17] = char(0xFF);
        huge[18] = char(0xFF);
        o = runHelper(testArgs(), huge);
        QCOMPARE(statusOf(o), u"malformed"_s);
        QCOMPARE(o.exitCode, 3);
        // A frame cut short: truncated.
        o = runHelper(testArgs(), applyFrame(Daemon::Timesyncd, {server("a.example")}).chopped(3));
        QCOMPARE(statusOf(o), u"truncated"_s);
        QCOMPARE(o.exitCode, 4);
    }

    void readVerbRefusesChanges()
    {
        // A helper authorised for read-time-service never writes a configuration.
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Timesyncd, {server("a.example")}), false, true,
                                    u"read-time-service"_s);
        QCOMPARE(statusOf(o), u"not_permitted"_s);
        QCOMPARE(o.exitCode, 3);
        QVERIFY(!QFileInfo::exists(path(u"etc/systemd/timesyncd.conf.d"_s)));
        QVERIFY(o.audit.contains("read-time-service answers read_chronyd only"));
        QCOMPARE(statusOf(runHelper(testArgs(), revertFrame(Daemon::Timesyncd), false, true, u"read-time-service"_s)),
                 u"not_permitted"_s);
        // ... and reads: no chronyd socket in this root.
        ts::Request read;
        read.op = ts::Op::ReadChronyd;
        read.cmdmonCommand = 33;   // TRACKING
        QCOMPARE(statusOf(runHelper(testArgs(), bytes(ts::encodeRequest(read)), false, true, u"read-time-service"_s)),
                 u"daemon_not_running"_s);
    }

    void testOptionsNeedTheTestEnvironment()
    {
        // pkexec clears the environment: an installed helper never takes --test-root.
        const Outcome o = runHelper(testArgs(), applyFrame(Daemon::Timesyncd, {server("a.example")}), false, false);
        QVERIFY(!o.response);
        QCOMPARE(o.exitCode, 7);
        QVERIFY(o.audit.contains("for test suites only"));
        // And a test environment never reaches the machine's /etc without --test-root.
        const Outcome real = runHelper({}, applyFrame(Daemon::Timesyncd, {server("a.example")}));
        QVERIFY(!real.response);
        QCOMPARE(real.exitCode, 7);
    }
};

QTEST_GUILESS_MAIN(TstTimeServiceProcess)
#include "tst_timeserviceprocess.moc"
