// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON contract of ARCHITECTURE.md §3 (check --json, monitor --json) and the human-readable
// number formatting of core/report/humanformat.h.
#include <QTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

#include "core/report/humanformat.h"
#include "core/report/statusjson.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using namespace chronoscope::report;

namespace {

// Every field a server entry must carry (ARCHITECTURE.md §3).
const QStringList SERVER_FIELDS = {
    u"name"_s, u"address"_s, u"port"_s, u"state"_s, u"reason"_s, u"stratum"_s, u"refid"_s, u"leap"_s,
    u"offset"_s, u"delay"_s, u"dispersion"_s, u"jitter"_s, u"root_delay"_s, u"root_dispersion"_s,
    u"root_distance"_s, u"samples_sent"_s, u"samples_received"_s, u"auth"_s, u"errors"_s,
};
// The subset that is unknown (null) before a server ever answered.
const QStringList SERVER_MEASURED = {
    u"address"_s, u"reason"_s, u"stratum"_s, u"refid"_s, u"leap"_s, u"offset"_s, u"delay"_s,
    u"dispersion"_s, u"jitter"_s, u"root_delay"_s, u"root_dispersion"_s, u"root_distance"_s,
};
const QStringList SYSTEM_FIELDS = {
    u"synchronized"_s, u"offset"_s, u"jitter"_s, u"error_bound"_s, u"sys_peer"_s, u"survivors"_s,
};
const QStringList STATES = {
    u"sys_peer"_s, u"candidate"_s, u"outlier"_s, u"falseticker"_s, u"jittery"_s, u"unusable"_s,
    u"unreachable"_s, u"kod_rate"_s, u"kod_deny"_s, u"auth_failed"_s,
};

engine::ServerStatus unansweredServer()
{
    engine::ServerStatus s;
    s.id = 1;
    s.name = u"ntp.example.org"_s;
    s.host = u"ntp.example.org"_s;
    s.port = 123;
    s.state = engine::ServerState::Unreachable;
    s.requestsSent = 4;
    s.timeouts = 4;
    return s;
}

engine::ServerStatus answeredServer()
{
    engine::ServerStatus s;
    s.id = 2;
    s.name = u"127.0.0.1:11123"_s;
    s.host = u"127.0.0.1"_s;
    s.address = u"127.0.0.1"_s;
    s.port = 11123;
    s.state = engine::ServerState::SysPeer;
    s.stratum = 1;
    s.refid = u"LOCL"_s;
    s.leap = ntp::LeapIndicator::NoWarning;
    ntp::Measurement m;
    m.offset = 0.000015;
    m.delay = 0.000041;
    m.rootDelay = 0.25;
    m.rootDispersion = 0.125;
    m.stratum = 1;
    s.lastMeasurement = m;
    stats::FilterOutput f;
    f.offset = 0.000012;
    f.delay = 0.000040;
    f.dispersion = 0.000003;
    f.jitter = 0.000002;
    f.validStages = 4;
    f.chosenStage = 0;
    s.filter = f;
    s.rootDistance = 0.5;
    s.requestsSent = 4;
    s.repliesAccepted = 3;
    s.rejections.insert(u"bogus_origin"_s, 2);
    s.rejections.insert(u"malformed"_s, 1);
    s.timeouts = 1;
    return s;
}

engine::SystemStatus unknownSystem()
{
    return engine::SystemStatus{};
}

engine::SystemStatus synchronizedSystem()
{
    engine::SystemStatus sys;
    sys.synchronized = true;
    sys.offset = 0.000011;
    sys.jitter = 0.000003;
    sys.errorBound = 0.00004;
    sys.rootDelay = 0.25;
    sys.rootDispersion = 0.125;
    sys.sysPeer = u"127.0.0.1:11123"_s;
    sys.survivors = 1;
    return sys;
}

} // namespace

