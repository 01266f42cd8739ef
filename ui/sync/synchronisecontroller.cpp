// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sync/synchronisecontroller.h"

#include <QWidget>

#include "core/clock/clockcorrector.h"
#include "core/clock/clockhelper.h"
#include "core/engine/syncengine.h"
#include "ui/serverlistcontroller.h"
#include "ui/sync/synchronisedialog.h"

namespace chronoscope::ui {

SynchroniseController::SynchroniseController(engine::SyncEngine *engine, ServerListController *servers,
                                             clock::ClockHelper *helper, QWidget *window)
    : QObject(window), m_serverList(servers), m_helper(helper), m_window(window)
{
    connect(engine, &engine::SyncEngine::systemChanged, this, &SynchroniseController::onSystemChanged);
    connect(engine, &engine::SyncEngine::serverChanged, this,
            [this](const engine::ServerStatus &status) { m_servers[status.id] = status; });
    connect(engine, &engine::SyncEngine::serverRemoved, this, [this](int id) { m_servers.erase(id); });
}

SynchroniseController::~SynchroniseController() = default;

SynchroniseDialog *SynchroniseController::dialog() const
{
    return m_dialog;
}

QList<engine::ServerStatus> SynchroniseController::serverList() const
{
    QList<engine::ServerStatus> list;
    for (const auto &[id, status] : m_servers)
        list.append(status);
    return list;
}

void SynchroniseController::openDialog()
{
    if (!m_dialog) {
        m_dialog = new SynchroniseDialog(m_helper, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &SynchroniseDialog::measurementRequested, this, [this] { m_answerNextMeasurement = true; });
        connect(m_dialog, &SynchroniseDialog::correctionFinished, this, &SynchroniseController::onCorrectionFinished);
    }
    m_dialog->setMeasurement(m_system, serverList(), m_systemMonotonicNs);
    m_dialog->open();
    m_dialog->raise();
}

void SynchroniseController::onSystemChanged(const engine::SystemStatus &system)
{
    m_system = system;
    m_systemMonotonicNs = clock::ClockCorrector::monotonicNowNs();
    // A fresh measurement for the dialog: the next result that has a system offset.
    if (m_answerNextMeasurement && m_dialog && system.synchronized) {
        m_answerNextMeasurement = false;
        m_dialog->setMeasurement(m_system, serverList(), m_systemMonotonicNs);
    }
}

void SynchroniseController::onCorrectionFinished(const clock::CorrectionOutcome &outcome)
{
    if (outcome.changedClock() && m_serverList) {
        // Samples from before the change would skew the verification: start every association
        // afresh (their filters and drift fits restart with the new time base).
        m_system = engine::SystemStatus{};
        m_serverList->setServers(m_serverList->servers());
    }
    emit correctionFinished(outcome);
}

} // namespace chronoscope::ui
