// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/interop/ntpsecinstance.h"

#include <csignal>

#include <linux/capability.h>
#include <sys/prctl.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QUdpSocket>

#include "core/ntp/ntppacket.h"
#include "core/ntp/replyvalidator.h"

using namespace Qt::StringLiterals;

namespace chronoscope::testing {
namespace {

constexpr quint16 NTP_PORT = 123;
constexpr int STOP_WAIT_MS = 3000; // grace period after SIGTERM, then SIGKILL

} // namespace

NtpsecInstance::NtpsecInstance(bool answerQueries) : m_answerQueries(answerQueries) { }

NtpsecInstance::~NtpsecInstance()
{
    stop();
}

QString NtpsecInstance::findNtpd()
{
    const QString fromEnv = qEnvironmentVariable("CHRONOSCOPE_NTPSEC_NTPD");
    if (!fromEnv.isEmpty())
        return QFileInfo(fromEnv).isExecutable() ? fromEnv : QString();
    const QString unpacked = QStringLiteral(CHRONOSCOPE_SOURCE_DIR) + u"/build/tools/ntpsec/usr/sbin/ntpd"_s;
    return QFileInfo(unpacked).isExecutable() ? unpacked : QString();
}

QString NtpsecInstance::log() const
{
    if (!m_dir)
        return {};
    QFile file(m_dir->filePath(u"ntpd.log"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(file.readAll()) : QString();
}

bool NtpsecInstance::writeConfig()
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_errorString = u"cannot create a temporary directory: %1"_s.arg(m_dir->errorString());
        return false;
    }
    const QString flags = m_answerQueries ? QString() : u" noquery"_s;
    // No servers, no drift file: nothing to discipline with, and the discipline is off anyway.
    const QString config = u"# Chronoscope test: ntpsec on loopback, never touching the clock\n"
                           "disable ntp\n"
                           "disable kernel\n"
                           "interface ignore wildcard\n"
                           "interface ignore all\n"
                           "interface listen 127.0.0.1\n"
                           "restrict default%1\n"
                           "restrict 127.0.0.1%1\n"
                           "restrict ::1%1\n"
                           "logfile %2/ntpd.log\n"
                           "statsdir %2/\n"_s.arg(flags, m_dir->path())
        + m_extraConfig;
    QFile file(m_dir->filePath(u"ntp.conf"_s));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config.toUtf8()) < 0) {
        m_errorString = u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool NtpsecInstance::start(double readySeconds)
{
    m_errorString.clear();
    const QString ntpd = findNtpd();
    if (ntpd.isEmpty()) {
        m_errorString = u"ntpsec's ntpd not found: run ./dev.sh test (it unpacks ntpsec into build/tools/ntpsec) or "
                        "set CHRONOSCOPE_NTPSEC_NTPD"_s;
        return false;
    }
    const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s, {u"/usr/bin"_s, u"/bin"_s});
    if (setpriv.isEmpty()) {
        m_errorString = u"setpriv (util-linux) not found: refusing to run ntpd as root with CAP_SYS_TIME"_s;
        return false;
    }
    if (!writeConfig())
        return false;
    // CRITICAL: CAP_SYS_TIME leaves the bounding and inheritable sets before ntpd starts, so that
    // no setting or bug can let it step or slew this machine's clock.
    m_process.setProgram(setpriv);
    m_process.setArguments({u"--inh-caps"_s, u"-sys_time"_s, u"--bounding-set"_s, u"-sys_time"_s, ntpd, u"-n"_s,
                            u"-c"_s, m_dir->filePath(u"ntp.conf"_s)});
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.setStandardOutputFile(m_dir->filePath(u"stdout.log"_s));
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        m_errorString = u"cannot start %1: %2"_s.arg(setpriv, m_process.errorString());
        return false;
    }
    if (!waitUntilAnswering(readySeconds) || !verifyNoClockCapability()) {
        stop();
        return false;
    }
    return true;
}

bool NtpsecInstance::waitUntilAnswering(double seconds)
{
    QUdpSocket socket;
    if (!socket.bind(QHostAddress(QHostAddress::LocalHost), 0)) {
        m_errorString = u"cannot bind a probe socket: %1"_s.arg(socket.errorString());
        return false;
    }
    const QDeadlineTimer deadline(std::chrono::milliseconds(qint64(seconds * 1000.0)));
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning) {
            m_errorString = u"ntpd exited (status %1) before answering:\n%2"_s.arg(m_process.exitCode()).arg(log());
            return false;
        }
        const ntp::NtpTimestamp nonce(QRandomGenerator::system()->generate64() | 1u);
        socket.writeDatagram(ntp::encode(ntp::makeClientRequest(nonce, 0)), QHostAddress(QHostAddress::LocalHost),
                             NTP_PORT);
        const QDeadlineTimer answerDeadline(100);
        while (!answerDeadline.hasExpired() && socket.waitForReadyRead(int(answerDeadline.remainingTime()))) {
            while (socket.hasPendingDatagrams()) {
                const Result<ntp::Packet> reply = ntp::decode(socket.receiveDatagram().data());
                // Unsynchronised (no servers), but a server reply to our request: it is up.
                if (reply && reply->mode == ntp::Mode::Server && reply->originTime == nonce)
                    return true;
            }
        }
    }
    m_errorString = u"ntpd did not answer NTP on 127.0.0.1:123 within %1 s:\n%2"_s.arg(seconds).arg(log());
    return false;
}

bool NtpsecInstance::verifyNoClockCapability()
{
    QFile status(u"/proc/%1/status"_s.arg(pid()));
    if (!status.open(QIODevice::ReadOnly)) {
        m_errorString = u"cannot read %1 to verify ntpd's capabilities"_s.arg(status.fileName());
        return false;
    }
    int checked = 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (!line.startsWith("CapPrm:") && !line.startsWith("CapEff:") && !line.startsWith("CapBnd:"))
            continue;
        bool ok = false;
        const quint64 caps = line.mid(7).trimmed().toULongLong(&ok, 16);
        if (!ok || (caps & (quint64(1) << CAP_SYS_TIME)) != 0) {
            m_errorString = u"ntpd (pid %1) holds CAP_SYS_TIME (%2): stopped it"_s.arg(pid()).arg(QString::fromLatin1(line));
            return false;
        }
        ++checked;
    }
    if (checked != 3) {
        m_errorString = u"could not find ntpd's capability sets in %1"_s.arg(status.fileName());
        return false;
    }
    return true;
}

void NtpsecInstance::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(STOP_WAIT_MS)) {
        m_process.kill();
        m_process.waitForFinished(STOP_WAIT_MS);
    }
}

} // namespace chronoscope::testing