class TstStatusJson : public QObject
{
    Q_OBJECT

private slots:
    void unansweredServerFields();
    void answeredServerFields();
    void errorsEntries();
    void leapText_data();
    void leapText();
    void stateIds();
    void filterWithoutValidStagesIsNull();
    void timestampSources();
    void systemFields();
    void checkReport();
    void survivesSerialisation();
    void monitorEvents();
    void formatSeconds_data();
    void formatSeconds();
    void formatSecondsOptional();
    void formatAgeAndReach();
};

void TstStatusJson::unansweredServerFields()
{
    const QJsonObject o = serverToJson(unansweredServer());
    for (const QString &field : SERVER_FIELDS)
        QVERIFY2(o.contains(field), qPrintable(field));
    // Unknown values are null, never invented (no 0 offset, no stratum 0).
    for (const QString &field : SERVER_MEASURED)
        QVERIFY2(o.value(field).isNull(), qPrintable(field + u" = "_s + o.value(field).toVariant().toString()));
    QCOMPARE(o.value(u"name"_s).toString(), u"ntp.example.org"_s);
    QVERIFY(o.value(u"port"_s).isDouble());
    QCOMPARE(o.value(u"port"_s).toInt(), 123);
    QCOMPARE(o.value(u"state"_s).toString(), u"unreachable"_s);
    QVERIFY(o.value(u"samples_sent"_s).isDouble());
    QCOMPARE(o.value(u"samples_sent"_s).toInt(), 4);
    QVERIFY(o.value(u"samples_received"_s).isDouble());
    QCOMPARE(o.value(u"samples_received"_s).toInt(), 0);
    QCOMPARE(o.value(u"auth"_s).toString(), u"none"_s);
    QVERIFY(o.value(u"errors"_s).isArray());
}

void TstStatusJson::answeredServerFields()
{
    const QJsonObject o = serverToJson(answeredServer());
    for (const QString &field : SERVER_FIELDS)
        QVERIFY2(o.contains(field), qPrintable(field));
    QCOMPARE(o.value(u"name"_s).toString(), u"127.0.0.1:11123"_s);
    QCOMPARE(o.value(u"address"_s).toString(), u"127.0.0.1"_s);
    QCOMPARE(o.value(u"port"_s).toInt(), 11123);
    QCOMPARE(o.value(u"state"_s).toString(), u"sys_peer"_s);
    QVERIFY(o.value(u"reason"_s).isNull()); // no reason for a sys_peer
    QVERIFY(o.value(u"stratum"_s).isDouble());
    QCOMPARE(o.value(u"stratum"_s).toInt(), 1);
    QCOMPARE(o.value(u"refid"_s).toString(), u"LOCL"_s);
    QCOMPARE(o.value(u"leap"_s).toString(), u"none"_s);
    // Known values are numbers, in seconds, from the filter (not the last raw sample).
    const struct
    {
        const char16_t *field;
        double value;
    } numbers[] = {
        {u"offset", 0.000012}, {u"delay", 0.000040}, {u"dispersion", 0.000003}, {u"jitter", 0.000002},
        {u"root_delay", 0.25}, {u"root_dispersion", 0.125}, {u"root_distance", 0.5},
    };
    for (const auto &n : numbers) {
        const QString field = QString::fromUtf16(n.field);
        QVERIFY2(o.value(field).isDouble(), qPrintable(field));
        QCOMPARE(o.value(field).toDouble(), n.value);
    }
    QCOMPARE(o.value(u"samples_sent"_s).toInt(), 4);
    QCOMPARE(o.value(u"samples_received"_s).toInt(), 3);
    QCOMPARE(o.value(u"auth"_s).toString(), u"none"_s);
}

