// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include "core/metrics/httplimits.h"
#include "core/metrics/listenaddress.h"
#include "core/metrics/metricscollector.h"
#include "core/metrics/metricshttpserver.h"
#include "core/result.h"

namespace chronoscope::engine {
class EngineSession;
}

namespace chronoscope::metrics {

// Serves an EngineSession's metrics: a MetricsCollector fed by the session's signals and
// snapshots, rendered on each scrape by a MetricsHttpServer (what `monitor --metrics` and the
// GUI's metrics setting run). Lives in the session's thread.
class MetricsExporter final : public QObject
{
    Q_OBJECT
public:
    explicit MetricsExporter(engine::EngineSession *session, HttpLimits limits = {}, QObject *parent = nullptr);

    Result<bool> listen(const ListenAddress &where);
    // Where it listens (the real port when 0 was asked for).
    ListenAddress boundAddress() const;
    const MetricsHttpServer &httpServer() const { return m_http; }

private:
    QByteArray render(MetricsFormat format) const;

    MetricsCollector m_collector;
    MetricsHttpServer m_http;
};

} // namespace chronoscope::metrics
