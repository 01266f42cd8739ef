// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/metrics/metricsformat.h"

#include <algorithm>

#include <QList>

namespace chronoscope::metrics {
namespace {

// The q value of one Accept entry ("type/sub;version=1;q=0.5"); 1 when absent, 0 when malformed.
double qualityOf(const QList<QByteArray> &parameters)
{
    for (qsizetype i = 1; i < parameters.size(); ++i) {
        const QByteArray p = parameters.at(i).trimmed();
        if (p.size() >= 2 && (p.at(0) == 'q' || p.at(0) == 'Q') && p.at(1) == '=') {
            bool ok = false;
            const double q = p.mid(2).toDouble(&ok);
            return ok && q >= 0 && q <= 1 ? q : 0;
        }
    }
    return 1;
}

} // namespace

MetricsFormat negotiateFormat(QByteArrayView accept)
{
    double openMetrics = 0;
    double text = 0;
    // The header is bounded by the HTTP responder's request limit; split() copies at most that.
    const QList<QByteArray> entries = accept.toByteArray().split(',');
    for (const QByteArray &entry : entries) {
        const QList<QByteArray> parameters = entry.split(';');
        const QByteArray type = parameters.first().trimmed().toLower();
        const double q = qualityOf(parameters);
        if (type == "application/openmetrics-text")
            openMetrics = std::max(openMetrics, q);
        else if (type == "text/plain" || type == "text/*" || type == "*/*")
            text = std::max(text, q);
    }
    return openMetrics > 0 && openMetrics >= text ? MetricsFormat::OpenMetrics : MetricsFormat::PrometheusText;
}

QByteArray contentType(MetricsFormat format)
{
    return format == MetricsFormat::OpenMetrics ? QByteArrayLiteral("application/openmetrics-text; version=1.0.0; charset=utf-8")
                                                : QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
}

} // namespace chronoscope::metrics
