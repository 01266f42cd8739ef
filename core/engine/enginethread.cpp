// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/enginethread.h"

#include "core/engine/syncengine.h"

namespace chronoscope::engine {

EngineThread::EngineThread(QObject *parent) : QObject(parent), m_engine(new SyncEngine)
{
    m_thread.setObjectName(QStringLiteral("chronoscope-engine"));
    m_engine->moveToThread(&m_thread);
    m_thread.start(QThread::HighPriority);
}

EngineThread::~EngineThread()
{
    // Stop and destroy the engine in its own thread (its timers and sockets live there).
    QMetaObject::invokeMethod(m_engine, [engine = m_engine] { delete engine; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace chronoscope::engine
