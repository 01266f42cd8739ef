// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/metricsendpoint.h"

#include "core/engine/enginesession.h"
#include "core/metrics/listenaddress.h"
#include "core/metrics/metricsexporter.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

MetricsEndpoint::MetricsEndpoint(QObject *parent) : QObject(parent) { }

MetricsEndpoint::~MetricsEndpoint() = default;

void MetricsEndpoint::setSession(engine::EngineSession *session)
{
    if (session == m_session)
        return;
    m_exporter.reset(); // it listens to the old session
    m_session = session;
}

Result<bool> MetricsEndpoint::apply(bool enabled, const QString &address)
{
    if (!enabled || !m_session) {
        m_exporter.reset();
        return true;
    }
    if (m_exporter && address == m_address)
        return true;
    m_exporter.reset(); // frees the old port before the new one is taken
    const Result<metrics::ListenAddress> where = metrics::parseListenAddress(address);
    if (!where)
        return where.error();
    auto exporter = std::make_unique<metrics::MetricsExporter>(m_session.data());
    if (const Result<bool> listening = exporter->listen(*where); !listening)
        return listening.error();
    m_exporter = std::move(exporter);
    m_address = address;
    return true;
}

QString MetricsEndpoint::url() const
{
    return m_exporter ? u"http://%1/metrics"_s.arg(m_exporter->boundAddress().toString()) : QString();
}

} // namespace chronoscope::ui
