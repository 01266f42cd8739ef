// SPDX-License-Identifier: GPL-3.0-or-later
// A real Prometheus scrapes `chronoscope-cli monitor --metrics` watching the real chronyd lab
// on loopback (three true servers and one falseticker 2.5 s ahead under libfaketime). Through
// Prometheus' own query API: the falseticker's offset is about +2.5 s with state
// "falseticker", the accepted-samples counter grows between scrapes, a system peer is
// selected, and every scrape succeeded (up == 1; Prometheus 2.42 asks for OpenMetrics first,
// so this is also its parser accepting our OpenMetrics). Also: a taken port is a clear error.
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <functional>
#include <memory>
#include <vector>

#include "tests/interop/chronydinstance.h"
#include "tests/interop/clirunner.h"
#include "tests/interop/prometheusinstance.h"

using namespace Qt::StringLiterals;
using chronoscope::testing::ChronydInstance;
using chronoscope::testing::PrometheusInstance;

class TstPrometheusInterop : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void prometheusSeesTheFalseticker();
    void takenPortIsAClearError();
    void cleanupTestCase();

private:
    // Runs the query until `accept` is true for its result (or `seconds` pass); the last result.
    QJsonArray waitForQuery(const QString &promql, double seconds, const std::function<bool(const QJsonArray &)> &accept);

    std::vector<std::unique_ptr<ChronydInstance>> m_servers;
    QProcess m_cli;
    std::unique_ptr<PrometheusInstance> m_prometheus;
};

namespace {

double sampleValue(const QJsonValue &sample)
{
    return sample.toObject().value(u"value"_s).toArray().at(1).toString().toDouble();
}

QString label(const QJsonValue &sample, const QString &name)
{
    return sample.toObject().value(u"metric"_s).toObject().value(name).toString();
}

} // namespace

void TstPrometheusInterop::initTestCase()
{
    QVERIFY2(!PrometheusInstance::findPrometheus().isEmpty(), "prometheus not found (Debian package prometheus)");
    QVERIFY2(!ChronydInstance::findLibFaketime().isEmpty(), "libfaketime not found (Debian package faketime)");
    const QList<std::pair<QString, QString>> setup{{u"127.0.0.2"_s, QString()},
                                                   {u"127.0.0.3"_s, QString()},
                                                   {u"127.0.0.4"_s, QString()},
                                                   {u"127.0.0.5"_s, u"+2.5s"_s}};
    QStringList endpoints;
    for (const auto &[address, fake] : setup) {
        auto server = std::make_unique<ChronydInstance>(QHostAddress(address));
        if (!fake.isEmpty())
            server->setFakeTime(fake);
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        endpoints.append(server->endpoint());
        m_servers.push_back(std::move(server));
    }

    // The monitor picks a free port and says which on stderr.
    m_cli.setProgram(qEnvironmentVariable("CHRONOSCOPE_CLI"));
    m_cli.setArguments(QStringList{u"monitor"_s, u"--json"_s, u"--interval"_s, u"0.5"_s, u"--duration"_s, u"120"_s,
                                   u"--metrics"_s, u"127.0.0.1:0"_s}
                       + endpoints);
    m_cli.setStandardOutputFile(QProcess::nullDevice());
    m_cli.start();
    QVERIFY2(m_cli.waitForStarted(5000), qPrintable(m_cli.errorString()));
    const QRegularExpression announced(u"metrics: http://127\\.0\\.0\\.1:(\\d+)/metrics"_s);
    QByteArray stderrText;
    QRegularExpressionMatch match;
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && !match.hasMatch()) {
        m_cli.waitForReadyRead(200);
        stderrText += m_cli.readAllStandardError();
        match = announced.match(QString::fromUtf8(stderrText));
    }
    QVERIFY2(match.hasMatch(), stderrText.constData());

    m_prometheus = std::make_unique<PrometheusInstance>(u"127.0.0.1:"_s + match.captured(1), 0.5);
    QVERIFY2(m_prometheus->start(), qPrintable(m_prometheus->errorString()));
}

void TstPrometheusInterop::cleanupTestCase()
{
    m_prometheus.reset();
    if (m_cli.state() != QProcess::NotRunning) {
        m_cli.terminate();
        if (!m_cli.waitForFinished(5000))
            m_cli.kill();
    }
    m_servers.clear();
}

QJsonArray TstPrometheusInterop::waitForQuery(const QString &promql, double seconds,
                                              const std::function<bool(const QJsonArray &)> &accept)
{
    QJsonArray result;
    QString error;
    QDeadlineTimer deadline(qint64(seconds * 1000));
    do {
        result = m_prometheus->query(promql, &error);
        if (error.isEmpty() && accept(result))
            return result;
        QTest::qWait(250);
    } while (!deadline.hasExpired());
    qWarning("%s", qPrintable(error.isEmpty() ? promql + u": "_s + QString::number(result.size()) + u" series"_s : error));
    return result;
}

