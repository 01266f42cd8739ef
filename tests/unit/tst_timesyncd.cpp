// SPDX-License-Identifier: GPL-3.0-or-later
// systemd-timesyncd over D-Bus (core/sysservice/timesyncd). timesyncd itself cannot run here (it
// needs systemd as PID 1 and would discipline the clock), so this is a STAND-IN: an object in
// this process that owns org.freedesktop.timesync1 on a private session bus (ctest runs the test
// under dbus-run-session) and exposes the same properties with the same D-Bus types as
// timesyncd's org.freedesktop.timesync1.Manager. It lives on its own connection and thread, so
// every call crosses the real dbus-daemon and is marshalled. Checked: "not running" before the
// name has an owner, every property decoded (offset and delay as timedatectl computes them), and
// `chronoscope-cli system --timesyncd [--json]` with the private bus as its system bus.
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMetaType>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QThread>

#include "core/sysservice/timesyncd/timesyncdreader.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::sysservice;

// (iay): address family and bytes.
struct StandinAddress
{
    int family = 0;
    QByteArray bytes;
};
Q_DECLARE_METATYPE(StandinAddress)

// (uuuuittayttttbtt): timesyncd's NTPMessage.
struct StandinMessage
{
    uint leap = 0, version = 4, mode = 4, stratum = 2;
    int precision = -23;
    qulonglong rootDelay = 0, rootDispersion = 0;
    QByteArray referenceId;
    qulonglong origin = 0, receive = 0, transmit = 0, destination = 0;
    bool spike = false;
    qulonglong packets = 0, jitter = 0;
};
Q_DECLARE_METATYPE(StandinMessage)

QDBusArgument &operator<<(QDBusArgument &a, const StandinAddress &v)
{
    a.beginStructure();
    a << v.family << v.bytes;
    a.endStructure();
    return a;
}
const QDBusArgument &operator>>(const QDBusArgument &a, StandinAddress &v)
{
    a.beginStructure();
    a >> v.family >> v.bytes;
    a.endStructure();
    return a;
}
QDBusArgument &operator<<(QDBusArgument &a, const StandinMessage &m)
{
    a.beginStructure();
    a << m.leap << m.version << m.mode << m.stratum << m.precision << m.rootDelay << m.rootDispersion << m.referenceId
      << m.origin << m.receive << m.transmit << m.destination << m.spike << m.packets << m.jitter;
    a.endStructure();
    return a;
}
const QDBusArgument &operator>>(const QDBusArgument &a, StandinMessage &m)
{
    a.beginStructure();
    a >> m.leap >> m.version >> m.mode >> m.stratum >> m.precision >> m.rootDelay >> m.rootDispersion >> m.referenceId
        >> m.origin >> m.receive >> m.transmit >> m.destination >> m.spike >> m.packets >> m.jitter;
    a.endStructure();
    return a;
}

// The stand-in for timesyncd's manager object: the property names and D-Bus types of
// org.freedesktop.timesync1.Manager.
class StandinTimesyncd : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.timesync1.Manager")
    Q_PROPERTY(QStringList LinkNTPServers READ readLinkNTPServers)
    Q_PROPERTY(QStringList SystemNTPServers READ readSystemNTPServers)
    Q_PROPERTY(QStringList RuntimeNTPServers READ readRuntimeNTPServers)
    Q_PROPERTY(QStringList FallbackNTPServers READ readFallbackNTPServers)
    Q_PROPERTY(QString ServerName READ readServerName)
    Q_PROPERTY(StandinAddress ServerAddress READ readServerAddress)
    Q_PROPERTY(qulonglong RootDistanceMaxUSec READ readRootDistanceMaxUSec)
    Q_PROPERTY(qulonglong PollIntervalMinUSec READ readPollIntervalMinUSec)
    Q_PROPERTY(qulonglong PollIntervalMaxUSec READ readPollIntervalMaxUSec)
    Q_PROPERTY(qulonglong PollIntervalUSec READ readPollIntervalUSec)
    Q_PROPERTY(StandinMessage NTPMessage READ readNTPMessage)
    Q_PROPERTY(qlonglong Frequency READ readFrequency)