void TstStatusJson::errorsEntries()
{
    const QJsonArray errors = serverToJson(answeredServer()).value(u"errors"_s).toArray();
    QCOMPARE(errors.size(), qsizetype(3));
    QMap<QString, int> seen;
    for (const QJsonValue &e : errors) {
        QVERIFY(e.isObject());
        const QJsonObject entry = e.toObject();
        QCOMPARE(entry.size(), qsizetype(2));
        QVERIFY(entry.value(u"reason"_s).isString());
        QVERIFY(entry.value(u"count"_s).isDouble());
        seen.insert(entry.value(u"reason"_s).toString(), entry.value(u"count"_s).toInt());
    }
    QCOMPARE(seen.value(u"bogus_origin"_s), 2);
    QCOMPARE(seen.value(u"malformed"_s), 1);
    QCOMPARE(seen.value(u"timeout"_s), 1);

    // Timeouts only: one entry; nothing at all: an empty array, not null.
    const QJsonArray timeouts = serverToJson(unansweredServer()).value(u"errors"_s).toArray();
    QCOMPARE(timeouts.size(), qsizetype(1));
    QCOMPARE(timeouts.at(0).toObject().value(u"reason"_s).toString(), u"timeout"_s);
    QCOMPARE(timeouts.at(0).toObject().value(u"count"_s).toInt(), 4);
    engine::ServerStatus clean = answeredServer();
    clean.rejections.clear();
    clean.timeouts = 0;
    const QJsonValue none = serverToJson(clean).value(u"errors"_s);
    QVERIFY(none.isArray());
    QVERIFY(none.toArray().isEmpty());
}

void TstStatusJson::leapText_data()
{
    QTest::addColumn<int>("leap");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << 0 << u"none"_s;
    QTest::newRow("insert") << 1 << u"insert"_s;
    QTest::newRow("delete") << 2 << u"delete"_s;
    QTest::newRow("unsynchronized") << 3 << u"unsynchronized"_s;
}

void TstStatusJson::leapText()
{
    QFETCH(int, leap);
    QFETCH(QString, text);
    engine::ServerStatus s = answeredServer();
    s.leap = ntp::LeapIndicator(leap);
    QCOMPARE(serverToJson(s).value(u"leap"_s).toString(), text);
}

void TstStatusJson::stateIds()
{
    const engine::ServerState states[] = {
        engine::ServerState::SysPeer,     engine::ServerState::Candidate,  engine::ServerState::Outlier,
        engine::ServerState::Falseticker, engine::ServerState::Jittery,    engine::ServerState::Unusable,
        engine::ServerState::Unreachable, engine::ServerState::KodRate,    engine::ServerState::KodDeny,
        engine::ServerState::AuthFailed,
    };
    QStringList ids;
    for (const engine::ServerState state : states) {
        engine::ServerStatus s = unansweredServer();
        s.state = state;
        ids.append(serverToJson(s).value(u"state"_s).toString());
    }
    // One-to-one onto the contract's vocabulary, in declaration order.
    QCOMPARE(ids, STATES);
}

void TstStatusJson::timestampSources()
{
    QVERIFY(serverToJson(unansweredServer()).value(u"timestamps"_s).isNull());
    engine::ServerStatus s = answeredServer();
    s.kernelTimestamps = true;
    s.kernelTransmitTimestamp = false;
    const QJsonObject mixed = serverToJson(s).value(u"timestamps"_s).toObject();
    QCOMPARE(mixed.value(u"receive"_s).toString(), u"kernel"_s);
    QCOMPARE(mixed.value(u"transmit"_s).toString(), u"userspace"_s);
    s.kernelTimestamps = false;
    s.kernelTransmitTimestamp = true;
    const QJsonObject swapped = serverToJson(s).value(u"timestamps"_s).toObject();
    QCOMPARE(swapped.value(u"receive"_s).toString(), u"userspace"_s);
    QCOMPARE(swapped.value(u"transmit"_s).toString(), u"kernel"_s);
    // T3: basic unless the last sample came in interleaved mode.
    QCOMPARE(swapped.value(u"server_transmit"_s).toString(), u"basic"_s);
    ntp::Measurement m;
    m.interleaved = true;
    s.lastMeasurement = m;
    QCOMPARE(serverToJson(s).value(u"timestamps"_s).toObject().value(u"server_transmit"_s).toString(),
             u"interleaved"_s);
}

