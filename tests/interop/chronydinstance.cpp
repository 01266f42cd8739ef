// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/interop/chronydinstance.h"

#include <csignal>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QUdpSocket>

#include "core/ntp/ntpconstants.h"
#include "core/ntp/replyvalidator.h"

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <linux/capability.h>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace chronoscope::testing {
namespace {

constexpr int START_ATTEMPTS = 3;     // a free port may be taken between probing and binding
constexpr int STOP_WAIT_MS = 3000;    // grace period after SIGTERM, then SIGKILL

bool runningAsRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    return false;
#endif
}

QString currentUserName()
{
#ifdef Q_OS_UNIX
    if (const passwd *pw = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
#endif
    return qEnvironmentVariable("USER");
}

} // namespace

ChronydInstance::ChronydInstance(const QHostAddress &address) : m_address(address) { }

ChronydInstance::~ChronydInstance()
{
    stop();
}

QString ChronydInstance::findChronyd()
{
    // dev.sh exports the chronyd it found or unpacked privately (build/tools/chrony).
    const QString fromEnv = qEnvironmentVariable("CHRONOSCOPE_CHRONYD");
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable())
        return fromEnv;
    const QString inPath = QStandardPaths::findExecutable(u"chronyd"_s);
    if (!inPath.isEmpty())
        return inPath;
    return QStandardPaths::findExecutable(u"chronyd"_s, {u"/usr/sbin"_s, u"/sbin"_s, u"/usr/local/sbin"_s});
}

QString ChronydInstance::findChronyc()
{
    const QString chronyd = findChronyd();
    if (!chronyd.isEmpty()) {
        // .../usr/sbin/chronyd → .../usr/bin/chronyc
        const QString sibling = QFileInfo(chronyd).absoluteDir().filePath(u"../bin/chronyc"_s);
        if (QFileInfo(sibling).isExecutable())
            return QFileInfo(sibling).canonicalFilePath();
    }
    return QStandardPaths::findExecutable(u"chronyc"_s);
}

bool ChronydInstance::inPrivateLoopbackNamespace()
{
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces)
        if (!(interface.flags() & QNetworkInterface::IsLoopBack))
            return false;
    return !interfaces.isEmpty();
}

QString ChronydInstance::commandSocketPath() const
{
    return m_dir ? m_dir->filePath(u"chronyd.sock"_s) : QString();
}

QString ChronydInstance::findLibFaketime()
{
    const QString override = qEnvironmentVariable("CHRONOSCOPE_LIBFAKETIME");
    if (!override.isEmpty())
        return QFile::exists(override) ? override : QString();
    // Debian/Ubuntu: /usr/lib/<multiarch>/faketime/; Fedora: /usr/lib64/faketime/; source
    // installs: /usr/local/lib/faketime/.
    QStringList dirs;
    for (const QString &root : {u"/usr/lib"_s, u"/usr/local/lib"_s, u"/lib"_s}) {
        const QStringList multiarch = QDir(root).entryList({u"*-linux-gnu*"_s}, QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &triplet : multiarch)
            dirs << root + u'/' + triplet + u"/faketime"_s << root + u'/' + triplet;
    }
    dirs << u"/usr/lib64/faketime"_s << u"/usr/lib/faketime"_s << u"/usr/local/lib/faketime"_s << u"/usr/lib64"_s
         << u"/usr/lib"_s << u"/usr/local/lib"_s;
    for (const QString &dir : std::as_const(dirs)) {
        const QString candidate = dir + u"/libfaketime.so.1"_s;
        if (QFile::exists(candidate))
            return candidate;
    }
    return {};
}

quint16 ChronydInstance::freeUdpPort(const QHostAddress &address)
{
    QUdpSocket probe;
    if (!probe.bind(address, 0))
        return 0;
    const quint16 port = probe.localPort();
    probe.close();
    return port;
}

QString ChronydInstance::endpoint() const
{
    const QString host = m_address.protocol() == QAbstractSocket::IPv6Protocol ? u"["_s + m_address.toString() + u"]"_s
                                                                                 : m_address.toString();
    return host + u':' + QString::number(m_port);
}

engine::ServerSpec ChronydInstance::serverSpec() const
{
    engine::ServerSpec spec;
    spec.host = m_address.toString();
    spec.port = m_port;
    return spec;
}

qint64 ChronydInstance::pid() const
{
    return m_process.processId();
}

bool ChronydInstance::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

