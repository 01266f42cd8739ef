// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/servertester.h"

#include "core/engine/enginethread.h"
#include "core/engine/syncengine.h"

namespace chronoscope::ui {

ServerTester::ServerTester(QObject *parent) : QObject(parent) { }

ServerTester::~ServerTester() = default;

void ServerTester::start(const engine::ServerSpec &spec)
{
    cancel();
    m_results.clear();
    m_thread = std::make_unique<engine::EngineThread>();
    engine::SyncEngine *engine = m_thread->engine();
    connect(engine, &engine::SyncEngine::serverChanged, this,
            [this](const engine::ServerStatus &status) { m_results[status.id] = status; });
    connect(engine, &engine::SyncEngine::allFinished, this, &ServerTester::onFinished);
    engine::AssociationOptions options;
    options.maxRequests = REQUESTS;
    options.fixedInterval = 1.0; // the engine stretches this to 2 s for public servers
    options.timeout = 1.0;
    QMetaObject::invokeMethod(engine, [engine, options, spec] {
        engine->setOptions(options);
        engine->addServer(spec);
    });
}

void ServerTester::cancel()
{
    m_thread.reset();
}

void ServerTester::onFinished()
{
    QList<engine::ServerStatus> results;
    for (const auto &[id, status] : m_results)
        results.append(status);
    // Leave the engine's own signal before tearing its thread down.
    QMetaObject::invokeMethod(this, [this, results] {
        m_thread.reset();
        emit finished(results);
    }, Qt::QueuedConnection);
}

} // namespace chronoscope::ui