void TstStatusJson::filterWithoutValidStagesIsNull()
{
    // A filter that only holds dummies has no estimate: offset etc. are unknown, not 0.
    engine::ServerStatus s = answeredServer();
    s.filter->validStages = 0;
    const QJsonObject o = serverToJson(s);
    for (const QString &field : {u"offset"_s, u"delay"_s, u"dispersion"_s, u"jitter"_s})
        QVERIFY2(o.value(field).isNull(), qPrintable(field));
    // A measured offset of exactly 0 is a number, not null.
    s.filter->validStages = 1;
    s.filter->offset = 0.0;
    QVERIFY(serverToJson(s).value(u"offset"_s).isDouble());
    QCOMPARE(serverToJson(s).value(u"offset"_s).toDouble(), 0.0);
}

void TstStatusJson::systemFields()
{
    const QJsonObject unknown = systemToJson(unknownSystem());
    for (const QString &field : SYSTEM_FIELDS)
        QVERIFY2(unknown.contains(field), qPrintable(field));
    QVERIFY(unknown.value(u"synchronized"_s).isBool());
    QCOMPARE(unknown.value(u"synchronized"_s).toBool(), false);
    for (const QString &field : {u"offset"_s, u"jitter"_s, u"error_bound"_s, u"sys_peer"_s})
        QVERIFY2(unknown.value(field).isNull(), qPrintable(field));
    QVERIFY(unknown.value(u"survivors"_s).isDouble());
    QCOMPARE(unknown.value(u"survivors"_s).toInt(), 0);

    const QJsonObject known = systemToJson(synchronizedSystem());
    QCOMPARE(known.value(u"synchronized"_s).toBool(), true);
    QVERIFY(known.value(u"offset"_s).isDouble());
    QCOMPARE(known.value(u"offset"_s).toDouble(), 0.000011);
    QCOMPARE(known.value(u"jitter"_s).toDouble(), 0.000003);
    QCOMPARE(known.value(u"error_bound"_s).toDouble(), 0.00004);
    QCOMPARE(known.value(u"sys_peer"_s).toString(), u"127.0.0.1:11123"_s);
    QCOMPARE(known.value(u"survivors"_s).toInt(), 1);
    // A negative offset keeps its sign (local clock ahead).
    engine::SystemStatus ahead = synchronizedSystem();
    ahead.offset = -0.25;
    QCOMPARE(systemToJson(ahead).value(u"offset"_s).toDouble(), -0.25);
}

void TstStatusJson::checkReport()
{
    const QJsonObject report = checkReportToJson({answeredServer(), unansweredServer()}, synchronizedSystem());
    QCOMPARE(report.value(u"version"_s).toInt(), 1);
    QVERIFY(report.value(u"version"_s).isDouble());
    QVERIFY(report.value(u"servers"_s).isArray());
    QVERIFY(report.value(u"system"_s).isObject());
    const QJsonArray servers = report.value(u"servers"_s).toArray();
    QCOMPARE(servers.size(), qsizetype(2));
    QCOMPARE(servers.at(0).toObject().value(u"name"_s).toString(), u"127.0.0.1:11123"_s);
    QCOMPARE(servers.at(1).toObject().value(u"name"_s).toString(), u"ntp.example.org"_s);
    for (const QJsonValue &v : servers)
        for (const QString &field : SERVER_FIELDS)
            QVERIFY2(v.toObject().contains(field), qPrintable(field));
    const QJsonObject system = report.value(u"system"_s).toObject();
    for (const QString &field : SYSTEM_FIELDS)
        QVERIFY2(system.contains(field), qPrintable(field));
    QCOMPARE(system.value(u"sys_peer"_s).toString(), u"127.0.0.1:11123"_s);

    // No servers at all is still a complete document.
    const QJsonObject empty = checkReportToJson({}, unknownSystem());
    QVERIFY(empty.value(u"servers"_s).isArray());
    QVERIFY(empty.value(u"servers"_s).toArray().isEmpty());
    QCOMPARE(empty.value(u"system"_s).toObject().value(u"synchronized"_s).toBool(), false);
}