public:
    QStringList linkServers {u"192.0.2.53"_s};
    QStringList systemServers {u"ntp1.example.org"_s, u"ntp2.example.org"_s};
    QStringList runtimeServers;
    QStringList fallbackServers {u"0.debian.pool.ntp.org"_s};
    QString serverName = u"ntp1.example.org"_s;
    StandinAddress serverAddress {2, QByteArray("\xc0\x00\x02\x7b", 4)};   // 192.0.2.123
    qulonglong rootDistanceMax = 5000000;
    qulonglong pollMin = 32000000, pollMax = 2048000000, poll = 256000000;
    StandinMessage message;
    qlonglong frequency = -655360;   // -10 ppm in the kernel's 2^-16 ppm

    QStringList readLinkNTPServers() const { return linkServers; }
    QStringList readSystemNTPServers() const { return systemServers; }
    QStringList readRuntimeNTPServers() const { return runtimeServers; }
    QStringList readFallbackNTPServers() const { return fallbackServers; }
    QString readServerName() const { return serverName; }
    StandinAddress readServerAddress() const { return serverAddress; }
    qulonglong readRootDistanceMaxUSec() const { return rootDistanceMax; }
    qulonglong readPollIntervalMinUSec() const { return pollMin; }
    qulonglong readPollIntervalMaxUSec() const { return pollMax; }
    qulonglong readPollIntervalUSec() const { return poll; }
    StandinMessage readNTPMessage() const { return message; }
    qlonglong readFrequency() const { return frequency; }
};

class TstTimesyncd : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void notRunningIsClear();
    void readsEveryProperty();
    void cliReadsTheStandIn();
    void cleanupTestCase();

private:
    QThread m_thread;
    StandinTimesyncd *m_standin = nullptr;
    QDBusConnection m_standinBus {u"unused"_s};
};

void TstTimesyncd::initTestCase()
{
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             "no session bus: ctest runs this test under dbus-run-session (package dbus)");
    qDBusRegisterMetaType<StandinAddress>();
    qDBusRegisterMetaType<StandinMessage>();
    m_standin = new StandinTimesyncd;
    // The last reply: T1 = 1,700,000,000.000000 s, the server 2.5 ms ahead, 10 ms round trip.
    StandinMessage &m = m_standin->message;
    m.origin = 1700000000000000ULL;
    m.receive = m.origin + 5000 + 2500;
    m.transmit = m.receive + 100;
    m.destination = m.origin + 10100;
    m.rootDelay = 1500;
    m.rootDispersion = 700;
    m.referenceId = QByteArray("\x0a\x00\x00\x01", 4);
    m.packets = 12;
    m.jitter = 300;
    m_standin->moveToThread(&m_thread);
    m_thread.start();
    m_standinBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"timesyncd-standin"_s);
    QVERIFY(m_standinBus.isConnected());
    QVERIFY(m_standinBus.registerObject(QString::fromLatin1(TimesyncdReader::PATH), m_standin,
                                        QDBusConnection::ExportAllProperties));
}

void TstTimesyncd::cleanupTestCase()
{
    m_standinBus.unregisterService(QString::fromLatin1(TimesyncdReader::SERVICE));
    m_standinBus.unregisterObject(QString::fromLatin1(TimesyncdReader::PATH));
    QDBusConnection::disconnectFromBus(u"timesyncd-standin"_s);
    m_thread.quit();
    m_thread.wait();
    delete m_standin;
}

void TstTimesyncd::notRunningIsClear()
{
    const auto result = TimesyncdReader::read(QDBusConnection::sessionBus());
    QVERIFY(!result);
    QVERIFY2(result.errorMessage().contains(u"systemd-timesyncd is not running (org.freedesktop.timesync1 has no owner on the bus)"_s),
             qPrintable(result.errorMessage()));
    QVERIFY(TimesyncdReader::isNotRunning(result.errorMessage()));
}

