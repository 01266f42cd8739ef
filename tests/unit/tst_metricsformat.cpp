// SPDX-License-Identifier: GPL-3.0-or-later
// Content negotiation of the metrics endpoint: what Prometheus, curl and browsers send, q
// values, and malformed headers (which fall back to the Prometheus text format).
#include <QTest>

#include "core/metrics/metricsformat.h"

using chronoscope::metrics::contentType;
using chronoscope::metrics::MetricsFormat;
using chronoscope::metrics::negotiateFormat;

Q_DECLARE_METATYPE(chronoscope::metrics::MetricsFormat)

class TstMetricsFormat : public QObject
{
    Q_OBJECT
private slots:
    void negotiates_data();
    void negotiates();
    void contentTypes();
};

void TstMetricsFormat::negotiates_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<MetricsFormat>("format");
    const auto text = MetricsFormat::PrometheusText;
    const auto open = MetricsFormat::OpenMetrics;
    // What Prometheus 2.42 sends by default.
    QTest::newRow("prometheus 2.42")
        << QByteArray("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                      "text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
        << open;
    QTest::newRow("prometheus text only") << QByteArray("text/plain;version=0.0.4") << text;
    QTest::newRow("none") << QByteArray() << text;
    QTest::newRow("curl") << QByteArray("*/*") << text;
    QTest::newRow("browser") << QByteArray("text/html,application/xhtml+xml,*/*;q=0.8") << text;
    QTest::newRow("openmetrics ranked lower") << QByteArray("text/plain;q=1,application/openmetrics-text;q=0.5") << text;
    QTest::newRow("openmetrics q=0") << QByteArray("application/openmetrics-text;q=0") << text;
    QTest::newRow("upper case") << QByteArray("APPLICATION/OPENMETRICS-TEXT; Q=0.9") << open;
    QTest::newRow("malformed q") << QByteArray("application/openmetrics-text;q=banana") << text;
    QTest::newRow("q out of range") << QByteArray("application/openmetrics-text;q=7") << text;
    QTest::newRow("garbage") << QByteArray(";;;,,,\x01\xff") << text;
}

void TstMetricsFormat::negotiates()
{
    QFETCH(QByteArray, accept);
    QFETCH(MetricsFormat, format);
    QCOMPARE(negotiateFormat(accept), format);
}

void TstMetricsFormat::contentTypes()
{
    QCOMPARE(contentType(MetricsFormat::PrometheusText), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    QCOMPARE(contentType(MetricsFormat::OpenMetrics),
             QByteArray("application/openmetrics-text; version=1.0.0; charset=utf-8"));
}

QTEST_GUILESS_MAIN(TstMetricsFormat)
#include "tst_metricsformat.moc"
