// SPDX-License-Identifier: GPL-3.0-or-later
// The real chronoscope-cli binary (CHRONOSCOPE_CLI) against a real chronyd and the fake server:
// exit status, the JSON contract (ARCHITECTURE.md §3), the human table, usage errors.
#include <algorithm>
#include <cmath>
#include <memory>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTest>
#include <QTimer>

#include "core/engine/localclock.h"
#include "tests/fakes/fakentpserver.h"
#include "tests/interop/chronydinstance.h"
#include "tests/interop/clirunner.h"

using namespace Qt::StringLiterals;
using chronoscope::testing::ChronydInstance;
using chronoscope::testing::CliRun;
using chronoscope::testing::runCli;
using chronoscope::testing::FakeNtpServer;

namespace {

constexpr double TRUE_TOLERANCE = 0.001; // seconds

QJsonObject parseObject(const QByteArray &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = u"not a JSON object: %1"_s.arg(parseError.errorString());
        return {};
    }
    return document.object();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void checkJsonAgainstChronyd();
    void checkClosedPortIsUnreachable();
    void checkSilentServerTimesOut();
    void checkUnresolvableName();
    void checkUnresolvableNameBesideGoodServer();
    void usageErrors_data();
    void usageErrors();
    void humanTable();
    void monitorJsonLines();

private:
    std::unique_ptr<ChronydInstance> m_chronyd;
};

void TestCli::initTestCase()
{
    const QString cli = qEnvironmentVariable("CHRONOSCOPE_CLI");
    QVERIFY2(!cli.isEmpty(), "CHRONOSCOPE_CLI is not set (chronoscope_add_test sets it)");
    QVERIFY2(QFileInfo(cli).isExecutable(), qPrintable(u"CHRONOSCOPE_CLI=%1 is not an executable"_s.arg(cli)));
    QVERIFY2(!ChronydInstance::findChronyd().isEmpty(), "chronyd not found in PATH, /usr/sbin or /sbin: install chrony");
    m_chronyd = std::make_unique<ChronydInstance>();
    QVERIFY2(m_chronyd->start(), qPrintable(m_chronyd->errorString()));
}

void TestCli::cleanupTestCase()
{
    m_chronyd.reset();
}

void TestCli::checkJsonAgainstChronyd()
{
    const QString server = m_chronyd->endpoint();
    const CliRun run = runCli({u"check"_s, u"--json"_s, u"--samples"_s, u"4"_s, u"--interval"_s, u"0.25"_s,
                               u"--timeout"_s, u"1"_s, server});
    QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
    QString error;
    const QJsonObject root = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u'\n' + QString::fromUtf8(run.out)));

    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    const QJsonArray servers = root.value(u"servers"_s).toArray();
    QCOMPARE(servers.size(), 1);
    const QJsonObject s = servers.first().toObject();
    // Every field of the contract is present (unknown ones would be null, never missing).
    const QStringList serverFields{u"name"_s, u"address"_s, u"port"_s, u"state"_s, u"reason"_s, u"stratum"_s,
                                   u"refid"_s, u"leap"_s, u"offset"_s, u"delay"_s, u"dispersion"_s, u"jitter"_s,
                                   u"root_delay"_s, u"root_dispersion"_s, u"root_distance"_s, u"samples_sent"_s,
                                   u"samples_received"_s, u"auth"_s, u"errors"_s};
    for (const QString &field : serverFields)
        QVERIFY2(s.contains(field), qPrintable(u"server field '%1' missing"_s.arg(field)));
    QCOMPARE(s.value(u"name"_s).toString(), server);
    QCOMPARE(s.value(u"address"_s).toString(), u"127.0.0.1"_s);
    QCOMPARE(s.value(u"port"_s).toInt(), int(m_chronyd->port()));
    QCOMPARE(s.value(u"state"_s).toString(), u"sys_peer"_s);
    QVERIFY(s.value(u"reason"_s).isNull());
    QCOMPARE(s.value(u"stratum"_s).toInt(), 1);
    // chrony's local reference id is 127.127.1.1 (some servers send "LOCL").
    const QString refid = s.value(u"refid"_s).toString();
    QVERIFY2(refid == u"127.127.1.1"_s || refid == u"LOCL"_s, qPrintable(refid));
    QCOMPARE(s.value(u"leap"_s).toString(), u"none"_s);
    for (const QString &number : {u"offset"_s, u"delay"_s, u"dispersion"_s, u"jitter"_s, u"root_delay"_s,
                                  u"root_dispersion"_s, u"root_distance"_s})
        QVERIFY2(s.value(number).isDouble(), qPrintable(u"'%1' is not a number"_s.arg(number)));
    QVERIFY(std::abs(s.value(u"offset"_s).toDouble()) <= TRUE_TOLERANCE);
    QVERIFY(s.value(u"delay"_s).toDouble() > 0 && s.value(u"delay"_s).toDouble() < 0.05);
    QVERIFY(s.value(u"root_distance"_s).toDouble() > 0 && s.value(u"root_distance"_s).toDouble() < 1.5);
    QCOMPARE(s.value(u"samples_sent"_s).toInt(), 4);
    QCOMPARE(s.value(u"samples_received"_s).toInt(), 4);
    QCOMPARE(s.value(u"auth"_s).toString(), u"none"_s);
    QVERIFY(s.value(u"errors"_s).isArray());
    QVERIFY(s.value(u"errors"_s).toArray().isEmpty());

    const QJsonObject system = root.value(u"system"_s).toObject();
    for (const QString &field : {u"synchronized"_s, u"offset"_s, u"jitter"_s, u"error_bound"_s, u"sys_peer"_s,
                                 u"survivors"_s})
        QVERIFY2(system.contains(field), qPrintable(u"system field '%1' missing"_s.arg(field)));
    QCOMPARE(system.value(u"synchronized"_s).toBool(), true);
    QCOMPARE(system.value(u"sys_peer"_s).toString(), server);
    QVERIFY(std::abs(system.value(u"offset"_s).toDouble()) <= TRUE_TOLERANCE);
    QVERIFY(system.value(u"jitter"_s).isDouble());
    QVERIFY(system.value(u"error_bound"_s).toDouble() >= std::abs(system.value(u"offset"_s).toDouble()));
    QVERIFY(system.value(u"survivors"_s).toInt() >= 1);
    qInfo("check --json: offset %+.6f s, error bound %.6f s", system.value(u"offset"_s).toDouble(),
          system.value(u"error_bound"_s).toDouble());
}