void TstTimesyncd::readsEveryProperty()
{
    QVERIFY(m_standinBus.registerService(QString::fromLatin1(TimesyncdReader::SERVICE)));
    const auto s = TimesyncdReader::read(QDBusConnection::sessionBus());
    QVERIFY2(s, qPrintable(s.errorMessage()));
    QCOMPARE(s->serverName, u"ntp1.example.org"_s);
    QCOMPARE(s->serverAddress, u"192.0.2.123"_s);
    QCOMPARE(s->linkServers, QStringList{u"192.0.2.53"_s});
    QCOMPARE(s->systemServers, (QStringList{u"ntp1.example.org"_s, u"ntp2.example.org"_s}));
    QVERIFY(s->runtimeServers.isEmpty());
    QCOMPARE(s->fallbackServers, QStringList{u"0.debian.pool.ntp.org"_s});
    QCOMPARE(s->pollIntervalSeconds, 256.0);
    QCOMPARE(s->pollIntervalMinSeconds, 32.0);
    QCOMPARE(s->pollIntervalMaxSeconds, 2048.0);
    QCOMPARE(s->rootDistanceMaxSeconds, 5.0);
    QVERIFY(s->frequencyPpm);
    QCOMPARE(*s->frequencyPpm, -10.0);
    QVERIFY(s->hasMessage);
    QCOMPARE(s->leap, 0);
    QCOMPARE(s->stratum, 2);
    QCOMPARE(s->version, 4);
    QCOMPARE(s->precisionLog2, -23);
    QCOMPARE(s->referenceId, u"10.0.0.1"_s);
    // ((T2 − T1) + (T3 − T4)) / 2 = (7.5 ms + (−2.5 ms)) / 2 = +2.5 ms: the server is ahead.
    QCOMPARE(s->offset, 0.0025);
    QCOMPARE(s->delay, 0.0100);
    QCOMPARE(s->rootDelay, 0.0015);
    QCOMPARE(s->rootDispersion, 0.0007);
    QCOMPARE(s->jitter, 0.0003);
    QCOMPARE(s->packetCount, 12u);
    QVERIFY(!s->spike);

    const QJsonObject json = timesyncdSnapshotJson(*s);
    QCOMPARE(json.value(u"daemon"_s).toString(), u"systemd-timesyncd"_s);
    QCOMPARE(json.value(u"selectedSource"_s).toString(), u"192.0.2.123"_s);
    QCOMPARE(json.value(u"lastReply"_s).toObject().value(u"leap"_s).toString(), u"normal"_s);
}

void TstTimesyncd::cliReadsTheStandIn()
{
    // The CLI reads the system bus; here that is the private bus the stand-in is on.
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DBUS_SYSTEM_BUS_ADDRESS"_s, env.value(u"DBUS_SESSION_BUS_ADDRESS"_s));
    cli.setProcessEnvironment(env);
    cli.start(qEnvironmentVariable("CHRONOSCOPE_CLI"), {u"system"_s, u"--timesyncd"_s, u"--json"_s});
    QVERIFY(cli.waitForFinished(20000));
    const QByteArray out = cli.readAllStandardOutput();
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject json = QJsonDocument::fromJson(out).object();
    QCOMPARE(json.value(u"daemon"_s).toString(), u"systemd-timesyncd"_s);
    QCOMPARE(json.value(u"serverName"_s).toString(), u"ntp1.example.org"_s);
    QCOMPARE(json.value(u"lastReply"_s).toObject().value(u"offset"_s).toDouble(), 0.0025);

    cli.start(qEnvironmentVariable("CHRONOSCOPE_CLI"), {u"system"_s, u"--timesyncd"_s});
    QVERIFY(cli.waitForFinished(20000));
    const QString text = QString::fromUtf8(cli.readAllStandardOutput());
    QVERIFY2(text.contains(u"uses ntp1.example.org (192.0.2.123)"_s) && text.contains(u"offset +2.500 ms"_s), qPrintable(text));

    // Gone from the bus: "not running", exit status 3.
    QVERIFY(m_standinBus.unregisterService(QString::fromLatin1(TimesyncdReader::SERVICE)));
    cli.start(qEnvironmentVariable("CHRONOSCOPE_CLI"), {u"system"_s, u"--timesyncd"_s});
    QVERIFY(cli.waitForFinished(20000));
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(cli.readAllStandardError().contains("systemd-timesyncd is not running"), "no 'not running' message");
}

QTEST_GUILESS_MAIN(TstTimesyncd)
#include "tst_timesyncd.moc"
