// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15 item 3 against a REAL chronyd: the helper (configure-time-service, rooted in a
// temporary directory, HELPER.md §5.5) writes the sources.d drop-in that a client chronyd
// (fixture: -x, no CAP_SYS_TIME, its own bindcmdaddress socket, `sourcedir` in the test root)
// reads, and reloads it over cmdmon; `chronyc -h SOCKET -n -c sources` must then list exactly
// the applied lab servers. A drop-in whose server never answers is rolled back and chronyd
// lists the previous sources again; Revert restores the file from before the first apply.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/protocol/timeservicecodec.h"
#include "core/protocol/timeservicenames.h"
#include "core/sysservice/cmdmonprotocol.h"
#include "tests/interop/chronydinstance.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::protocol::timeservice;
namespace ts = chronoscope::protocol::timeservice;
namespace cmdmon = chronoscope::sysservice::cmdmon;
using chronoscope::testing::ChronydInstance;

namespace {

QByteArray bytes(const std::vector<std::uint8_t> &v)
{
    return QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size()));
}

// The addresses `chronyc -n -c sources` lists, sorted.
QStringList chronycSources(const QString &socket, QString *output)
{
    QProcess process;
    process.start(ChronydInstance::findChronyc(), {u"-h"_s, socket, u"-n"_s, u"-c"_s, u"sources"_s});
    process.waitForFinished(5000);
    *output = QString::fromLocal8Bit(process.readAllStandardOutput() + process.readAllStandardError());
    QStringList addresses;
    for (const QString &line : output->split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(u',');
        if (fields.size() > 2)
            addresses << fields[2];
    }
    addresses.sort();
    return addresses;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

} // namespace

class TstTimeServiceInterop : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void applyReloadsChronydWithExactlyTheAppliedServers();
    void readChronydPassesTheReplyThrough();
    void unansweredServersAreRolledBack();
    void revertRestoresTheOriginalDropIn();

private:
    struct Result
    {
        std::optional<ts::Response> response;
        QByteArray audit;
    };
    Result run(const QByteArray &frame, int graceMs, const QString &verb = u"configure-time-service"_s);
    ServerEntry lab(int index, std::uint8_t extraFlags = 0) const;
    QString dropIn() const { return m_root.path() + u"/etc/chrony/sources.d/chronoscope.sources"_s; }

    QTemporaryDir m_root;
    std::vector<std::unique_ptr<ChronydInstance>> m_servers;
    std::unique_ptr<ChronydInstance> m_client;
    QByteArray m_original;
    QByteArray m_applied;
};

ServerEntry TstTimeServiceInterop::lab(int index, std::uint8_t extraFlags) const
{
    ServerEntry s;
    s.host = m_servers[std::size_t(index)]->address().toString().toStdString();
    s.port = m_servers[std::size_t(index)]->port();
    s.flags = SERVER_IBURST | SERVER_POLL | extraFlags;
    s.minPoll = 3;   // loopback may poll this often (HELPER.md §4.6)
    s.maxPoll = 4;
    return s;
}

TstTimeServiceInterop::Result TstTimeServiceInterop::run(const QByteArray &frame, int graceMs, const QString &verb)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CHRONOSCOPE_FORBID_CLOCK_CHANGES"_s, u"1"_s);
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN"),
            {verb, u"--test-root"_s, m_root.path(), u"--test-chronyd-socket"_s,
             m_client->commandSocketPath(), u"--test-grace-ms"_s, QString::number(graceMs)});
    Result out;
    if (!p.waitForStarted(5000))
        return out;
    p.write(frame);
    p.closeWriteChannel();
    p.waitForFinished(graceMs + 30'000);
    const QByteArray reply = p.readAllStandardOutput();
    out.audit = p.readAllStandardError();
    const ts::DecodedResponse d =
            ts::decodeResponse(std::span(reinterpret_cast<const std::uint8_t *>(reply.constData()), std::size_t(reply.size())));
    if (d.error == chronoscope::protocol::DecodeError::None)
        out.response = d.response;
    return out;
}

