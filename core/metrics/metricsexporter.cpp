// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/metrics/metricsexporter.h"

#include "core/metrics/enginemetrics.h"

namespace chronoscope::metrics {

MetricsExporter::MetricsExporter(engine::EngineSession *session, HttpLimits limits, QObject *parent)
    : QObject(parent), m_collector(session), m_http([this](MetricsFormat format) { return render(format); }, limits)
{
}

Result<bool> MetricsExporter::listen(const ListenAddress &where)
{
    return m_http.listen(where.address, where.port);
}

ListenAddress MetricsExporter::boundAddress() const
{
    return ListenAddress{m_http.serverAddress(), m_http.serverPort()};
}

QByteArray MetricsExporter::render(MetricsFormat format) const
{
    MetricsState state;
    state.snapshot = m_collector.snapshot();
    state.kissesByServer = m_collector.kissesByServer();
    state.httpRequests = m_http.requestsAnswered();
    state.httpRejections = m_http.rejections();
    return renderEngineMetrics(state, format);
}

} // namespace chronoscope::metrics
