// SPDX-License-Identifier: GPL-3.0-or-later
// The Prometheus alert rules and the Grafana dashboard shipped in packaging/: the rules pass
// `promtool check rules` and their unit tests (`promtool test rules`); the dashboard is valid
// JSON with the fields Grafana needs, every query parses as PromQL (Prometheus' own parser, via
// promtool on a generated rule file), and every metric either file names is one Chronoscope
// really exports.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "core/engine/enginesnapshot.h"
#include "core/metrics/enginemetrics.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

class TstPrometheusFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void alertRulesPassPromtool();
    void alertRuleUnitTestsPass();
    void dashboardHasWhatGrafanaNeeds();
    void dashboardQueriesParse();
    void referencedMetricsAreExported_data();
    void referencedMetricsAreExported();

private:
    // Runs promtool; its output on failure in *output.
    bool promtool(const QStringList &arguments, QByteArray *output);
    QStringList dashboardQueries() const;

    QString m_promtool;
    QJsonObject m_dashboard;
};

namespace {

const QString sourceDir = QStringLiteral(CHRONOSCOPE_SOURCE_DIR);
const QString rulesFile = sourceDir + u"/packaging/prometheus/chronoscope-alerts.yml"_s;
const QString rulesTestFile = sourceDir + u"/packaging/prometheus/chronoscope-alerts.test.yml"_s;
const QString dashboardFile = sourceDir + u"/packaging/grafana/chronoscope-dashboard.json"_s;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every metric name the exposition of a fully populated snapshot contains (sample names, so
// counters with _total and info metrics with _info, as PromQL sees them).
QSet<QString> exportedNames()
{
    metrics::MetricsState state;
    engine::ServerStatus s;
    s.id = 1;
    s.name = s.address = u"127.0.0.2"_s;
    s.state = engine::ServerState::SysPeer;
    s.filter = stats::FilterOutput{};
    s.rootDistance = 0.001;
    s.stratum = 1;
    s.rejections = {{u"bad_origin"_s, 1}};
    s.lastMeasurement = ntp::Measurement{};
    state.snapshot.servers = {s};
    state.snapshot.system.synchronized = true;
    state.snapshot.system.sysPeer = s.name;
    state.snapshot.system.offset = state.snapshot.system.jitter = state.snapshot.system.errorBound = 0.001;
    state.snapshot.system.rootDelay = state.snapshot.system.rootDispersion = 0.001;
    state.snapshot.system.freqPpm = 1.0;
    state.snapshot.system.driftMeaningful = true;
    state.kissesByServer = {{1, {{u"RATE"_s, 1}}}};
    state.httpRejections = {{u"timeout"_s, 1}};
    QSet<QString> names;
    const QString text = QString::fromUtf8(metrics::renderEngineMetrics(state, metrics::MetricsFormat::PrometheusText));
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts))
        if (!line.startsWith(u'#'))
            names.insert(line.section(u'{', 0, 0).section(u' ', 0, 0));
    return names;
}

QSet<QString> referencedNames(const QString &text)
{
    static const QRegularExpression name(u"\\bchronoscope_[a-z_]+\\b"_s);
    QSet<QString> names;
    for (auto it = name.globalMatch(text); it.hasNext();)
        names.insert(it.next().captured());
    return names;
}

} // namespace

void TstPrometheusFiles::initTestCase()
{
    m_promtool = QStandardPaths::findExecutable(u"promtool"_s);
    QVERIFY2(!m_promtool.isEmpty(), "promtool not found: install Debian's prometheus package (./dev.sh test does)");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(readFile(dashboardFile), &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
             qPrintable(u"%1: offset %2: %3"_s.arg(dashboardFile).arg(error.offset).arg(error.errorString())));
    QVERIFY(document.isObject());
    m_dashboard = document.object();
}

