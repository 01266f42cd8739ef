// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON of `chronoscope-cli diagnose --json`: every section, its keys and types, null for
// what is unknown or was not run.
#include <QJsonArray>
#include <QTest>

#include "core/diagnostics/diagnosticsjson.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;

class TstDiagnosticsJson : public QObject
{
    Q_OBJECT

private slots:
    void portSection();
    void portCheckFailure();
    void timeServicesSection();
    void reachabilitySection();
    void exposureSection();
    void wholeDocument();
};

void TstDiagnosticsJson::portSection()
{
    PortUsageFindings r;
    r.port = 123;
    UdpSocketEntry e;
    e.localAddress = QHostAddress(u"::1"_s);
    e.localPort = 123;
    e.uid = 0;
    e.inode = 99;
    e.processes = {{321, u"chronyd"_s, u"/usr/sbin/chronyd"_s}};
    r.sockets = {e};
    interpretPortUsage(r);
    const QJsonObject o = portUsageToJson(r);
    QCOMPARE(o.value(u"port"_s).toInt(), 123);
    QCOMPARE(o.value(u"checked"_s).toBool(), true);
    QVERIFY(o.value(u"error"_s).isNull());
    QCOMPARE(o.value(u"in_use"_s).toBool(), true);
    const QJsonObject s = o.value(u"sockets"_s).toArray().first().toObject();
    QCOMPARE(s.value(u"family"_s).toString(), u"ipv6"_s);
    QCOMPARE(s.value(u"address"_s).toString(), u"::1"_s);
    QCOMPARE(s.value(u"port"_s).toInt(), 123);
    QVERIFY(s.value(u"remote_address"_s).isNull());
    QVERIFY(s.value(u"remote_port"_s).isNull());
    QCOMPARE(s.value(u"uid"_s).toInt(), 0);
    QCOMPARE(s.value(u"inode"_s).toInt(), 99);
    const QJsonObject p = s.value(u"processes"_s).toArray().first().toObject();
    QCOMPARE(p.value(u"pid"_s).toInteger(), 321);
    QCOMPARE(p.value(u"name"_s).toString(), u"chronyd"_s);
    QCOMPARE(p.value(u"executable"_s).toString(), u"/usr/sbin/chronyd"_s);
    QCOMPARE(s.value(u"meaning"_s).toString(), r.meanings.first());
    QCOMPARE(o.value(u"summary"_s).toString(), r.summary);
}

void TstDiagnosticsJson::portCheckFailure()
{
    PortUsageFindings r;
    r.port = 123;
    r.error = u"not implemented"_s;
    interpretPortUsage(r);
    const QJsonObject o = portUsageToJson(r);
    QCOMPARE(o.value(u"checked"_s).toBool(), false);
    QCOMPARE(o.value(u"error"_s).toString(), u"not implemented"_s);
    QVERIFY(o.value(u"in_use"_s).isNull()); // unknown, not "false"
}

void TstDiagnosticsJson::timeServicesSection()
{
    TimeServicesFindings r;
    r.services = {{u"chronyd"_s, true, u"chrony"_s}, {u"ntpd"_s, false, u"ntpd"_s}};
    r.kernel = kernelClockStatus(std::nullopt);
    summariseTimeServices(r);
    const QJsonObject o = timeServicesToJson(r);
    const QJsonArray services = o.value(u"services"_s).toArray();
    QCOMPARE(services.size(), 2);
    QCOMPARE(services.at(0).toObject().value(u"name"_s).toString(), u"chronyd"_s);
    QCOMPARE(services.at(0).toObject().value(u"running"_s).toBool(), true);
    QCOMPARE(services.at(1).toObject().value(u"running"_s).toBool(), false);
    const QJsonObject kernel = o.value(u"kernel"_s).toObject();
    QCOMPARE(kernel.value(u"available"_s).toBool(), false);
    QVERIFY(kernel.value(u"synchronized"_s).isNull());
    QVERIFY(kernel.value(u"max_error"_s).isNull());
    QVERIFY(!kernel.value(u"error"_s).toString().isEmpty());
    QCOMPARE(o.value(u"summary"_s).toString(), r.summary);
}

