// SPDX-License-Identifier: GPL-3.0-or-later
// The exposition of an engine snapshot (renderEngineMetrics) and what MetricsCollector keeps
// from the session's signals: every documented family with the right value, type and labels;
// counters labelled without state; hostile kiss codes and server counts cannot grow the label
// set; every series is unique; and `promtool check metrics` (Prometheus' own linter) accepts
// the output, hostile names included.
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include "core/engine/enginesnapshot.h"
#include "core/metrics/enginemetrics.h"
#include "core/metrics/kisscodelabel.h"
#include "core/metrics/metricscollector.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using metrics::MetricsFormat;
using metrics::MetricsState;

class TstEngineMetrics : public QObject
{
    Q_OBJECT
private slots:
    void serverGaugesCarryStateAndValues();
    void countersHaveNoStateLabel();
    void systemAndBuildMetrics();
    void unsynchronisedSystemHasNoOffset();
    void kissCodesAreBounded();
    void collectorCountsKissesAndForgetsRemovedServers();
    void serverCountIsBounded();
    void seriesAreUnique_data();
    void seriesAreUnique();
    void promtoolAcceptsTheOutput_data();
    void promtoolAcceptsTheOutput();
};

namespace {

engine::ServerStatus server(int id, const QString &name, const QString &address, engine::ServerState state, double offset)
{
    engine::ServerStatus s;
    s.id = id;
    s.name = name;
    s.host = name;
    s.address = address;
    s.state = state;
    stats::FilterOutput filter;
    filter.offset = offset;
    filter.delay = 0.0004;
    filter.dispersion = 0.00002;
    filter.jitter = 0.00001;
    s.filter = filter;
    s.rootDistance = 0.0012;
    s.stratum = 1;
    s.reach = 0x3f; // 6 of the last 8 polls answered
    s.pollLog2 = 6;
    s.requestsSent = 9;
    s.repliesAccepted = 6;
    s.timeouts = 2;
    s.rejections = {{u"bad_origin"_s, 3}, {u"short_packet"_s, 1}};
    s.datagramsRejected = 4;
    ntp::Measurement m;
    m.offset = offset;
    m.leap = ntp::LeapIndicator::NoWarning;
    s.lastMeasurement = m;
    return s;
}

MetricsState labState()
{
    MetricsState state;
    state.snapshot.sequence = 3;
    state.snapshot.servers = {
        server(1, u"127.0.0.2"_s, u"127.0.0.2"_s, engine::ServerState::SysPeer, 0.0001),
        server(2, u"ntp.example"_s, u"::1"_s, engine::ServerState::Candidate, -0.0002),
        server(3, u"127.0.0.5"_s, u"127.0.0.5"_s, engine::ServerState::Falseticker, 2.5),
    };
    state.snapshot.servers[1].keyId = 7;
    state.snapshot.servers[1].authenticatedReplies = 6;
    // The third server speaks NTS and holds 7 cookies (one reply lost).
    state.snapshot.servers[2].nts = engine::NtsStatus{};
    state.snapshot.servers[2].nts->cookiesHeld = 7;
    state.snapshot.servers[2].authenticatedReplies = 6;
    engine::SystemStatus &system = state.snapshot.system;
    system.synchronized = true;
    system.offset = 0.00005;
    system.jitter = 0.00002;
    system.errorBound = 0.0011;
    system.rootDelay = 0.0004;
    system.rootDispersion = 0.0009;
    system.freqPpm = -12.5;
    system.driftMeaningful = true;
    system.survivors = 2;
    system.sysPeer = u"127.0.0.2"_s;
    state.kissesByServer = {{2, {{u"RATE"_s, 2}}}};
    state.httpRequests = 4;
    state.httpRejections = {{u"timeout"_s, 1}};
    return state;
}

QString render(const MetricsState &state, MetricsFormat format = MetricsFormat::PrometheusText)
{
    return QString::fromUtf8(metrics::renderEngineMetrics(state, format));
}

// Every sample line "name{labels} value", without comments.
QStringList sampleLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts))
        if (!line.startsWith(u'#'))
            lines.append(line);
    return lines;
}

