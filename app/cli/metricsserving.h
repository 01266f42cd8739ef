// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "core/metrics/listenaddress.h"
#include "core/metrics/metricsexporter.h"

namespace chronoscope::engine {
class EngineSession;
}

namespace chronoscope::cli {

// `monitor --metrics ADDR:PORT`: serves `session`'s metrics and says where on stderr
// ("metrics: http://127.0.0.1:9123/metrics"), or prints why it cannot (e.g. the port is taken)
// and returns null.
std::unique_ptr<metrics::MetricsExporter> startMetricsExporter(engine::EngineSession &session,
                                                              const metrics::ListenAddress &where);

} // namespace chronoscope::cli
