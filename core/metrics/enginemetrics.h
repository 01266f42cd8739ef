// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include "core/engine/enginesnapshot.h"
#include "core/metrics/metricsformat.h"

namespace chronoscope::metrics {

// Everything one scrape shows: the engine's latest snapshot plus what only the signals tell.
struct MetricsState
{
    engine::EngineSnapshot snapshot;
    QMap<int, QMap<QString, quint64>> kissesByServer; // server id → kiss code label → count
    QMap<QString, quint64> httpRejections;            // HTTP responder reason id → count
    quint64 httpRequests = 0;                         // scrapes answered
};

// At most this many servers (the first by id) are exported; the rest are counted.
inline constexpr qsizetype maxExportedServers = 256;

// The exposition of `state` (every metric is listed in the README, "Metrics for Prometheus").
// Per-server gauges are labelled server (as configured), address (resolved) and state;
// counters only server and address, so that a state change does not restart their series.
QByteArray renderEngineMetrics(const MetricsState &state, MetricsFormat format);

} // namespace chronoscope::metrics