// True when `lines` has the series of `expected` ("name{labels} value") with that value (the
// text of a number may differ, e.g. 4e-04 for 0.0004).
bool hasSample(const QStringList &lines, const QString &expected)
{
    const QString key = expected.section(u' ', 0, -2);
    const double value = expected.section(u' ', -1).toDouble();
    for (const QString &line : lines)
        if (line.section(u' ', 0, -2) == key)
            return line.section(u' ', -1).toDouble() == value;
    return false;
}

QString promtool()
{
    return QStandardPaths::findExecutable(u"promtool"_s);
}

} // namespace

void TstEngineMetrics::serverGaugesCarryStateAndValues()
{
    const QString text = render(labState());
    const QStringList expected{
        u"chronoscope_server_state_info{server=\"127.0.0.5\",address=\"127.0.0.5\",state=\"falseticker\"} 1"_s,
        u"chronoscope_server_offset_seconds{server=\"127.0.0.5\",address=\"127.0.0.5\",state=\"falseticker\"} 2.5"_s,
        u"chronoscope_server_offset_seconds{server=\"ntp.example\",address=\"::1\",state=\"candidate\"} -0.0002"_s,
        u"chronoscope_server_delay_seconds{server=\"127.0.0.2\",address=\"127.0.0.2\",state=\"sys_peer\"} 0.0004"_s,
        u"chronoscope_server_jitter_seconds{server=\"127.0.0.2\",address=\"127.0.0.2\",state=\"sys_peer\"} 1e-05"_s,
        u"chronoscope_server_dispersion_seconds{server=\"127.0.0.2\",address=\"127.0.0.2\",state=\"sys_peer\"} 2e-05"_s,
        u"chronoscope_server_root_distance_seconds{server=\"127.0.0.2\",address=\"127.0.0.2\",state=\"sys_peer\"} 0.0012"_s,
        u"chronoscope_server_stratum{server=\"127.0.0.2\",address=\"127.0.0.2\",state=\"sys_peer\"} 1"_s,
        u"chronoscope_server_poll_interval_seconds{server=\"127.0.0.2\",address=\"127.0.0.2\",state=\"sys_peer\"} 64"_s,
        u"chronoscope_server_reachability_ratio{server=\"127.0.0.2\",address=\"127.0.0.2\",state=\"sys_peer\"} 0.75"_s,
        u"chronoscope_server_authenticated{server=\"ntp.example\",address=\"::1\",state=\"candidate\"} 1"_s,
        u"chronoscope_server_authenticated{server=\"127.0.0.2\",address=\"127.0.0.2\",state=\"sys_peer\"} 0"_s,
        u"chronoscope_server_authenticated{server=\"127.0.0.5\",address=\"127.0.0.5\",state=\"falseticker\"} 1"_s,
        u"chronoscope_server_nts_cookies{server=\"127.0.0.5\",address=\"127.0.0.5\",state=\"falseticker\"} 7"_s,
    };
    const QStringList lines = sampleLines(text);
    for (const QString &line : expected)
        QVERIFY2(hasSample(lines, line), qPrintable(u"missing: "_s + line + u"\nin:\n"_s + text.left(3000)));
    QVERIFY(text.contains(u"# TYPE chronoscope_server_offset_seconds gauge\n"_s));
    // Servers without NTS have no cookie series.
    QVERIFY(!text.contains(u"chronoscope_server_nts_cookies{server=\"127.0.0.2\""_s));
}

void TstEngineMetrics::countersHaveNoStateLabel()
{
    const QStringList lines = sampleLines(render(labState()));
    const QStringList expected{
        u"chronoscope_server_requests_sent_total{server=\"127.0.0.2\",address=\"127.0.0.2\"} 9"_s,
        u"chronoscope_server_samples_accepted_total{server=\"127.0.0.5\",address=\"127.0.0.5\"} 6"_s,
        u"chronoscope_server_timeouts_total{server=\"127.0.0.2\",address=\"127.0.0.2\"} 2"_s,
        u"chronoscope_server_samples_rejected_total{server=\"127.0.0.2\",address=\"127.0.0.2\",reason=\"bad_origin\"} 3"_s,
        u"chronoscope_server_samples_rejected_total{server=\"127.0.0.2\",address=\"127.0.0.2\",reason=\"short_packet\"} 1"_s,
        u"chronoscope_server_kiss_codes_received_total{server=\"ntp.example\",address=\"::1\",code=\"RATE\"} 2"_s,
        u"chronoscope_server_authenticated_replies_total{server=\"ntp.example\",address=\"::1\"} 6"_s,
    };
    for (const QString &line : expected)
        QVERIFY2(hasSample(lines, line), qPrintable(u"missing: "_s + line));
    for (const QString &line : lines)
        if (line.section(u'{', 0, 0).endsWith(u"_total"_s))
            QVERIFY2(!line.contains(u"state="_s), qPrintable(line));
}

