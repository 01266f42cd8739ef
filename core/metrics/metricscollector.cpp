// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/metrics/metricscollector.h"

#include "core/engine/enginesession.h"
#include "core/metrics/kisscodelabel.h"

using namespace Qt::StringLiterals;

namespace chronoscope::metrics {

MetricsCollector::MetricsCollector(engine::EngineSession *session, QObject *parent) : QObject(parent)
{
    if (!session)
        return;
    m_snapshot = session->snapshot();
    connect(session, &engine::EngineSession::snapshotChanged, this, &MetricsCollector::onSnapshot);
    connect(session, &engine::EngineSession::requestFailed, this, &MetricsCollector::onRequestFailed);
    connect(session, &engine::EngineSession::serverRemoved, this, &MetricsCollector::onServerRemoved);
}

void MetricsCollector::onSnapshot(const engine::EngineSnapshot &snapshot)
{
    m_snapshot = snapshot;
}

void MetricsCollector::onRequestFailed(const engine::RequestOutcome &outcome)
{
    if (outcome.reasonId != u"kiss_of_death"_s || outcome.serverId < 0)
        return;
    ++m_kisses[outcome.serverId][kissCodeLabel(outcome.kissCode)];
}

void MetricsCollector::onServerRemoved(int serverId)
{
    m_kisses.remove(serverId);
}

} // namespace chronoscope::metrics
