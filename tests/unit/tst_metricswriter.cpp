// SPDX-License-Identifier: GPL-3.0-or-later
// MetricsWriter: family headers in both exposition formats, counter and info naming, label
// value escaping (IPv6, quotes, backslashes, line feeds, UTF-8) and number formatting.
#include <QTest>

#include <cmath>
#include <limits>

#include "core/metrics/metricswriter.h"

using namespace Qt::StringLiterals;
using chronoscope::metrics::Labels;
using chronoscope::metrics::MetricsFormat;
using chronoscope::metrics::MetricsWriter;
using chronoscope::metrics::MetricType;

class TstMetricsWriter : public QObject
{
    Q_OBJECT
private slots:
    void escapesLabelValues_data();
    void escapesLabelValues();
    void formatsValues_data();
    void formatsValues();
    void prometheusTextNamesCountersAndInfo();
    void openMetricsAddsUnitTotalAndEof();
    void escapesHelpText();
};

void TstMetricsWriter::escapesLabelValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("escaped");
    QTest::newRow("plain") << u"ntp1.example"_s << QByteArray("ntp1.example");
    QTest::newRow("ipv6") << u"[2001:db8::1]:123"_s << QByteArray("[2001:db8::1]:123");
    QTest::newRow("quote") << u"a\"b"_s << QByteArray("a\\\"b");
    QTest::newRow("backslash") << u"a\\b"_s << QByteArray("a\\\\b");
    QTest::newRow("backslash before quote") << u"\\\""_s << QByteArray("\\\\\\\"");
    QTest::newRow("line feed") << u"a\nb"_s << QByteArray("a\\nb");
    QTest::newRow("utf-8 kept") << u"zürich"_s << QByteArray("z\xc3\xbcrich");
    QTest::newRow("empty") << QString() << QByteArray();
}

void TstMetricsWriter::escapesLabelValues()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, escaped);
    QCOMPARE(MetricsWriter::escapeLabelValue(value), escaped);

    MetricsWriter w(MetricsFormat::PrometheusText);
    w.family("x_seconds", MetricType::Gauge, "X.");
    w.sample(Labels{{"server", value}}, 1.0);
    QVERIFY(w.finish().endsWith(QByteArray("x_seconds{server=\"" + escaped + "\"} 1\n")));
}

void TstMetricsWriter::formatsValues_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("integer") << 3.0 << QByteArray("3");
    QTest::newRow("fraction") << 2.5 << QByteArray("2.5");
    QTest::newRow("negative micro") << -1.25e-6 << QByteArray("-1.25e-06");
    QTest::newRow("zero") << 0.0 << QByteArray("0");
    QTest::newRow("+inf") << std::numeric_limits<double>::infinity() << QByteArray("+Inf");
    QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << QByteArray("-Inf");
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
}

void TstMetricsWriter::formatsValues()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    QCOMPARE(MetricsWriter::formatValue(value), text);
    if (std::isfinite(value))
        QCOMPARE(text.toDouble(), value); // reads back exactly
}

void TstMetricsWriter::prometheusTextNamesCountersAndInfo()
{
    MetricsWriter w(MetricsFormat::PrometheusText);
    w.family("a_seconds", MetricType::Gauge, "A gauge.", "seconds");
    w.sample(Labels{}, 0.5);
    w.family("b_requests", MetricType::Counter, "A counter.");
    w.sample(Labels{{"server", u"s"_s}, {"reason", u"r"_s}}, quint64(7));
    w.family("c_build", MetricType::Info, "An info.");
    w.sample(Labels{{"version", u"1.0"_s}}, 1.0);
    QCOMPARE(w.finish(), QByteArray("# HELP a_seconds A gauge.\n"
                                    "# TYPE a_seconds gauge\n"
                                    "a_seconds 0.5\n"
                                    "# HELP b_requests_total A counter.\n"
                                    "# TYPE b_requests_total counter\n"
                                    "b_requests_total{server=\"s\",reason=\"r\"} 7\n"
                                    "# HELP c_build_info An info.\n"
                                    "# TYPE c_build_info gauge\n"
                                    "c_build_info{version=\"1.0\"} 1\n"));
}

void TstMetricsWriter::openMetricsAddsUnitTotalAndEof()
{
    MetricsWriter w(MetricsFormat::OpenMetrics);
    w.family("a_seconds", MetricType::Gauge, "A gauge.", "seconds");
    w.sample(Labels{}, 0.5);
    w.family("b_requests", MetricType::Counter, "A counter.");
    w.sample(Labels{}, quint64(7));
    w.family("c_build", MetricType::Info, "An info.");
    w.sample(Labels{{"version", u"1.0"_s}}, 1.0);
    QCOMPARE(w.finish(), QByteArray("# HELP a_seconds A gauge.\n"
                                    "# TYPE a_seconds gauge\n"
                                    "# UNIT a_seconds seconds\n"
                                    "a_seconds 0.5\n"
                                    "# HELP b_requests A counter.\n"
                                    "# TYPE b_requests counter\n"
                                    "b_requests_total 7\n"
                                    "# HELP c_build An info.\n"
                                    "# TYPE c_build info\n"
                                    "c_build_info{version=\"1.0\"} 1\n"
                                    "# EOF\n"));
}

void TstMetricsWriter::escapesHelpText()
{
    MetricsWriter text(MetricsFormat::PrometheusText);
    text.family("a", MetricType::Gauge, "back\\slash \"quoted\"\nnext");
    QVERIFY(text.finish().startsWith("# HELP a back\\\\slash \"quoted\"\\nnext\n"));
    MetricsWriter open(MetricsFormat::OpenMetrics);
    open.family("a", MetricType::Gauge, "back\\slash \"quoted\"\nnext");
    QVERIFY(open.finish().startsWith("# HELP a back\\\\slash \\\"quoted\\\"\\nnext\n"));
}

QTEST_GUILESS_MAIN(TstMetricsWriter)
#include "tst_metricswriter.moc"