void TstEngineMetrics::systemAndBuildMetrics()
{
    const QStringList lines = sampleLines(render(labState()));
    const QStringList expected{
        u"chronoscope_system_synchronized 1"_s,
        u"chronoscope_system_offset_seconds 5e-05"_s,
        u"chronoscope_system_jitter_seconds 2e-05"_s,
        u"chronoscope_system_error_bound_seconds 0.0011"_s,
        u"chronoscope_system_root_delay_seconds 0.0004"_s,
        u"chronoscope_system_root_dispersion_seconds 0.0009"_s,
        u"chronoscope_system_frequency_ppm -12.5"_s,
        u"chronoscope_system_survivors 2"_s,
        u"chronoscope_system_leap_status 0"_s,
        u"chronoscope_system_selected_server_info{server=\"127.0.0.2\",address=\"127.0.0.2\"} 1"_s,
        u"chronoscope_metrics_http_requests_total 4"_s,
        u"chronoscope_metrics_http_rejected_total{reason=\"timeout\"} 1"_s,
        u"chronoscope_metrics_servers_omitted 0"_s,
        u"chronoscope_build_info{version=\"%1\",qt_version=\"%2\"} 1"_s.arg(QStringLiteral(CHRONOSCOPE_VERSION),
                                                                          QString::fromLatin1(qVersion())),
    };
    for (const QString &line : expected)
        QVERIFY2(hasSample(lines, line), qPrintable(u"missing: "_s + line));
}

void TstEngineMetrics::unsynchronisedSystemHasNoOffset()
{
    MetricsState state = labState();
    state.snapshot.system = engine::SystemStatus{};
    for (engine::ServerStatus &s : state.snapshot.servers)
        s.state = engine::ServerState::Unreachable;
    const QString text = render(state);
    const QStringList lines = sampleLines(text);
    QVERIFY(lines.contains(u"chronoscope_system_synchronized 0"_s));
    QVERIFY(lines.contains(u"chronoscope_system_leap_status 3"_s));
    QVERIFY(!text.contains(u"chronoscope_system_offset_seconds"_s));
    QVERIFY(!text.contains(u"chronoscope_system_selected_server_info{"_s));
    QVERIFY(!text.contains(u"chronoscope_system_frequency_ppm"_s));
}

void TstEngineMetrics::kissCodesAreBounded()
{
    QCOMPARE(metrics::kissCodeLabel(u"RATE"_s), u"RATE"_s);
    QCOMPARE(metrics::kissCodeLabel(u"DENY"_s), u"DENY"_s);
    QCOMPARE(metrics::kissCodeLabel(u"rate"_s), u"other"_s);
    QCOMPARE(metrics::kissCodeLabel(u"X\"}\n"_s), u"other"_s);
    QCOMPARE(metrics::kissCodeLabel(QString()), u"other"_s);
}

void TstEngineMetrics::collectorCountsKissesAndForgetsRemovedServers()
{
    metrics::MetricsCollector collector(nullptr);
    engine::RequestOutcome outcome;
    outcome.serverId = 4;
    outcome.reasonId = u"kiss_of_death"_s;
    // A hostile server sends a different code every time: one "other" series, not thousands.
    for (int i = 0; i < 5000; ++i) {
        outcome.kissCode = QString::number(i, 36).rightJustified(4, u'Z');
        collector.onRequestFailed(outcome);
    }
    outcome.kissCode = u"RATE"_s;
    collector.onRequestFailed(outcome);
    outcome.reasonId = u"timeout"_s; // not a kiss: not counted here
    collector.onRequestFailed(outcome);
    const QMap<QString, quint64> expected{{u"other"_s, 5000}, {u"RATE"_s, 1}};
    QCOMPARE(collector.kissesByServer().value(4), expected);

    engine::EngineSnapshot snapshot;
    snapshot.sequence = 9;
    collector.onSnapshot(snapshot);
    QCOMPARE(collector.snapshot().sequence, quint64(9));
    collector.onServerRemoved(4);
    QVERIFY(collector.kissesByServer().isEmpty());
}

