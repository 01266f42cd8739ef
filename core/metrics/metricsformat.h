// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace chronoscope::metrics {

// The two exposition formats a scraper may ask for.
enum class MetricsFormat {
    PrometheusText, // text/plain; version=0.0.4
    OpenMetrics,    // application/openmetrics-text; version=1.0.0 (# UNIT, counters' _total, # EOF)
};

// Picks the format from an HTTP Accept header: OpenMetrics when the client ranks
// application/openmetrics-text at least as high as text/plain (and above 0), else the
// Prometheus text format (also for an empty, unknown or malformed header).
MetricsFormat negotiateFormat(QByteArrayView accept);

// The Content-Type header value for `format`.
QByteArray contentType(MetricsFormat format);

} // namespace chronoscope::metrics