QString ChronydInstance::log() const
{
    if (!m_dir)
        return {};
    QFile file(m_dir->filePath(u"chronyd.log"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(file.readAll());
}

bool ChronydInstance::start(double readySeconds)
{
    m_errorString.clear();
    if (m_listenOnAll && !inPrivateLoopbackNamespace()) {
        m_errorString = u"refusing to listen on all addresses outside a private loopback-only network namespace"_s;
        return false;
    }
    // In a private loopback-only namespace, addresses routed to lo (tst_ntpdsystem) are loopback too.
    if (!m_clientMode && !m_address.isLoopback() && !inPrivateLoopbackNamespace()) {
        m_errorString = u"refusing to run chronyd on %1: tests only use loopback addresses"_s.arg(m_address.toString());
        return false;
    }
    if (findChronyd().isEmpty()) {
        m_errorString = u"chronyd not found in PATH, /usr/sbin or /sbin: install chrony (CI does)"_s;
        return false;
    }
    if (!m_fakeTime.isEmpty() && findLibFaketime().isEmpty()) {
        m_errorString = u"libfaketime.so.1 not found in the usual library directories: install faketime (CI does)"_s;
        return false;
    }
    for (int attempt = 1; attempt <= START_ATTEMPTS; ++attempt) {
        if (launch(readySeconds))
            return true;
        stop();
    }
    return false;
}

bool ChronydInstance::writeConfig()
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_errorString = u"cannot create a temporary directory: %1"_s.arg(m_dir->errorString());
        return false;
    }
    m_port = m_fixedPort != 0 ? m_fixedPort : freeUdpPort(m_address);
    if (m_port == 0) {
        m_errorString = u"no free UDP port on %1"_s.arg(m_address.toString());
        return false;
    }
    const QString dir = m_dir->path();
    if (m_clientMode) {
        // A client: no NTP service (port 0), commands over a Unix socket in our 0700 directory.
        const QString config = u"# Chronoscope interop test client\n"
                               "port 0\n"
                               "cmdport 0\n"
                               "bindcmdaddress %1/chronyd.sock\n"
                               "pidfile %1/chronyd.pid\n"
                               "dumpdir %1\n"_s.arg(dir)
            + m_extraConfig + u"\n"_s;
        QFile file(m_dir->filePath(u"chronyd.conf"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config.toUtf8()) < 0) {
            m_errorString = u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
            return false;
        }
        return true;
    }
    // No driftfile, no command port or socket, nothing written outside the temporary directory.
    const QString config = u"# Chronoscope interop test server\n"
                           "local stratum 1\n"
                           "allow 127.0.0.0/8\n"
                           "allow ::1\n"
                           "%1\n"
                           "port %2\n"
                           "cmdport 0\n"
                           "%4\n"
                           "pidfile %3/chronyd.pid\n"
                           "dumpdir %3\n"_s.arg(m_listenOnAll ? u"# listening on every address of this namespace"_s
                                                               : u"bindaddress "_s + m_address.toString())
                               .arg(m_port)
                               .arg(dir)
                               .arg(m_commandSocket ? u"bindcmdaddress "_s + dir + u"/chronyd.sock"_s
                                                    : u"bindcmdaddress /"_s)
        + m_extraConfig + u"\n"_s;
    QFile file(m_dir->filePath(u"chronyd.conf"_s));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config.toUtf8()) < 0) {
        m_errorString = u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool ChronydInstance::launch(double readySeconds)
{
    if (!writeConfig())
        return false;
    const QString chronyd = findChronyd();
    const QString family = m_address.protocol() == QAbstractSocket::IPv6Protocol ? u"-6"_s : u"-4"_s;
    // -x: never touch the clock; -d: foreground, log to stderr.
    const QStringList chronydArgs{family, u"-x"_s, u"-d"_s, u"-f"_s, m_dir->filePath(u"chronyd.conf"_s)};

    QString program;
    QStringList arguments;
    if (runningAsRoot()) {
        // CRITICAL: as root, take CAP_SYS_TIME out of the bounding (and inheritable) set before
        // chronyd starts, so that not even a bug in -x handling could step this machine's clock.
        program = QStandardPaths::findExecutable(u"setpriv"_s);
        if (program.isEmpty())
            program = QStandardPaths::findExecutable(u"setpriv"_s, {u"/usr/bin"_s, u"/bin"_s});
        if (program.isEmpty()) {
            m_errorString = u"setpriv (util-linux) not found: refusing to run chronyd as root with CAP_SYS_TIME"_s;
            return false;
        }
        arguments << u"--inh-caps"_s << u"-sys_time"_s << u"--bounding-set"_s << u"-sys_time"_s << chronyd
                  << chronydArgs << u"-u"_s << u"root"_s;
    } else {
        program = chronyd;
        arguments << u"-U"_s << u"-u"_s << currentUserName() << chronydArgs;
    }

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!m_fakeTime.isEmpty()) {
        environment.insert(u"LD_PRELOAD"_s, findLibFaketime());
        environment.insert(u"FAKETIME"_s, m_fakeTime);
    } else {
        environment.remove(u"LD_PRELOAD"_s);
        environment.remove(u"FAKETIME"_s);
    }
    m_process.setProcessEnvironment(environment);
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.setStandardOutputFile(m_dir->filePath(u"chronyd.log"_s));
#ifdef Q_OS_LINUX
    // If the test process dies (crash, ctest timeout), chronyd gets SIGTERM instead of lingering.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        m_errorString = u"cannot start %1: %2"_s.arg(program, m_process.errorString());
        return false;
    }
    if (m_clientMode) {
        // Ready when the command socket exists.
        const QDeadlineTimer deadline(std::chrono::milliseconds(qint64(readySeconds * 1000.0)));
        while (!QFileInfo::exists(commandSocketPath())) {
            if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning) {
                m_errorString = u"chronyd client did not open %1:\n%2"_s.arg(commandSocketPath(), log());
                return false;
            }
            m_process.waitForFinished(50);
        }
    } else if (!waitUntilAnswering(readySeconds)) {
        return false;
    }
    return verifyNoClockCapability();
}