void TestCli::checkClosedPortIsUnreachable()
{
    const quint16 port = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(port != 0);
    const double timeout = 1.0;
    const CliRun run = runCli({u"check"_s, u"--json"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"0.25"_s,
                               u"--timeout"_s, QString::number(timeout), u"127.0.0.1:%1"_s.arg(port)});
    QVERIFY2(run.finished && run.exitCode == 1, run.describe().constData());
    // Two requests, each ending at the latest after its timeout, 0.25 s apart, plus start-up.
    QVERIFY2(run.seconds < 2 * timeout + 0.25 + 5.0, run.describe().constData());
    QString error;
    const QJsonObject root = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonObject s = root.value(u"servers"_s).toArray().first().toObject();
    QCOMPARE(s.value(u"state"_s).toString(), u"unreachable"_s);
    QVERIFY(!s.value(u"reason"_s).toString().isEmpty());
    QVERIFY(s.value(u"offset"_s).isNull());
    QVERIFY(s.value(u"stratum"_s).isNull());
    QCOMPARE(s.value(u"samples_sent"_s).toInt(), 2);
    QCOMPARE(s.value(u"samples_received"_s).toInt(), 0);
    const QJsonObject system = root.value(u"system"_s).toObject();
    QCOMPARE(system.value(u"synchronized"_s).toBool(), false);
    QVERIFY(system.value(u"offset"_s).isNull());
    QVERIFY(system.value(u"sys_peer"_s).isNull());
}

void TestCli::checkSilentServerTimesOut()
{
    // A socket that swallows requests: no ICMP, so only the timeout can end each request.
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.dropNextRequests(1000);
    const double timeout = 0.5;
    const CliRun run = runCli({u"check"_s, u"--json"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"0.25"_s,
                               u"--timeout"_s, QString::number(timeout), u"127.0.0.1:%1"_s.arg(server.port())});
    QVERIFY2(run.finished && run.exitCode == 1, run.describe().constData());
    QVERIFY2(run.seconds >= 2 * timeout, run.describe().constData());
    QVERIFY2(run.seconds < 2 * timeout + 0.25 + 5.0, run.describe().constData());
    QCOMPARE(server.requests().size(), 2);
    QString error;
    const QJsonObject root = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonObject s = root.value(u"servers"_s).toArray().first().toObject();
    QCOMPARE(s.value(u"state"_s).toString(), u"unreachable"_s);
    QVERIFY2(s.value(u"reason"_s).toString().contains(u"no reply"_s), qPrintable(s.value(u"reason"_s).toString()));
    const QJsonArray errors = s.value(u"errors"_s).toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().toObject().value(u"reason"_s).toString(), u"timeout"_s);
    QCOMPARE(errors.first().toObject().value(u"count"_s).toInt(), 2);
}

