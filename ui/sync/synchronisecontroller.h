// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>

#include <QObject>
#include <QPointer>

#include "core/engine/serverstatus.h"

class QWidget;

namespace chronoscope::clock {
class ClockHelper;
struct CorrectionOutcome;
} // namespace chronoscope::clock

namespace chronoscope::engine {
class SyncEngine;
} // namespace chronoscope::engine

namespace chronoscope::ui {

class ServerListController;
class SynchroniseDialog;

// Connects "Synchronise now" to the live engine: keeps the latest system and server snapshots
// (with the monotonic time they arrived), opens SynchroniseDialog with them, answers its requests
// for a fresh measurement with the next synchronised result, and after a real clock change
// restarts the associations so the verification uses samples taken after the change only.
class SynchroniseController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SynchroniseController)
public:
    SynchroniseController(engine::SyncEngine *engine, ServerListController *servers, clock::ClockHelper *helper,
                          QWidget *window);
    ~SynchroniseController() override;

    // Opens (or raises) the dialog with the latest measurement.
    void openDialog();
    SynchroniseDialog *dialog() const;

signals:
    void correctionFinished(const chronoscope::clock::CorrectionOutcome &outcome);

private:
    void onSystemChanged(const engine::SystemStatus &system);
    void onCorrectionFinished(const clock::CorrectionOutcome &outcome);
    QList<engine::ServerStatus> serverList() const;

    ServerListController *m_serverList;
    clock::ClockHelper *m_helper;
    QWidget *m_window;
    QPointer<SynchroniseDialog> m_dialog;
    engine::SystemStatus m_system;
    std::int64_t m_systemMonotonicNs = 0;
    std::map<int, engine::ServerStatus> m_servers;
    bool m_answerNextMeasurement = false;
};

} // namespace chronoscope::ui
