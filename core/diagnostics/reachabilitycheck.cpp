// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/reachabilitycheck.h"

#include <algorithm>

#include "core/engine/enginesession.h"

namespace chronoscope::diagnostics {
namespace {

constexpr double GUARD_MARGIN = 30.0; // seconds for DNS on top of the request schedule

} // namespace

ReachabilityCheck::ReachabilityCheck(QObject *parent) : QObject(parent), m_guard(this)
{
    qRegisterMetaType<ReachabilityFindings>();
    m_guard.setSingleShot(true);
    connect(&m_guard, &QTimer::timeout, this, &ReachabilityCheck::finish);
}

ReachabilityCheck::~ReachabilityCheck() = default;

bool ReachabilityCheck::start(const QList<engine::ServerSpec> &servers, const Options &options)
{
    if (m_running)
        return false;
    m_running = true;
    m_tallies.clear();
    m_session = std::make_unique<engine::EngineSession>();
    engine::AssociationOptions associationOptions;
    associationOptions.maxRequests = std::max(1, options.requests);
    associationOptions.fixedInterval = options.interval;
    associationOptions.timeout = options.timeout;
    m_session->setOptions(associationOptions);
    // The session's signals arrive in this thread, in the order the engine emitted them: every
    // sample and failure before `finished`.
    connect(m_session.get(), &engine::EngineSession::sampleAccepted, this,
            [this](const engine::AcceptedSample &sample) { m_tallies[sample.serverId].addAccepted(); });
    connect(m_session.get(), &engine::EngineSession::requestFailed, this,
            [this](const engine::RequestOutcome &outcome) { m_tallies[outcome.serverId].add(outcome); });
    connect(m_session.get(), &engine::EngineSession::finished, this, &ReachabilityCheck::finish, Qt::QueuedConnection);
    m_session->setServers(servers);
    m_session->start(); // an empty list finishes at once
    const double schedule = (associationOptions.maxRequests - 1) * std::max(options.interval, 2.0) + options.timeout;
    m_guard.start(std::chrono::milliseconds(qint64((schedule + GUARD_MARGIN) * 1000.0)));
    return true;
}

void ReachabilityCheck::finish()
{
    if (!m_running)
        return;
    m_running = false;
    m_guard.stop();
    ReachabilityFindings findings;
    if (m_session) {
        m_session->stop();
        for (const engine::ServerStatus &status : m_session->snapshot().servers) {
            SampleTally &tally = m_tallies[status.id];
            tally.addRejections(status.rejections);
            findings.servers.append(classifyServer(status, tally));
        }
        // Not deleted here: finish() may run inside one of the session's own signals.
        m_session.release()->deleteLater();
    }
    concludeReachability(findings);
    emit finished(findings);
}

} // namespace chronoscope::diagnostics
