// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QThread>

namespace chronoscope::engine {

class SyncEngine;

// Runs a SyncEngine in a thread of its own so that UI work never delays timestamps. Talk to
// the engine through queued calls (invokeMethod) and its signals, which arrive queued.
class EngineThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineThread)
public:
    explicit EngineThread(QObject *parent = nullptr);
    ~EngineThread() override;

    // The engine; lives in the engine thread (connect to its signals, call it with invokeMethod).
    SyncEngine *engine() const { return m_engine; }

private:
    QThread m_thread;
    SyncEngine *m_engine;
};

} // namespace chronoscope::engine