void TestCli::checkUnresolvableName()
{
    // RFC 6761: names under .invalid never resolve. No public server is ever contacted.
    const CliRun run = runCli({u"check"_s, u"--json"_s, u"--samples"_s, u"1"_s, u"name.invalid"_s});
    QVERIFY2(run.finished && run.exitCode == 1, run.describe().constData());
    QString error;
    const QJsonObject root = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray servers = root.value(u"servers"_s).toArray();
    QCOMPARE(servers.size(), 1);
    const QJsonObject s = servers.first().toObject();
    QCOMPARE(s.value(u"name"_s).toString(), u"name.invalid"_s);
    QCOMPARE(s.value(u"state"_s).toString(), u"unreachable"_s);
    QVERIFY(s.value(u"address"_s).isNull());
    const QString reason = s.value(u"reason"_s).toString();
    QVERIFY2(reason.contains(u"resolve"_s) && reason.contains(u"name.invalid"_s), qPrintable(reason));
    QCOMPARE(s.value(u"samples_sent"_s).toInt(), 0);
    QCOMPARE(root.value(u"system"_s).toObject().value(u"synchronized"_s).toBool(), false);
}

void TestCli::checkUnresolvableNameBesideGoodServer()
{
    // The bad name is a per-server error; the good server still determines the system offset.
    const CliRun run = runCli({u"check"_s, u"--json"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"0.25"_s,
                               u"name.invalid"_s, m_chronyd->endpoint()});
    QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
    QString error;
    const QJsonObject root = parseObject(run.out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray servers = root.value(u"servers"_s).toArray();
    QCOMPARE(servers.size(), 2);
    QMap<QString, QJsonObject> byName;
    for (const QJsonValue &value : servers)
        byName.insert(value.toObject().value(u"name"_s).toString(), value.toObject());
    QCOMPARE(byName.value(u"name.invalid"_s).value(u"state"_s).toString(), u"unreachable"_s);
    QVERIFY(byName.value(u"name.invalid"_s).value(u"reason"_s).toString().contains(u"name.invalid"_s));
    QCOMPARE(byName.value(m_chronyd->endpoint()).value(u"state"_s).toString(), u"sys_peer"_s);
    QCOMPARE(root.value(u"system"_s).toObject().value(u"sys_peer"_s).toString(), m_chronyd->endpoint());
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named"); // the bad value the message must name
    QTest::newRow("unknown option") << QStringList{u"check"_s, u"--frobnicate"_s, u"127.0.0.1"_s}
                                    << u"--frobnicate"_s;
    QTest::newRow("port out of range") << QStringList{u"check"_s, u"127.0.0.1:99999"_s} << u"99999"_s;
    QTest::newRow("zero samples") << QStringList{u"check"_s, u"--samples"_s, u"0"_s, u"127.0.0.1"_s}
                                  << u"'0' for --samples"_s;
    QTest::newRow("unclosed bracket") << QStringList{u"check"_s, u"[::1"_s} << u"[::1"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s, u"127.0.0.1"_s} << u"frobnicate"_s;
    QTest::newRow("no server") << QStringList{u"check"_s, u"--json"_s} << u"no server"_s;
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const CliRun run = runCli(arguments, 30.0);
    QVERIFY2(run.finished && run.exitCode == 2, run.describe().constData());
    QVERIFY2(run.seconds < 10.0, run.describe().constData()); // fails before any network activity
    QVERIFY2(run.out.isEmpty(), run.describe().constData());
    // "chronoscope-cli COMMAND: what is wrong" and "Try 'chronoscope-cli COMMAND --help'." (§3.3).
    const QString message = QString::fromUtf8(run.err);
    const QStringList lines = message.split(u'\n');
    QVERIFY2(message.endsWith(u'\n') && lines.size() == 3, qPrintable(u"not two lines: '%1'"_s.arg(message)));
    const QString who = arguments.first() == u"frobnicate"_s ? u"chronoscope-cli"_s : u"chronoscope-cli "_s + arguments.first();
    QVERIFY2(lines.at(0).startsWith(who + u": "_s), qPrintable(message));
    QVERIFY2(lines.at(0).contains(named), qPrintable(u"'%1' does not name '%2'"_s.arg(lines.at(0), named)));
    QCOMPARE(lines.at(1), u"Try '%1 --help'."_s.arg(who));
}

