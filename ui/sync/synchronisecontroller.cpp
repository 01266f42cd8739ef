// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sync/synchronisecontroller.h"

#include <QWidget>

#include "core/correction/clockcorrector.h"
#include "core/correction/clockhelper.h"
#include "core/engine/enginesession.h"
#include "ui/sync/synchronisedialog.h"

namespace chronoscope::ui {

SynchroniseController::SynchroniseController(engine::EngineSession *session, correction::ClockHelper *helper,
                                             QWidget *window)
    : QObject(window), m_session(session), m_helper(helper), m_window(window)
{
    connect(session, &engine::EngineSession::snapshotChanged, this,
            [this] { m_snapshotMonotonicNs = correction::ClockCorrector::monotonicNowNs(); });
    connect(session, &engine::EngineSession::freshMeasurement, this, [this](const engine::EngineSnapshot &snapshot) {
        if (m_dialog)
            showMeasurement(snapshot);
    });
}

SynchroniseController::~SynchroniseController() = default;

SynchroniseDialog *SynchroniseController::dialog() const
{
    return m_dialog;
}

void SynchroniseController::showMeasurement(const engine::EngineSnapshot &snapshot)
{
    m_dialog->setMeasurement(snapshot.system, snapshot.servers, m_snapshotMonotonicNs);
}

void SynchroniseController::openDialog()
{
    if (!m_dialog) {
        m_dialog = new SynchroniseDialog(m_helper, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &SynchroniseDialog::measurementRequested, m_session,
                &engine::EngineSession::requestFreshMeasurement);
        connect(m_dialog, &SynchroniseDialog::correctionFinished, this, &SynchroniseController::onCorrectionFinished);
    }
    showMeasurement(m_session->snapshot());
    m_dialog->open();
    m_dialog->raise();
}

void SynchroniseController::onCorrectionFinished(const correction::CorrectionOutcome &outcome)
{
    if (outcome.changedClock()) {
        // Samples from before the change would skew the verification: start every association
        // afresh (their filters and drift fits restart with the new time base).
        m_session->restartAll();
    }
    emit correctionFinished(outcome);
}

} // namespace chronoscope::ui
