// SPDX-License-Identifier: GPL-3.0-or-later
// `chronoscope-cli diagnose` end to end (the real binary): the JSON document with every
// section, the human report, exit statuses and usage errors. Loopback only.
#include <QCoreApplication>
#include <QJsonArray>
#include <QTest>
#include <QUdpSocket>

#include "tests/fakes/fakecontrolserver.h"
#include "tests/fakes/fakentpserver.h"
#include "tests/interop/chronydinstance.h"
#include "tests/interop/clirunner.h"

using namespace Qt::StringLiterals;
using chronoscope::testing::ChronydInstance;
using chronoscope::testing::CliRun;
using chronoscope::testing::FakeControlServer;
using chronoscope::testing::FakeNtpServer;
using chronoscope::testing::runCli;

namespace {

QString endpoint(quint16 port)
{
    return u"127.0.0.1:%1"_s.arg(port);
}

} // namespace

class TstDiagnoseCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonWithEverySection();
    void silentServersReportBlockedInText();
    void monlistProbeInText();
    void nothingToTestExitsZero();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
};

void TstDiagnoseCli::initTestCase()
{
    QVERIFY2(!qEnvironmentVariable("CHRONOSCOPE_CLI").isEmpty(), "CHRONOSCOPE_CLI is not set (chronoscope_add_test sets it)");
}

void TstDiagnoseCli::jsonWithEverySection()
{
    QUdpSocket held; // the port check must find this socket and this process
    QVERIFY2(held.bind(QHostAddress(QHostAddress::LocalHost), 0), qPrintable(held.errorString()));
    FakeControlServer control;
    QVERIFY2(control.isListening(), qPrintable(control.errorString()));
    control.setPrivateReplies(FakeControlServer::monlistReply(20)); // 1472 bytes for 8: 184×
    ChronydInstance chronyd;
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));
    const quint16 closed = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost));

    const CliRun run = runCli({u"diagnose"_s, u"--json"_s, u"--port"_s, QString::number(held.localPort()),
                               u"--probe"_s, endpoint(control.port()), u"--window"_s, u"0.5"_s, u"--samples"_s,
                               u"2"_s, u"--interval"_s, u"0.25"_s, u"--timeout"_s, u"0.3"_s, chronyd.endpoint(),
                               endpoint(closed)});
    // Exit 1: a server does not answer and the probed server is an amplifier.
    QVERIFY2(run.finished && run.exitCode == 1, run.describe().constData());
    QString error;
    const QJsonObject root = run.json(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(root.value(u"version"_s).toInt(), 1);

    const QJsonObject port = root.value(u"port"_s).toObject();
    QCOMPARE(port.value(u"port"_s).toInt(), held.localPort());
    QCOMPARE(port.value(u"in_use"_s).toBool(), true);
    const QJsonObject socket = port.value(u"sockets"_s).toArray().first().toObject();
    QCOMPARE(socket.value(u"address"_s).toString(), u"127.0.0.1"_s);
    const QJsonObject holder = socket.value(u"processes"_s).toArray().first().toObject();
    QCOMPARE(holder.value(u"pid"_s).toInteger(), QCoreApplication::applicationPid());
    QVERIFY(!socket.value(u"meaning"_s).toString().isEmpty());

    const QJsonObject services = root.value(u"time_services"_s).toObject();
    QVERIFY(services.value(u"services"_s).toArray().size() >= 3);
    QVERIFY(services.value(u"kernel"_s).toObject().contains(u"synchronized"_s));
    QVERIFY(!services.value(u"summary"_s).toString().isEmpty());

    const QJsonObject reach = root.value(u"reachability"_s).toObject();
    QCOMPARE(reach.value(u"conclusion"_s).toString(), u"some_unreachable"_s);
    const QJsonArray servers = reach.value(u"servers"_s).toArray();
    QCOMPARE(servers.size(), 2);
    QCOMPARE(servers.at(0).toObject().value(u"outcome"_s).toString(), u"answers"_s);
    QCOMPARE(servers.at(1).toObject().value(u"outcome"_s).toString(), u"refused"_s);
    QCOMPARE(servers.at(1).toObject().value(u"refused"_s).toInt(), 2);

    const QJsonObject exposure = root.value(u"exposure"_s).toObject();
    QCOMPARE(exposure.value(u"verdict"_s).toString(), u"answers_monlist"_s);
    QCOMPARE(exposure.value(u"target"_s).toString(), endpoint(control.port()));
    const QJsonObject mode7 = exposure.value(u"mode7"_s).toObject();
    QCOMPARE(mode7.value(u"request_bytes"_s).toInt(), 8);
    QCOMPARE(mode7.value(u"datagrams"_s).toInt(), 4);
    QCOMPARE(mode7.value(u"reply_bytes"_s).toInt(), 1472);
    QCOMPARE(mode7.value(u"amplification_factor"_s).toDouble(), 184.0);
    QCOMPARE(mode7.value(u"monlist_entries"_s).toInt(), 20);
    QCOMPARE(exposure.value(u"mode6"_s).toObject().value(u"answered"_s).toBool(), false);
    QVERIFY(exposure.value(u"advice"_s).toArray().size() >= 2);
    QCOMPARE(control.privateRequests().size(), 1);
    QCOMPARE(control.controlRequests().size(), 1);
}