void TstEngineMetrics::serverCountIsBounded()
{
    MetricsState state;
    for (int i = 0; i < metrics::maxExportedServers + 44; ++i)
        state.snapshot.servers.append(server(i, u"10.0.%1.%2"_s.arg(i / 256).arg(i % 256), u"10.0.0.1"_s,
                                             engine::ServerState::Candidate, 0.001));
    const QStringList lines = sampleLines(render(state));
    QVERIFY(lines.contains(u"chronoscope_metrics_servers_omitted 44"_s));
    qsizetype stateSeries = 0;
    for (const QString &line : lines)
        stateSeries += line.startsWith(u"chronoscope_server_state_info{"_s);
    QCOMPARE(stateSeries, metrics::maxExportedServers);
}

void TstEngineMetrics::seriesAreUnique_data()
{
    QTest::addColumn<MetricsFormat>("format");
    QTest::newRow("prometheus text") << MetricsFormat::PrometheusText;
    QTest::newRow("openmetrics") << MetricsFormat::OpenMetrics;
}

void TstEngineMetrics::seriesAreUnique()
{
    QFETCH(MetricsFormat, format);
    const QString text = render(labState(), format);
    QSet<QString> series;
    for (const QString &line : sampleLines(text)) {
        const QString key = line.section(u' ', 0, -2);
        QVERIFY2(!series.contains(key), qPrintable(u"duplicate series "_s + key));
        series.insert(key);
    }
    QCOMPARE(text.endsWith(u"# EOF\n"_s), format == MetricsFormat::OpenMetrics);
    if (format == MetricsFormat::OpenMetrics) {
        QVERIFY(text.contains(u"# UNIT chronoscope_server_offset_seconds seconds\n"_s));
        QVERIFY(text.contains(u"# UNIT chronoscope_system_frequency_ppm ppm\n"_s));
        QVERIFY(text.contains(u"# TYPE chronoscope_server_samples_accepted counter\n"_s));
        QVERIFY(text.contains(u"# TYPE chronoscope_build info\n"_s));
    }
}

void TstEngineMetrics::promtoolAcceptsTheOutput_data()
{
    QTest::addColumn<bool>("hostile");
    QTest::newRow("lab") << false;
    QTest::newRow("hostile names") << true;
}

void TstEngineMetrics::promtoolAcceptsTheOutput()
{
    QFETCH(bool, hostile);
    const QString tool = promtool();
    QVERIFY2(!tool.isEmpty(), "promtool not found: install Debian's prometheus package (./dev.sh test does)");
    MetricsState state = labState();
    if (hostile) {
        state.snapshot.servers[0].name = u"evil\"} 1\nfake_metric{a=\"b"_s;
        state.snapshot.servers[1].name = u"back\\slash\\"_s;
        state.snapshot.servers[1].address = u"fe80::1%eth0"_s;
        state.snapshot.servers[2].name = u"z\u00fcrich \u2603"_s;
        state.snapshot.system.sysPeer = state.snapshot.servers[0].name;
    }
    const QByteArray body = metrics::renderEngineMetrics(state, MetricsFormat::PrometheusText);
    if (hostile)
        QVERIFY(!body.contains("\nfake_metric"));
    QProcess check;
    check.start(tool, {u"check"_s, u"metrics"_s});
    QVERIFY(check.waitForStarted(5000));
    check.write(body);
    check.closeWriteChannel();
    QVERIFY(check.waitForFinished(20000));
    const QByteArray output = check.readAllStandardOutput() + check.readAllStandardError();
    QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0,
             qPrintable(QString::fromUtf8(output + "\n---\n" + body)));
    QVERIFY2(output.trimmed().isEmpty(), output.constData()); // no lint warnings either
}

QTEST_GUILESS_MAIN(TstEngineMetrics)
#include "tst_enginemetrics.moc"
