// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/metrics/metricswriter.h"

#include <cmath>

#include <QLocale>

namespace chronoscope::metrics {
namespace {

// HELP text escapes backslash and line feed (both formats); OpenMetrics also escapes quotes.
QByteArray escapeHelp(const QByteArray &help, MetricsFormat format)
{
    QByteArray out;
    out.reserve(help.size());
    for (const char c : help) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '"' && format == MetricsFormat::OpenMetrics)
            out += "\\\"";
        else
            out += c;
    }
    return out;
}

const char *typeName(MetricType type, MetricsFormat format)
{
    switch (type) {
    case MetricType::Counter: return "counter";
    case MetricType::Info: return format == MetricsFormat::OpenMetrics ? "info" : "gauge";
    case MetricType::Gauge: break;
    }
    return "gauge";
}

} // namespace

void MetricsWriter::family(const QByteArray &name, MetricType type, const QByteArray &help, const QByteArray &unit)
{
    QByteArray familyName = name;
    m_sampleName = name;
    if (type == MetricType::Counter) {
        m_sampleName += "_total";
        if (m_format == MetricsFormat::PrometheusText)
            familyName = m_sampleName;
    } else if (type == MetricType::Info) {
        m_sampleName += "_info";
        if (m_format == MetricsFormat::PrometheusText)
            familyName = m_sampleName;
    }
    m_out += "# HELP " + familyName + ' ' + escapeHelp(help, m_format) + '\n';
    m_out += "# TYPE " + familyName + ' ' + typeName(type, m_format) + '\n';
    if (m_format == MetricsFormat::OpenMetrics && !unit.isEmpty())
        m_out += "# UNIT " + familyName + ' ' + unit + '\n';
}

void MetricsWriter::sample(const Labels &labels, double value)
{
    writeSample(labels, formatValue(value));
}

void MetricsWriter::sample(const Labels &labels, quint64 value)
{
    writeSample(labels, QByteArray::number(value));
}

void MetricsWriter::writeSample(const Labels &labels, const QByteArray &value)
{
    m_out += m_sampleName;
    if (!labels.isEmpty()) {
        m_out += '{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i > 0)
                m_out += ',';
            m_out += labels.at(i).first + "=\"" + escapeLabelValue(labels.at(i).second) + '"';
        }
        m_out += '}';
    }
    m_out += ' ' + value + '\n';
}

QByteArray MetricsWriter::finish()
{
    if (m_format == MetricsFormat::OpenMetrics)
        m_out += "# EOF\n";
    return m_out;
}

QByteArray MetricsWriter::escapeLabelValue(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray MetricsWriter::formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace chronoscope::metrics
