// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/enginesession.h"

#include "core/engine/syncengine.h"

namespace chronoscope::engine {

EngineSession::EngineSession(QObject *parent) : QObject(parent), m_engine(new SyncEngine)
{
    m_thread.setObjectName(QStringLiteral("chronoscope-engine"));
    m_engine->moveToThread(&m_thread);
    // Cross-thread connections: queued by Qt, in emission order.
    connect(m_engine, &SyncEngine::snapshotReady, this, &EngineSession::onSnapshot);
    // Samples come in batches (one queued call each, not one per sample) and leave one by one.
    connect(m_engine, &SyncEngine::samplesAccepted, this, [this](const QList<AcceptedSample> &samples) {
        for (const AcceptedSample &sample : samples)
            onSample(sample);
    });
    connect(m_engine, &SyncEngine::requestFailed, this, &EngineSession::requestFailed);
    connect(m_engine, &SyncEngine::rejectionsSummarised, this, &EngineSession::rejectionsSummarised);
    connect(m_engine, &SyncEngine::serverRemoved, this, &EngineSession::serverRemoved);
    connect(m_engine, &SyncEngine::allFinished, this, [this] { emit finished(m_snapshot); });
    m_thread.start(QThread::HighPriority);
}

EngineSession::~EngineSession()
{
    // Stop and destroy the engine in its own thread (its timers and sockets live there).
    QMetaObject::invokeMethod(m_engine, [engine = m_engine] { delete engine; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template <typename Call> void EngineSession::inEngine(Call call)
{
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, call = std::move(call)] { call(engine); },
                              Qt::QueuedConnection);
}

void EngineSession::setOptions(const AssociationOptions &options)
{
    inEngine([options](SyncEngine *engine) { engine->setOptions(options); });
}

void EngineSession::setSelectionOptions(const stats::SelectionOptions &options)
{
    inEngine([options](SyncEngine *engine) { engine->setSelectionOptions(options); });
}

void EngineSession::setKeys(const QList<auth::SymmetricKey> &keys)
{
    inEngine([keys](SyncEngine *engine) { engine->setKeys(keys); });
}

void EngineSession::setServers(const QList<ServerSpec> &servers)
{
    m_servers = servers;
    if (m_running)
        inEngine([servers](SyncEngine *engine) { engine->setServers(servers); });
}

void EngineSession::start()
{
    m_running = true;
    inEngine([servers = m_servers](SyncEngine *engine) {
        engine->setServers(servers);
        // Nothing to resolve or poll (no servers): finished at once.
        if (engine->isFinished())
            emit engine->allFinished();
    });
}

void EngineSession::stop()
{
    m_running = false;
    inEngine([](SyncEngine *engine) { engine->stop(); });
}

void EngineSession::restartAll()
{
    m_snapshot.system = SystemStatus{};
    inEngine([](SyncEngine *engine) { engine->restartAll(); });
}

void EngineSession::requestFreshMeasurement()
{
    m_freshRequested = true;
    m_freshSampleSeen = false;
}

void EngineSession::onSample(const AcceptedSample &sample)
{
    if (m_freshRequested)
        m_freshSampleSeen = true;
    emit sampleAccepted(sample);
}

void EngineSession::onSnapshot(const EngineSnapshot &snapshot)
{
    m_snapshot = snapshot;
    emit snapshotChanged(m_snapshot);
    if (m_freshRequested && m_freshSampleSeen && snapshot.system.synchronized) {
        m_freshRequested = false;
        emit freshMeasurement(m_snapshot);
    }
}

} // namespace chronoscope::engine
