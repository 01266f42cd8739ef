// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QObject>
#include <QPointer>

#include "core/engine/serverstatus.h"

class QWidget;

namespace chronoscope::correction {
class ClockHelper;
struct CorrectionOutcome;
} // namespace chronoscope::correction

namespace chronoscope::engine {
class EngineSession;
struct EngineSnapshot;
} // namespace chronoscope::engine

namespace chronoscope::ui {

class SynchroniseDialog;

// Connects "Synchronise now" to the engine session: opens SynchroniseDialog with the session's
// latest snapshot (and the monotonic time it arrived), answers the dialog's requests for a fresh
// measurement with the session's next synchronised measurement, and after a real clock change
// restarts the associations so the verification uses samples taken after the change only.
class SynchroniseController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SynchroniseController)
public:
    SynchroniseController(engine::EngineSession *session, correction::ClockHelper *helper, QWidget *window);
    ~SynchroniseController() override;

    // Opens (or raises) the dialog with the latest measurement.
    void openDialog();
    SynchroniseDialog *dialog() const;

signals:
    void correctionFinished(const chronoscope::correction::CorrectionOutcome &outcome);

private:
    void onCorrectionFinished(const correction::CorrectionOutcome &outcome);
    void showMeasurement(const engine::EngineSnapshot &snapshot);

    engine::EngineSession *m_session;
    correction::ClockHelper *m_helper;
    QWidget *m_window;
    QPointer<SynchroniseDialog> m_dialog;
    std::int64_t m_snapshotMonotonicNs = 0; // CLOCK_MONOTONIC when the latest snapshot arrived
};

} // namespace chronoscope::ui