void TstPrometheusInterop::prometheusSeesTheFalseticker()
{
    const QString falseticker = m_servers.back()->endpoint();
    // The falseticker's offset, with its state label, as stored by Prometheus.
    const QString offsetQuery = u"chronoscope_server_offset_seconds{job=\"chronoscope\",server=\"%1\"}"_s.arg(falseticker);
    const QJsonArray offset = waitForQuery(offsetQuery, 40, [](const QJsonArray &r) {
        return r.size() == 1 && label(r.at(0), u"state"_s) == u"falseticker"_s;
    });
    QVERIFY2(offset.size() == 1, qPrintable(m_prometheus->log()));
    QCOMPARE(label(offset.at(0), u"state"_s), u"falseticker"_s);
    QCOMPARE(label(offset.at(0), u"address"_s), u"127.0.0.5"_s);
    QVERIFY2(qAbs(sampleValue(offset.at(0)) - 2.5) < 0.1, qPrintable(QString::number(sampleValue(offset.at(0)))));
    QString error;
    const QJsonArray state = m_prometheus->query(
        u"chronoscope_server_state_info{server=\"%1\",state=\"falseticker\"}"_s.arg(falseticker), &error);
    QVERIFY2(state.size() == 1, qPrintable(error));

    // The true servers' offsets are near zero, one of them is the system peer.
    const QJsonArray trueOffsets =
        waitForQuery(u"abs(chronoscope_server_offset_seconds{address!=\"127.0.0.5\"}) < 0.05"_s, 20,
                     [](const QJsonArray &r) { return r.size() == 3; });
    QCOMPARE(trueOffsets.size(), 3);
    const QJsonArray peer = waitForQuery(u"chronoscope_system_selected_server_info"_s, 20,
                                         [](const QJsonArray &r) { return r.size() == 1; });
    QCOMPARE(peer.size(), 1);
    QVERIFY2(label(peer.at(0), u"address"_s) != u"127.0.0.5"_s, qPrintable(label(peer.at(0), u"address"_s)));

    // The accepted-samples counter grows between scrapes.
    const QString acceptedQuery = u"chronoscope_server_samples_accepted_total{server=\"%1\"}"_s.arg(falseticker);
    const QJsonArray before = m_prometheus->query(acceptedQuery, &error);
    QVERIFY2(before.size() == 1, qPrintable(error));
    const double first = sampleValue(before.at(0));
    const QJsonArray after = waitForQuery(acceptedQuery, 20, [first](const QJsonArray &r) {
        return r.size() == 1 && sampleValue(r.at(0)) >= first + 2;
    });
    QVERIFY2(after.size() == 1 && sampleValue(after.at(0)) >= first + 2,
             qPrintable(u"accepted %1 then %2"_s.arg(first).arg(after.isEmpty() ? -1 : sampleValue(after.at(0)))));
    // Prometheus derives a rate from it: the counter is a real counter to it.
    const QJsonArray rate = waitForQuery(u"rate(chronoscope_server_samples_accepted_total{server=\"%1\"}[5s])"_s.arg(falseticker),
                                         10, [](const QJsonArray &r) { return r.size() == 1 && sampleValue(r.at(0)) > 0; });
    QCOMPARE(rate.size(), 1);

    // Every scrape worked, and the exporter counted them.
    const QJsonArray up = m_prometheus->query(u"up{job=\"chronoscope\"}"_s, &error);
    QVERIFY2(up.size() == 1 && sampleValue(up.at(0)) == 1.0, qPrintable(error + m_prometheus->log()));
    const QJsonArray scrapes = m_prometheus->query(u"chronoscope_metrics_http_requests_total"_s, &error);
    QVERIFY2(scrapes.size() == 1 && sampleValue(scrapes.at(0)) >= 3, qPrintable(error));
    QVERIFY(m_cli.state() == QProcess::Running);
}

void TstPrometheusInterop::takenPortIsAClearError()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    const chronoscope::testing::CliRun run = chronoscope::testing::runCli(
        {u"monitor"_s, u"--duration"_s, u"5"_s, u"--metrics"_s, u"127.0.0.1:%1"_s.arg(squatter.serverPort()),
         m_servers.front()->endpoint()},
        20);
    QVERIFY2(run.finished && run.exitCode == 2, run.describe().constData());
    QVERIFY2(run.err.contains(u"cannot serve metrics on 127.0.0.1:%1: address already in use"_s.arg(squatter.serverPort()).toUtf8()),
             run.describe().constData());
}

QTEST_GUILESS_MAIN(TstPrometheusInterop)
#include "tst_prometheusinterop.moc"