void TstStatusJson::survivesSerialisation()
{
    // What scripts actually read is the serialised text: nulls and small numbers must survive.
    const QJsonObject report = checkReportToJson({answeredServer(), unansweredServer()}, unknownSystem());
    const QByteArray text = QJsonDocument(report).toJson(QJsonDocument::Compact);
    QJsonParseError error;
    const QJsonDocument back = QJsonDocument::fromJson(text, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(back.object(), report);
    QVERIFY(text.contains("\"offset\":null"));
    const QJsonObject first = back.object().value(u"servers"_s).toArray().at(0).toObject();
    QCOMPARE(first.value(u"offset"_s).toDouble(), 0.000012);
}

void TstStatusJson::monitorEvents()
{
    engine::AcceptedSample accepted;
    accepted.serverName = u"127.0.0.1:11123"_s;
    accepted.time = 1700000000.5;
    accepted.offset = 0.001;
    accepted.delay = 0.002;
    accepted.jitter = 0.0003;
    const QJsonObject a = acceptedSampleToJson(accepted);
    QCOMPARE(a.value(u"jitter"_s).toDouble(), 0.0003);
    QCOMPARE(a.value(u"type"_s).toString(), u"sample"_s);
    QCOMPARE(a.value(u"server"_s).toString(), u"127.0.0.1:11123"_s);
    QCOMPARE(a.value(u"t"_s).toDouble(), 1700000000.5);
    QCOMPARE(a.value(u"offset"_s).toDouble(), 0.001);
    QCOMPARE(a.value(u"delay"_s).toDouble(), 0.002);
    QCOMPARE(a.value(u"accepted"_s).toBool(), true);
    QVERIFY(a.contains(u"reason"_s));
    QVERIFY(a.value(u"reason"_s).isNull());
    QCOMPARE(a.value(u"interleaved"_s), QJsonValue(false));
    accepted.interleaved = true;
    QCOMPARE(acceptedSampleToJson(accepted).value(u"interleaved"_s), QJsonValue(true));

    engine::RequestOutcome timedOut;
    timedOut.serverName = u"ntp.example.org"_s;
    timedOut.time = 1700000001.0;
    timedOut.timedOut = true;
    timedOut.reasonId = u"timeout"_s;
    const QJsonObject t = requestOutcomeToJson(timedOut);
    QVERIFY(t.value(u"offset"_s).isNull());
    QVERIFY(t.value(u"delay"_s).isNull());
    QCOMPARE(t.value(u"accepted"_s).toBool(), false);
    QCOMPARE(t.value(u"reason"_s).toString(), u"timeout"_s);

    engine::RejectionSummary flood;
    flood.serverName = u"127.0.0.9:123"_s;
    flood.time = 1700000064.0;
    flood.windowSeconds = 64;
    flood.total = 412;
    flood.counts = {{u"bogus_origin"_s, 398}, {u"malformed"_s, 14}};
    const QJsonObject r = rejectionSummaryToJson(flood);
    QCOMPARE(r.value(u"type"_s).toString(), u"rejections"_s);
    QCOMPARE(r.value(u"total"_s).toInt(), 412);
    QCOMPARE(r.value(u"window"_s).toDouble(), 64.0);
    QCOMPARE(r.value(u"reasons"_s).toObject().value(u"bogus_origin"_s).toInt(), 398);
    QCOMPARE(r.value(u"reasons"_s).toObject().value(u"malformed"_s).toInt(), 14);

    engine::ServerStatus server = answeredServer();
    const QJsonObject s = systemEventToJson(synchronizedSystem(), {server, unansweredServer()});
    QCOMPARE(s.value(u"type"_s).toString(), u"system"_s);
    QVERIFY(s.contains(u"t"_s));
    QCOMPARE(s.value(u"offset"_s).toDouble(), 0.000011);
    QCOMPARE(s.value(u"jitter"_s).toDouble(), 0.000003);
    QCOMPARE(s.value(u"sys_peer"_s).toString(), u"127.0.0.1:11123"_s);
    const QJsonObject states = s.value(u"states"_s).toObject();
    QCOMPARE(states.value(u"127.0.0.1:11123"_s).toString(), u"sys_peer"_s);
    QCOMPARE(states.value(u"ntp.example.org"_s).toString(), u"unreachable"_s);
    const QJsonObject unknown = systemEventToJson(unknownSystem(), {});
    QVERIFY(unknown.value(u"offset"_s).isNull());
    QVERIFY(unknown.value(u"sys_peer"_s).isNull());
}

void TstStatusJson::formatSeconds_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<bool>("signedValue");
    QTest::addColumn<QString>("text");

    // Unit: ns below 1 µs, µs below 1 ms, ms below 1 s, else s; 3+ significant digits
    // (2 decimals below 10, 1 below 100, none from 100 on); U+2212 minus; '+' only when asked.
    QTest::newRow("zero") << 0.0 << false << u"0 s"_s;
    QTest::newRow("zero signed") << 0.0 << true << u"0 s"_s;
    QTest::newRow("5 ns") << 5e-9 << false << u"5.00 ns"_s;
    QTest::newRow("250 ns") << 2.5e-7 << false << u"250 ns"_s;
    QTest::newRow("1 us") << 1e-6 << false << u"1.00 µs"_s;
    QTest::newRow("-450 us") << -0.00045 << false << u"−450 µs"_s;
    QTest::newRow("-450 us signed") << -0.00045 << true << u"−450 µs"_s;
    QTest::newRow("12.3 ms") << 0.0123 << false << u"12.3 ms"_s;
    QTest::newRow("+12.3 ms") << 0.0123 << true << u"+12.3 ms"_s;
    QTest::newRow("1 ms") << 0.001 << false << u"1.00 ms"_s;
    QTest::newRow("500 ms") << 0.5 << false << u"500 ms"_s;
    QTest::newRow("-2.5 ms") << -0.0025 << false << u"−2.50 ms"_s;
    QTest::newRow("+1.204 s") << 1.2041 << true << u"+1.204 s"_s;
    QTest::newRow("1.204 s") << 1.2041 << false << u"1.204 s"_s;
    QTest::newRow("-2 s") << -2.0 << false << u"−2.000 s"_s;
    QTest::newRow("123.5 s") << 123.456 << false << u"123.5 s"_s;
    QTest::newRow("-3600 s signed") << -3600.0 << true << u"−3600.0 s"_s;
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << false << u"–"_s;
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << true << u"–"_s;
}

