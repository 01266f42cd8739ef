// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/interop/prometheusinstance.h"

#include <csignal>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace chronoscope::testing {
namespace {

constexpr uint NOBODY = 65534; // Debian's nobody/nogroup
constexpr int STOP_WAIT_MS = 5000;

bool runningAsRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    return false;
#endif
}

quint16 freeTcpPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

QString findTool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {u"/usr/bin"_s, u"/bin"_s});
    return path;
}

// Makes `path` belong to nobody (as root), so the unprivileged Prometheus can use it.
bool giveToNobody(const QString &path)
{
#ifdef Q_OS_UNIX
    if (runningAsRoot())
        return ::chown(QFile::encodeName(path).constData(), NOBODY, NOBODY) == 0;
#else
    Q_UNUSED(path)
#endif
    return true;
}

} // namespace

PrometheusInstance::PrometheusInstance(const QString &target, double scrapeSeconds)
    : m_target(target), m_scrapeSeconds(scrapeSeconds)
{
}

PrometheusInstance::~PrometheusInstance()
{
    stop();
}

QString PrometheusInstance::findPrometheus()
{
    return findTool(u"prometheus"_s);
}

QString PrometheusInstance::findPromtool()
{
    return findTool(u"promtool"_s);
}

QString PrometheusInstance::log() const
{
    if (!m_dir)
        return {};
    QFile file(m_dir->filePath(u"prometheus.log"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(file.readAll().right(8000));
}

bool PrometheusInstance::writeConfig()
{
    const QString interval = u"%1ms"_s.arg(qRound(m_scrapeSeconds * 1000));
    const QString config = uR"(# Written by the Chronoscope metrics interop test.
global:
  scrape_interval: %1
  scrape_timeout: %1
  evaluation_interval: %1
scrape_configs:
  - job_name: chronoscope
    static_configs:
      - targets: ['%2']
)"_s.arg(interval, m_target);
    QFile file(m_dir->filePath(u"prometheus.yml"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
        m_errorString = u"cannot write %1"_s.arg(file.fileName());
        return false;
    }
    file.close();
    QDir().mkpath(m_dir->filePath(u"data"_s));
    return giveToNobody(m_dir->path()) && giveToNobody(file.fileName()) && giveToNobody(m_dir->filePath(u"data"_s));
}

bool PrometheusInstance::start(double readySeconds)
{
    const QString prometheus = findPrometheus();
    if (prometheus.isEmpty()) {
        m_errorString = u"prometheus not found: install Debian's prometheus package (./dev.sh test does)"_s;
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid() || !writeConfig())
        return false;
    m_port = freeTcpPort();
    const QStringList prometheusArgs{u"--config.file=%1"_s.arg(m_dir->filePath(u"prometheus.yml"_s)),
                                     u"--storage.tsdb.path=%1"_s.arg(m_dir->filePath(u"data"_s)),
                                     u"--web.listen-address=127.0.0.1:%1"_s.arg(m_port),
                                     u"--log.level=warn"_s};
    QString program = prometheus;
    QStringList arguments = prometheusArgs;
    if (runningAsRoot()) {
        program = findTool(u"setpriv"_s);
        if (program.isEmpty()) {
            m_errorString = u"setpriv (util-linux) not found: refusing to run Prometheus as root"_s;
            return false;
        }
        arguments = QStringList{u"--reuid=%1"_s.arg(NOBODY), u"--regid=%1"_s.arg(NOBODY), u"--clear-groups"_s,
                                u"--inh-caps=-all"_s, u"--bounding-set=-all"_s, prometheus}
                    + prometheusArgs;
    }
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setWorkingDirectory(m_dir->path());
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.setStandardOutputFile(m_dir->filePath(u"prometheus.log"_s));
#ifdef Q_OS_LINUX
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        m_errorString = u"cannot start %1: %2"_s.arg(program, m_process.errorString());
        return false;
    }
    QDeadlineTimer deadline(qint64(readySeconds * 1000));
    while (!deadline.hasExpired()) {
        int status = 0;
        get("/-/ready", &status);
        if (status == 200)
            return true;
        if (m_process.state() == QProcess::NotRunning) {
            m_errorString = u"prometheus exited (%1):\n%2"_s.arg(m_process.exitCode()).arg(log());
            return false;
        }
        QTest::qWait(200);
    }
    m_errorString = u"prometheus not ready after %1 s:\n%2"_s.arg(readySeconds).arg(log());
    return false;
}

void PrometheusInstance::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(STOP_WAIT_MS)) {
        m_process.kill();
        m_process.waitForFinished(STOP_WAIT_MS);
    }
}

QByteArray PrometheusInstance::get(const QByteArray &pathAndQuery, int *status) const
{
    *status = 0;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    if (!socket.waitForConnected(2000))
        return {};
    socket.write("GET " + pathAndQuery + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray response;
    QDeadlineTimer deadline(10000);
    // HTTP/1.0: the server closes the connection after the response. At most 16 MiB.
    while (!deadline.hasExpired() && response.size() < (16 << 20)) {
        if (!socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        response += socket.readAll();
    }
    response += socket.readAll();
    const qsizetype headEnd = response.indexOf("\r\n\r\n");
    const QList<QByteArray> statusLine = response.left(response.indexOf("\r\n")).split(' ');
    if (headEnd < 0 || statusLine.size() < 2)
        return {};
    *status = statusLine.at(1).toInt();
    return response.mid(headEnd + 4);
}

QJsonArray PrometheusInstance::query(const QString &promql, QString *error) const
{
    int status = 0;
    const QByteArray body = get("/api/v1/query?query=" + QUrl::toPercentEncoding(promql), &status);
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (status != 200 || answer.value(u"status"_s).toString() != u"success"_s) {
        *error = u"query %1: HTTP %2: %3"_s.arg(promql).arg(status).arg(QString::fromUtf8(body.left(500)));
        return {};
    }
    error->clear();
    return answer.value(u"data"_s).toObject().value(u"result"_s).toArray();
}

} // namespace chronoscope::testing