void TstDiagnoseCli::silentServersReportBlockedInText()
{
    FakeNtpServer a, b;
    QVERIFY(a.isListening() && b.isListening());
    a.dropNextRequests(100);
    b.dropNextRequests(100);
    const CliRun run = runCli({u"diagnose"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"0.25"_s, u"--timeout"_s,
                               u"0.3"_s, endpoint(a.port()), endpoint(b.port())});
    QVERIFY2(run.finished && run.exitCode == 1, run.describe().constData());
    const QString text = QString::fromUtf8(run.out).simplified();
    QVERIFY2(text.contains(u"Local UDP port 123"_s), run.describe().constData());
    QVERIFY2(text.contains(u"Time services on this computer"_s), run.describe().constData());
    QVERIFY2(text.contains(u"Reachability of the servers"_s), run.describe().constData());
    QVERIFY2(text.contains(u"appears blocked by a firewall or the network"_s), run.describe().constData());
}

void TstDiagnoseCli::monlistProbeInText()
{
    FakeControlServer control;
    QVERIFY2(control.isListening(), qPrintable(control.errorString()));
    control.setPrivateReplies(FakeControlServer::monlistReply(600));
    const CliRun run = runCli({u"diagnose"_s, u"--probe"_s, endpoint(control.port()), u"--window"_s, u"0.5"_s});
    QVERIFY2(run.finished && run.exitCode == 1, run.describe().constData());
    const QString text = QString::fromUtf8(run.out).simplified();
    QVERIFY2(text.contains(u"Sent exactly one mode 6 READVAR and one mode 7 MON_GETLIST request to 127.0.0.1"_s),
             run.describe().constData());
    QVERIFY2(text.contains(u"44000 bytes back in 100 datagram(s) for 8 sent, amplification 5500.00×, 600 monlist"_s),
             run.describe().constData());
    QVERIFY2(text.contains(u"Upgrade ntpd"_s), run.describe().constData());
    QVERIFY2(text.contains(u"Reachability: no SERVER given, not tested."_s), run.describe().constData());
}

void TstDiagnoseCli::nothingToTestExitsZero()
{
    const CliRun run = runCli({u"diagnose"_s, u"--json"_s, u"--port"_s, u"9"_s});
    QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
    QString error;
    const QJsonObject root = run.json(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(root.value(u"port"_s).toObject().value(u"port"_s).toInt(), 9);
    QVERIFY(root.value(u"reachability"_s).isNull());
    QVERIFY(root.value(u"exposure"_s).isNull());
    QVERIFY2(run.seconds < 10, run.describe().constData());
}

void TstDiagnoseCli::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad port") << QStringList{u"diagnose"_s, u"--port"_s, u"0"_s} << u"invalid value '0' for --port"_s;
    QTest::newRow("bad probe") << QStringList{u"diagnose"_s, u"--probe"_s, u"not a host"_s}
                               << u"bad probe target 'not a host'"_s;
    QTest::newRow("probe with check") << QStringList{u"check"_s, u"--probe"_s, u"127.0.0.1"_s, u"127.0.0.1"_s}
                                      << u"--probe applies to diagnose, not check"_s;
}

void TstDiagnoseCli::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun run = runCli(arguments);
    QVERIFY2(run.finished && run.exitCode == 2, run.describe().constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.describe().constData());
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TstDiagnoseCli)
#include "tst_diagnosecli.moc"