void TestCli::humanTable()
{
    // One good server and one closed port: the table shows each with its state and reason.
    const quint16 closedPort = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost));
    const QString closed = u"127.0.0.1:%1"_s.arg(closedPort);
    const CliRun run = runCli({u"check"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"0.25"_s,
                               m_chronyd->endpoint(), closed});
    QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    const auto headerAt = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) {
        return l.startsWith(u"State"_s);
    });
    QVERIFY2(headerAt != lines.cend(), run.describe().constData());
    const QString header = *headerAt;
    for (const QString &column : {u"Name/IP address"_s, u"St"_s, u"Reach"_s, u"Offset"_s, u"Delay"_s, u"Reason"_s})
        QVERIFY2(header.contains(column), qPrintable(u"column %1 missing in '%2'"_s.arg(column, header)));
    const qsizetype reasonColumn = header.indexOf(u"Reason"_s);
    QVERIFY(reasonColumn > 0);

    QString goodRow;
    QString closedRow;
    for (auto it = headerAt + 1; it != lines.cend(); ++it) {
        if (it->contains(m_chronyd->endpoint()) && !it->startsWith(u"System"_s))
            goodRow = *it;
        if (it->contains(closed))
            closedRow = *it;
    }
    QVERIFY2(goodRow.startsWith(u"sys_peer"_s), qPrintable(goodRow));
    QVERIFY2(closedRow.startsWith(u"unreachable"_s), qPrintable(closedRow));
    // The reason sits in the Reason column, in words.
    QVERIFY2(closedRow.size() > reasonColumn && closedRow.mid(reasonColumn).contains(u"refused"_s),
             qPrintable(closedRow));
    QVERIFY2(lines.last().startsWith(u"System:"_s), qPrintable(lines.last()));
    QVERIFY(lines.last().contains(m_chronyd->endpoint()));
}

void TestCli::monitorJsonLines()
{
    const double duration = 2.0;
    const CliRun run = runCli({u"monitor"_s, u"--json"_s, u"--duration"_s, QString::number(duration),
                               u"--interval"_s, u"0.25"_s, m_chronyd->endpoint()});
    QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
    // QTimer's default coarse timers may fire up to 5 % early.
    QVERIFY2(run.seconds >= 0.95 * duration && run.seconds < duration + 5.0, run.describe().constData());
    const QList<QByteArray> lines = run.out.split('\n');
    int samples = 0;
    int accepted = 0;
    int systems = 0;
    bool sawSysPeer = false;
    const double now = chronoscope::engine::LocalClock::nowUnixSeconds();
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        QString error;
        const QJsonObject o = parseObject(line, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error + u": "_s + QString::fromUtf8(line)));
        const QString type = o.value(u"type"_s).toString();
        QVERIFY(o.value(u"t"_s).isDouble());
        QVERIFY(std::abs(o.value(u"t"_s).toDouble() - now) < 60.0); // Unix seconds
        if (type == u"sample"_s) {
            ++samples;
            for (const QString &field : {u"type"_s, u"server"_s, u"t"_s, u"offset"_s, u"delay"_s, u"accepted"_s,
                                         u"reason"_s})
                QVERIFY2(o.contains(field), qPrintable(u"sample field '%1' missing: %2"_s.arg(
                                                field, QString::fromUtf8(line))));
            QCOMPARE(o.value(u"server"_s).toString(), m_chronyd->endpoint());
            QVERIFY(o.value(u"accepted"_s).isBool());
            if (o.value(u"accepted"_s).toBool()) {
                ++accepted;
                QVERIFY(std::abs(o.value(u"offset"_s).toDouble()) <= TRUE_TOLERANCE);
                QVERIFY(o.value(u"delay"_s).toDouble() > 0);
            }
        } else if (type == u"system"_s) {
            ++systems;
            for (const QString &field : {u"type"_s, u"t"_s, u"offset"_s, u"jitter"_s, u"sys_peer"_s, u"states"_s})
                QVERIFY2(o.contains(field), qPrintable(u"system field '%1' missing: %2"_s.arg(
                                                field, QString::fromUtf8(line))));
            QVERIFY(o.value(u"states"_s).isObject());
            if (o.value(u"sys_peer"_s).toString() == m_chronyd->endpoint()) {
                sawSysPeer = true;
                QCOMPARE(o.value(u"states"_s).toObject().value(m_chronyd->endpoint()).toString(), u"sys_peer"_s);
            }
        } else {
            QFAIL(qPrintable(u"unexpected line type '%1'"_s.arg(type)));
        }
    }
    // 2 s at 0.25 s: about 8 exchanges; allow for a slow start on a busy machine.
    QVERIFY2(samples >= 4, run.describe().constData());
    QVERIFY2(accepted >= 4, run.describe().constData());
    QVERIFY2(systems >= 1, run.describe().constData());
    QVERIFY2(sawSysPeer, run.describe().constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