void TstDiagnosticsJson::reachabilitySection()
{
    ReachabilityFindings r;
    ServerReachability s;
    s.name = u"127.0.0.1:9"_s;
    s.address = u"127.0.0.1"_s;
    s.port = 9;
    s.outcome = ReachOutcome::Refused;
    s.requests = 2;
    s.tally.refused = 2;
    s.detail = u"connection refused"_s;
    r.servers = {s};
    concludeReachability(r);
    const QJsonObject o = reachabilityToJson(r);
    QCOMPARE(o.value(u"conclusion"_s).toString(), u"all_refused"_s);
    QCOMPARE(o.value(u"summary"_s).toString(), r.summary);
    const QJsonObject j = o.value(u"servers"_s).toArray().first().toObject();
    QCOMPARE(j.value(u"outcome"_s).toString(), u"refused"_s);
    QCOMPARE(j.value(u"requests"_s).toInt(), 2);
    QCOMPARE(j.value(u"refused"_s).toInt(), 2);
    QCOMPARE(j.value(u"timeouts"_s).toInt(), 0);
    QVERIFY(j.value(u"kiss_code"_s).isNull());
    QCOMPARE(j.value(u"detail"_s).toString(), u"connection refused"_s);
}

void TstDiagnosticsJson::exposureSection()
{
    ExposureFindings r;
    r.target = u"127.0.0.1:4123"_s;
    r.host = u"127.0.0.1"_s;
    r.address = u"127.0.0.1"_s;
    r.port = 4123;
    r.addressesFound = 1;
    r.windowSeconds = 0.5;
    r.mode6 = {};
    r.mode6.request = u"readvar"_s;
    r.mode6.requestBytes = 12;
    r.mode7.request = u"monlist"_s;
    r.mode7.requestBytes = 8;
    r.mode7.validReplies = 2;
    r.mode7.datagrams = 3;
    r.mode7.replyBytes = 600;
    r.mode7.dataBytes = 576;
    r.mode7.monlistEntries = 8;
    r.mode7.complete = true;
    r.mode7.rejected[u"junk"_s] = 1;
    assessExposure(r);
    const QJsonObject o = exposureToJson(r);
    QCOMPARE(o.value(u"verdict"_s).toString(), u"answers_monlist"_s);
    QCOMPARE(o.value(u"window"_s).toDouble(), 0.5);
    QVERIFY(o.value(u"error"_s).isNull());
    const QJsonObject m6 = o.value(u"mode6"_s).toObject();
    QCOMPARE(m6.value(u"sent"_s).toBool(), true);
    QCOMPARE(m6.value(u"answered"_s).toBool(), false);
    QCOMPARE(m6.value(u"amplification_factor"_s).toDouble(), 0.0);
    QVERIFY(m6.value(u"complete"_s).isNull());
    QVERIFY(m6.value(u"server_version"_s).isNull());
    const QJsonObject m7 = o.value(u"mode7"_s).toObject();
    QCOMPARE(m7.value(u"request_bytes"_s).toInt(), 8);
    QCOMPARE(m7.value(u"answered_with_data"_s).toBool(), true);
    QCOMPARE(m7.value(u"datagrams"_s).toInt(), 3);
    QCOMPARE(m7.value(u"reply_bytes"_s).toInt(), 600);
    QCOMPARE(m7.value(u"amplification_factor"_s).toDouble(), 75.0);
    QCOMPARE(m7.value(u"monlist_entries"_s).toInt(), 8);
    QCOMPARE(m7.value(u"complete"_s).toBool(), true);
    QCOMPARE(m7.value(u"rejected"_s).toArray().first().toObject().value(u"count"_s).toInt(), 1);
    QCOMPARE(o.value(u"advice"_s).toArray().size(), r.advice.size());
}

void TstDiagnosticsJson::wholeDocument()
{
    PortUsageFindings port;
    interpretPortUsage(port);
    TimeServicesFindings services;
    summariseTimeServices(services);
    const QJsonObject o = diagnoseReportToJson(port, services, std::nullopt, std::nullopt);
    QCOMPARE(o.value(u"version"_s).toInt(), 1);
    QVERIFY(o.value(u"port"_s).isObject());
    QVERIFY(o.value(u"time_services"_s).isObject());
    QVERIFY(o.value(u"reachability"_s).isNull());
    QVERIFY(o.value(u"exposure"_s).isNull());
}

QTEST_GUILESS_MAIN(TstDiagnosticsJson)
#include "tst_diagnosticsjson.moc"