bool ChronydInstance::waitUntilAnswering(double seconds)
{
    QUdpSocket socket;
    const bool ipv6 = m_address.protocol() == QAbstractSocket::IPv6Protocol;
    if (!socket.bind(QHostAddress(ipv6 ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost), 0)) {
        m_errorString = u"cannot bind a probe socket: %1"_s.arg(socket.errorString());
        return false;
    }
    const QDeadlineTimer deadline(std::chrono::milliseconds(qint64(seconds * 1000.0)));
    while (!deadline.hasExpired()) {
        if (m_process.waitForFinished(0) || m_process.state() == QProcess::NotRunning) {
            m_errorString = u"chronyd exited (status %1) before answering on %2:\n%3"_s.arg(m_process.exitCode())
                                .arg(endpoint(), log());
            return false;
        }
        const ntp::NtpTimestamp nonce(QRandomGenerator::system()->generate64() | 1u);
        const QByteArray request = ntp::encode(ntp::makeClientRequest(nonce, 0));
        socket.writeDatagram(request, m_address, m_port);
        const QDeadlineTimer answerDeadline(100);
        while (!answerDeadline.hasExpired() && socket.waitForReadyRead(int(answerDeadline.remainingTime()))) {
            while (socket.hasPendingDatagrams()) {
                const QNetworkDatagram datagram = socket.receiveDatagram();
                const Result<ntp::Packet> reply = ntp::decode(datagram.data());
                if (reply && reply->mode == ntp::Mode::Server && reply->originTime == nonce && reply->stratum >= 1
                    && reply->stratum < ntp::MAXSTRAT && reply->leap != ntp::LeapIndicator::Unsynchronized)
                    return true;
            }
        }
    }
    m_errorString = u"chronyd on %1 did not answer NTP within %2 s:\n%3"_s.arg(endpoint()).arg(seconds).arg(log());
    return false;
}

bool ChronydInstance::verifyNoClockCapability()
{
#ifdef Q_OS_LINUX
    if (!runningAsRoot())
        return true;
    QFile status(u"/proc/%1/status"_s.arg(pid()));
    if (!status.open(QIODevice::ReadOnly)) {
        m_errorString = u"cannot read %1 to verify chronyd's capabilities"_s.arg(status.fileName());
        return false;
    }
    const QList<QByteArray> lines = status.readAll().split('\n');
    int checked = 0;
    for (const QByteArray &line : lines) {
        if (!line.startsWith("CapPrm:") && !line.startsWith("CapEff:") && !line.startsWith("CapBnd:"))
            continue;
        bool ok = false;
        const quint64 caps = line.mid(7).trimmed().toULongLong(&ok, 16);
        if (!ok || (caps & (quint64(1) << CAP_SYS_TIME)) != 0) {
            m_errorString = u"chronyd (pid %1) holds CAP_SYS_TIME (%2): stopped it"_s.arg(pid()).arg(
                QString::fromLatin1(line));
            return false;
        }
        ++checked;
    }
    if (checked != 3) {
        m_errorString = u"could not find chronyd's capability sets in %1"_s.arg(status.fileName());
        return false;
    }
#endif
    return true;
}

void ChronydInstance::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM to chronyd's pid (setpriv exec'd it: same process)
    if (!m_process.waitForFinished(STOP_WAIT_MS)) {
        m_process.kill();
        m_process.waitForFinished(STOP_WAIT_MS);
    }
}

} // namespace chronoscope::testing