void TstStatusJson::formatSeconds()
{
    QFETCH(double, seconds);
    QFETCH(bool, signedValue);
    QFETCH(QString, text);
    QCOMPARE(report::formatSeconds(seconds, signedValue), text);
}

void TstStatusJson::formatSecondsOptional()
{
    QCOMPARE(report::formatSeconds(std::optional<double>(), true), u"–"_s);
    QCOMPARE(report::formatSeconds(std::optional<double>(0.0123), true), u"+12.3 ms"_s);
}

void TstStatusJson::formatAgeAndReach()
{
    QCOMPARE(formatAge(5.0), u"5.0 s"_s);
    QCOMPARE(formatAge(-1.0), u"0.0 s"_s);
    QCOMPARE(formatAge(90.0), u"90 s"_s);
    QCOMPARE(formatAge(300.0), u"5 min"_s);
    QCOMPARE(formatAge(9000.0), u"2.5 h"_s);
    QCOMPARE(formatAge(3 * 86400.0), u"3.0 d"_s);
    // Octal like chronyc/ntpq: all of the last 8 polls answered is 377.
    QCOMPARE(formatReach(0xFF), u"377"_s);
    QCOMPARE(formatReach(0x01), u"1"_s);
    QCOMPARE(formatReach(0x00), u"0"_s);
    QCOMPARE(formatReach(0x0F), u"17"_s);
}

QTEST_APPLESS_MAIN(TstStatusJson)

#include "tst_statusjson.moc"
