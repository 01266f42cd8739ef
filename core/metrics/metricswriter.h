// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>

#include <QByteArray>
#include <QList>
#include <QString>

#include "core/metrics/metricsformat.h"

namespace chronoscope::metrics {

enum class MetricType { Gauge, Counter, Info };

// One label: name (a fixed identifier chosen by us) and value (any text, escaped on output).
using Label = std::pair<QByteArray, QString>;
using Labels = QList<Label>;

// Writes metric families in the Prometheus text format or OpenMetrics. The caller writes one
// family at a time: family() once, then its samples. Names follow the exposition rules:
//   - a counter family is named without "_total"; its samples get "_total" appended, and
//     the Prometheus text format names the family with it too;
//   - an info family is named without "_info"; its samples are "<name>_info" with value 1
//     (a gauge in the Prometheus text format);
//   - `unit` ("seconds", "ratio", "ppm" or empty) must be the family name's suffix; OpenMetrics
//     gets a "# UNIT" line for it.
// Label values are escaped (backslash, double quote, line feed); names are never escaped and
// must be valid metric/label names (our own constants).
class MetricsWriter
{
public:
    explicit MetricsWriter(MetricsFormat format) : m_format(format) { }

    void family(const QByteArray &name, MetricType type, const QByteArray &help, const QByteArray &unit = {});
    void sample(const Labels &labels, double value);
    void sample(const Labels &labels, quint64 value);

    // The text so far, closed with "# EOF" for OpenMetrics.
    QByteArray finish();

    // "a\"b\\c\n" style escaping of a label value (the same in both formats).
    static QByteArray escapeLabelValue(const QString &value);
    // Shortest text that reads back as `value` ("1e-06", "2.5", "+Inf", "NaN").
    static QByteArray formatValue(double value);

private:
    void writeSample(const Labels &labels, const QByteArray &value);

    MetricsFormat m_format;
    QByteArray m_out;
    QByteArray m_sampleName;
};

} // namespace chronoscope::metrics
