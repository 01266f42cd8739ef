// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/metricsserving.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace chronoscope::cli {

std::unique_ptr<metrics::MetricsExporter> startMetricsExporter(engine::EngineSession &session,
                                                              const metrics::ListenAddress &where)
{
    auto exporter = std::make_unique<metrics::MetricsExporter>(&session);
    if (const Result<bool> listening = exporter->listen(where); !listening) {
        std::fprintf(stderr, "chronoscope-cli: %s\n", qPrintable(listening.errorMessage()));
        return nullptr;
    }
    const QString url = u"http://%1/metrics"_s.arg(exporter->boundAddress().toString());
    std::fprintf(stderr, "metrics: %s\n", qPrintable(url));
    std::fflush(stderr);
    return exporter;
}

} // namespace chronoscope::cli