bool TstPrometheusFiles::promtool(const QStringList &arguments, QByteArray *output)
{
    QProcess process;
    process.setWorkingDirectory(sourceDir + u"/packaging/prometheus"_s);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(m_promtool, arguments);
    if (!process.waitForFinished(60000))
        return false;
    *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

void TstPrometheusFiles::alertRulesPassPromtool()
{
    QByteArray output;
    QVERIFY2(promtool({u"check"_s, u"rules"_s, rulesFile}, &output), output.constData());
    QVERIFY2(output.contains("SUCCESS: 4 rules found"), output.constData());
}

void TstPrometheusFiles::alertRuleUnitTestsPass()
{
    QByteArray output;
    QVERIFY2(promtool({u"test"_s, u"rules"_s, rulesTestFile}, &output), output.constData());
    QVERIFY2(output.contains("SUCCESS"), output.constData());
}

QStringList TstPrometheusFiles::dashboardQueries() const
{
    QStringList queries;
    for (const QJsonValue &panel : m_dashboard.value(u"panels"_s).toArray())
        for (const QJsonValue &target : panel.toObject().value(u"targets"_s).toArray())
            queries.append(target.toObject().value(u"expr"_s).toString());
    return queries;
}

void TstPrometheusFiles::dashboardHasWhatGrafanaNeeds()
{
    QVERIFY(!m_dashboard.value(u"uid"_s).toString().isEmpty());
    QVERIFY(!m_dashboard.value(u"title"_s).toString().isEmpty());
    QVERIFY(m_dashboard.value(u"schemaVersion"_s).toInt() >= 30);
    QSet<QString> variables;
    for (const QJsonValue &variable : m_dashboard.value(u"templating"_s).toObject().value(u"list"_s).toArray())
        variables.insert(variable.toObject().value(u"name"_s).toString());
    QCOMPARE(variables, (QSet<QString>{u"datasource"_s, u"instance"_s}));

    const QJsonArray panels = m_dashboard.value(u"panels"_s).toArray();
    QVERIFY(panels.size() >= 10);
    QSet<int> ids;
    for (const QJsonValue &value : panels) {
        const QJsonObject panel = value.toObject();
        const QString title = panel.value(u"title"_s).toString();
        QVERIFY2(!title.isEmpty() && !panel.value(u"type"_s).toString().isEmpty(), "panel without title or type");
        const int id = panel.value(u"id"_s).toInt();
        QVERIFY2(id > 0 && !ids.contains(id), qPrintable(u"duplicate or missing id: "_s + title));
        ids.insert(id);
        const QJsonObject grid = panel.value(u"gridPos"_s).toObject();
        QVERIFY2(grid.value(u"w"_s).toInt() > 0 && grid.value(u"h"_s).toInt() > 0
                     && grid.value(u"x"_s).toInt() + grid.value(u"w"_s).toInt() <= 24,
                 qPrintable(title));
        QCOMPARE(panel.value(u"datasource"_s).toObject().value(u"uid"_s).toString(), u"${datasource}"_s);
        const QJsonArray targets = panel.value(u"targets"_s).toArray();
        QVERIFY2(!targets.isEmpty(), qPrintable(title));
        for (const QJsonValue &target : targets) {
            const QString expr = target.toObject().value(u"expr"_s).toString();
            QVERIFY2(!expr.isEmpty() && !target.toObject().value(u"refId"_s).toString().isEmpty(), qPrintable(title));
            QVERIFY2(expr.contains(u"instance=~\"$instance\""_s), qPrintable(title + u": "_s + expr));
        }
    }
}

void TstPrometheusFiles::dashboardQueriesParse()
{
    // Grafana's variables as Prometheus would see them after substitution.
    QString rules = u"groups:\n  - name: dashboard\n    rules:\n"_s;
    int n = 0;
    for (QString expr : dashboardQueries()) {
        expr.replace(u"$__rate_interval"_s, u"1m"_s).replace(u"$instance"_s, u".*"_s);
        QVERIFY2(!expr.contains(u'$'), qPrintable(u"unknown variable in "_s + expr));
        rules += u"      - record: dashboard:query_%1\n        expr: '%2'\n"_s.arg(++n).arg(expr.replace(u"'"_s, u"''"_s));
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"dashboard-queries.yml"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(rules.toUtf8());
    file.close();
    QByteArray output;
    QVERIFY2(promtool({u"check"_s, u"rules"_s, file.fileName()}, &output), qPrintable(QString::fromUtf8(output) + rules));
    QVERIFY2(output.contains(u"SUCCESS: %1 rules found"_s.arg(n).toUtf8()), output.constData());
}

void TstPrometheusFiles::referencedMetricsAreExported_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("alert rules") << rulesFile;
    QTest::newRow("alert rule tests") << rulesTestFile;
    QTest::newRow("dashboard") << dashboardFile;
}

void TstPrometheusFiles::referencedMetricsAreExported()
{
    QFETCH(QString, file);
    const QSet<QString> exported = exportedNames();
    const QSet<QString> referenced = referencedNames(QString::fromUtf8(readFile(file)));
    QVERIFY(!referenced.isEmpty());
    for (const QString &name : referenced)
        QVERIFY2(exported.contains(name), qPrintable(u"%1 names %2, which Chronoscope does not export"_s.arg(file, name)));
}

QTEST_GUILESS_MAIN(TstPrometheusFiles)
#include "tst_prometheusfiles.moc"
