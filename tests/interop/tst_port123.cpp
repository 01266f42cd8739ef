// SPDX-License-Identifier: GPL-3.0-or-later
// The real NTP port: a chronyd bound to 127.0.0.1 port 123 (root only; CI runs as root; never
// started if anything else holds the port), found by the port check with its process, probed on
// the default port (no mode 6/7 answer), reached by the reachability check, and the whole
// `chronoscope-cli diagnose` on its defaults. The chronyd cannot touch the clock (-x, and no
// CAP_SYS_TIME in its bounding set: see ChronydInstance).
#include <memory>
#include <unistd.h>

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include "core/diagnostics/exposureprobe.h"
#include "core/diagnostics/portusage.h"
#include "core/diagnostics/reachabilitycheck.h"
#include "tests/interop/chronydinstance.h"
#include "tests/interop/clirunner.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;
using chronoscope::testing::ChronydInstance;
using chronoscope::testing::CliRun;
using chronoscope::testing::runCli;

namespace {

constexpr quint16 NTP_PORT = 123;

QString holders(const PortUsageFindings &report)
{
    return report.summary + u'\n' + report.meanings.join(u'\n');
}

} // namespace

class TstPort123 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void portCheckFindsChronydOnPort123();
    void probeOfDefaultPortGetsNoControlAnswers();
    void reachabilityOnDefaultPort();
    void cliDiagnoseOnDefaults();

private:
    std::unique_ptr<ChronydInstance> m_chronyd;
};

void TstPort123::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("binding UDP port 123 needs root; CI runs this test as root");
    // Never take the port from a real time service: say who has it and stop.
    const PortUsageFindings before = checkUdpPort(NTP_PORT);
    QVERIFY2(before.error.isEmpty(), qPrintable(before.error));
    QVERIFY2(before.sockets.isEmpty(),
             qPrintable(u"UDP port 123 is already in use on this machine, so this test will not start a chronyd "
                        "there. Stop the service that holds it or run the tests where port 123 is free.\n"_s
                        + holders(before)));
    m_chronyd = std::make_unique<ChronydInstance>(QHostAddress(QHostAddress::LocalHost));
    m_chronyd->setFixedPort(NTP_PORT);
    QVERIFY2(m_chronyd->start(), qPrintable(m_chronyd->errorString()));
    QCOMPARE(m_chronyd->port(), NTP_PORT);
}

void TstPort123::cleanupTestCase()
{
    m_chronyd.reset();
}

void TstPort123::portCheckFindsChronydOnPort123()
{
    const PortUsageFindings report = checkUdpPort(NTP_PORT);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.sockets.size(), 1);
    const UdpSocketEntry &e = report.sockets.first();
    QCOMPARE(e.localAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(e.localPort, NTP_PORT);
    QCOMPARE(e.processes.size(), 1);
    QCOMPARE(e.processes.first().pid, m_chronyd->pid());
    QCOMPARE(e.processes.first().name, u"chronyd"_s);
    const QString expected = u"chronyd (pid %1) is serving time on port 123 on the loopback address 127.0.0.1 only"_s
                                 .arg(m_chronyd->pid());
    QVERIFY2(report.meanings.first().startsWith(expected), qPrintable(report.meanings.first()));
    QVERIFY2(report.meanings.first().contains(u"Chronoscope does not need the port and will not conflict"_s),
             qPrintable(report.meanings.first()));
}

void TstPort123::probeOfDefaultPortGetsNoControlAnswers()
{
    ExposureProbe probe;
    QSignalSpy spy(&probe, &ExposureProbe::finished);
    const chronoscope::Result<chronoscope::engine::ServerSpec> target = ExposureProbe::parseTarget(u"127.0.0.1"_s);
    QVERIFY(target.ok());
    QCOMPARE(target->port, NTP_PORT);
    QVERIFY(probe.start(u"127.0.0.1"_s, *target, 1.0));
    QVERIFY(spy.wait(10000));
    const ExposureFindings r = spy.first().first().value<ExposureFindings>();
    QCOMPARE(r.port, NTP_PORT);
    QCOMPARE(r.verdict, ExposureVerdict::NoAnswer);
    QVERIFY(!r.mode6.refused && !r.mode7.refused);
    QCOMPARE(r.mode6.datagrams + r.mode7.datagrams, 0);
}

void TstPort123::reachabilityOnDefaultPort()
{
    ReachabilityCheck check;
    QSignalSpy spy(&check, &ReachabilityCheck::finished);
    chronoscope::engine::ServerSpec spec;
    spec.host = u"127.0.0.1"_s;
    ReachabilityCheck::Options options;
    options.requests = 2;
    options.interval = 0.25;
    options.timeout = 0.5;
    QVERIFY(check.start({spec}, options));
    QVERIFY(spy.wait(30000));
    const ReachabilityFindings r = spy.first().first().value<ReachabilityFindings>();
    QCOMPARE(r.servers.size(), 1);
    QCOMPARE(r.servers.first().port, NTP_PORT);
    QCOMPARE(r.servers.first().outcome, ReachOutcome::Answers);
    QCOMPARE(r.conclusion, ReachConclusion::AllAnswer);
    QVERIFY2(r.summary.contains(u"outbound NTP (UDP 123) works"_s), qPrintable(r.summary));
}

void TstPort123::cliDiagnoseOnDefaults()
{
    const CliRun run = runCli({u"diagnose"_s, u"--json"_s, u"--probe"_s, u"127.0.0.1"_s, u"--window"_s, u"0.5"_s,
                               u"--samples"_s, u"2"_s, u"--interval"_s, u"0.25"_s, u"127.0.0.1"_s});
    QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
    QString error;
    const QJsonObject root = run.json(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonObject port = root.value(u"port"_s).toObject();
    QCOMPARE(port.value(u"port"_s).toInt(), 123);
    QCOMPARE(port.value(u"in_use"_s).toBool(), true);
    const QJsonObject process =
        port.value(u"sockets"_s).toArray().first().toObject().value(u"processes"_s).toArray().first().toObject();
    QCOMPARE(process.value(u"pid"_s).toInteger(), m_chronyd->pid());
    QCOMPARE(process.value(u"name"_s).toString(), u"chronyd"_s);
    QCOMPARE(root.value(u"exposure"_s).toObject().value(u"verdict"_s).toString(), u"no_answer"_s);
    QCOMPARE(root.value(u"exposure"_s).toObject().value(u"port"_s).toInt(), 123);
    QCOMPARE(root.value(u"reachability"_s).toObject().value(u"conclusion"_s).toString(), u"all_answer"_s);
    bool chronydRunning = false;
    for (const QJsonValue &s : root.value(u"time_services"_s).toObject().value(u"services"_s).toArray()) {
        if (s.toObject().value(u"name"_s).toString() == u"chronyd"_s)
            chronydRunning = s.toObject().value(u"running"_s).toBool();
    }
    QVERIFY(chronydRunning);
}

QTEST_GUILESS_MAIN(TstPort123)
#include "tst_port123.moc"