void TstTimeServiceInterop::initTestCase()
{
    QVERIFY2(QFileInfo(qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN")).isExecutable(), "CHRONOSCOPE_HELPER_BIN");
    QVERIFY2(!ChronydInstance::findChronyc().isEmpty(), "chronyc not found next to chronyd or in PATH");
    for (const QString &address : {u"127.0.0.31"_s, u"127.0.0.32"_s, u"127.0.0.33"_s}) {
        auto server = std::make_unique<ChronydInstance>(QHostAddress(address));
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        m_servers.push_back(std::move(server));
    }
    // The test root: /etc/chrony/sources.d with a hand-written drop-in naming the first lab
    // server, and a chrony.conf with the sourcedir the helper checks for.
    QVERIFY(m_root.isValid());
    QFile::setPermissions(m_root.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                             | QFileDevice::ReadOther | QFileDevice::ExeOther);
    const QString sources = m_root.path() + u"/etc/chrony/sources.d"_s;
    QVERIFY(QDir().mkpath(sources));
    QVERIFY(QDir().mkpath(m_root.path() + u"/run"_s));
    const QByteArray sourcedir = "sourcedir " + sources.toUtf8() + "\n";
    QVERIFY(writeFile(m_root.path() + u"/etc/chrony/chrony.conf"_s, sourcedir));
    m_original = u"# by hand\nserver %1 port %2 iburst minpoll -4 maxpoll -4\n"_s.arg(m_servers[0]->address().toString())
                         .arg(m_servers[0]->port()).toUtf8();
    QVERIFY(writeFile(dropIn(), m_original));

    m_client = std::make_unique<ChronydInstance>();
    m_client->setClientMode(true);
    m_client->setExtraConfig(QString::fromUtf8(sourcedir));
    QVERIFY2(m_client->start(), qPrintable(m_client->errorString()));
    QString output;
    QTRY_COMPARE_WITH_TIMEOUT(chronycSources(m_client->commandSocketPath(), &output), QStringList{u"127.0.0.31"_s}, 15000);
}

void TstTimeServiceInterop::applyReloadsChronydWithExactlyTheAppliedServers()
{
    ts::Request r;
    r.op = ts::Op::ApplySources;
    r.requestId = 1;
    r.daemon = Daemon::Chronyd;
    r.servers = {lab(1), lab(2, SERVER_PREFER)};
    const Result result = run(bytes(ts::encodeRequest(r)), 20'000);
    QVERIFY2(result.response, result.audit.constData());
    QVERIFY2(result.response->status == ts::Status::Ok,
             qPrintable(QString::fromLatin1(statusName(result.response->status)) + u'\n' + QString::fromLocal8Bit(result.audit)));
    QCOMPARE(int(result.response->backup), int(BackupState::PreviousFile));
    QCOMPARE(result.response->sourcesSeen, 2u);
    QVERIFY(result.response->reachable >= 1);
    m_applied = readFile(dropIn());
    QVERIFY2(m_applied.contains(u"\nserver 127.0.0.32 port %1 iburst minpoll 3 maxpoll 4\n"_s.arg(m_servers[1]->port()).toUtf8()),
             m_applied.constData());
    QVERIFY2(m_applied.contains(u"\nserver 127.0.0.33 port %1 iburst prefer minpoll 3 maxpoll 4\n"_s.arg(m_servers[2]->port()).toUtf8()),
             m_applied.constData());
    QVERIFY(result.audit.contains("step=applied status=ok"));
    QString output;
    QCOMPARE(chronycSources(m_client->commandSocketPath(), &output), (QStringList{u"127.0.0.32"_s, u"127.0.0.33"_s}));
}

void TstTimeServiceInterop::readChronydPassesTheReplyThrough()
{
    ts::Request r;
    r.op = ts::Op::ReadChronyd;
    r.requestId = 7;
    r.cmdmonCommand = cmdmon::REQ_N_SOURCES;
    // The read-only verb (its own polkit action) is enough for a read.
    const Result result = run(bytes(ts::encodeRequest(r)), 0, u"read-time-service"_s);
    QVERIFY2(result.response && result.response->status == ts::Status::Ok, result.audit.constData());
    const std::vector<std::uint8_t> &reply = result.response->cmdmonReply;
    QCOMPARE(reply.size(), std::size_t(cmdmon::REPLY_HEADER_SIZE + cmdmon::N_SOURCES_SIZE));
    QCOMPARE(int(reply[0]), int(cmdmon::PROTOCOL_VERSION));
    QCOMPARE(int(reply[6] << 8 | reply[7]), int(cmdmon::RPY_N_SOURCES));
    QCOMPARE(int(reply[8] << 8 | reply[9]), int(cmdmon::STT_SUCCESS));
    QCOMPARE(int(reply[31]), 2);                 // the two applied sources
}

void TstTimeServiceInterop::unansweredServersAreRolledBack()
{
    // 127.0.0.39 on a port where nothing listens: chronyd adds it, it never answers.
    ServerEntry silent;
    silent.host = "127.0.0.39";
    silent.port = ChronydInstance::freeUdpPort(QHostAddress(u"127.0.0.39"_s));
    silent.flags = SERVER_IBURST;
    ts::Request r;
    r.op = ts::Op::ApplySources;
    r.requestId = 2;
    r.daemon = Daemon::Chronyd;
    r.servers = {silent};
    const Result result = run(bytes(ts::encodeRequest(r)), 4000);
    QVERIFY2(result.response, result.audit.constData());
    QCOMPARE(QString::fromLatin1(statusName(result.response->status)), u"rolled_back"_s);
    QCOMPARE(QString::fromLatin1(rollbackReasonName(RollbackReason(result.response->reason))), u"none_reachable"_s);
    QCOMPARE(result.response->reachable, 0u);
    QCOMPARE(readFile(dropIn()), m_applied);   // byte for byte
    QVERIFY(result.audit.contains("step=rollback status=rolled_back"));
    QString output;
    QTRY_COMPARE_WITH_TIMEOUT(chronycSources(m_client->commandSocketPath(), &output),
                              (QStringList{u"127.0.0.32"_s, u"127.0.0.33"_s}), 10000);
}

void TstTimeServiceInterop::revertRestoresTheOriginalDropIn()
{
    ts::Request r;
    r.op = ts::Op::RevertSources;
    r.requestId = 3;
    r.daemon = Daemon::Chronyd;
    const Result result = run(bytes(ts::encodeRequest(r)), 0);
    QVERIFY2(result.response && result.response->status == ts::Status::Ok, result.audit.constData());
    QCOMPARE(readFile(dropIn()), m_original);
    QString output;
    QTRY_COMPARE_WITH_TIMEOUT(chronycSources(m_client->commandSocketPath(), &output), QStringList{u"127.0.0.31"_s}, 10000);
}

QTEST_GUILESS_MAIN(TstTimeServiceInterop)
#include "tst_timeserviceinterop.moc"
