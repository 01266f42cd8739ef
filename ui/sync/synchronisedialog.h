// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QDialog>
#include <QList>

#include "core/correction/correctionoutcome.h"
#include "core/correction/correctionpolicy.h"
#include "core/correction/timeservices.h"
#include "core/engine/serverstatus.h"

class QCheckBox;
class QLabel;
class QPushButton;

namespace chronoscope::correction {
class ClockCorrector;
class ClockHelper;
} // namespace chronoscope::correction

namespace chronoscope::ui {

// "Synchronise now": shows the proposed correction with its error bound and the server
// majority behind it, warns about competing time services, asks for one confirmation before a
// step and a second one before a step of more than an hour, applies it through the privileged
// helper and then verifies it with a fresh measurement. It owns no engine: whenever it needs a
// measurement it emits measurementRequested() and the owner answers with setMeasurement().
// GUI thread.
class SynchroniseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SynchroniseDialog)
public:
    enum class Stage { Proposal, Applying, Verifying, Done };

    // `helper` is used for the change (ProcessClockHelper in the app); it must outlive the dialog.
    explicit SynchroniseDialog(correction::ClockHelper *helper, QWidget *parent = nullptr);
    ~SynchroniseDialog() override;

    // The latest measurement; `measuredMonotonicNs` is ClockCorrector::monotonicNowNs() when it
    // was taken. Before applying it sets the proposal; while applying it answers the helper's
    // need for a fresh one; afterwards it is the verification.
    void setMeasurement(const engine::SystemStatus &system, const QList<engine::ServerStatus> &servers,
                        std::int64_t measuredMonotonicNs);
    // Warnings about competing time services; the constructor already detects them.
    void setTimeServices(const correction::CompetingTimeServices &services);
    // Validate and log in the helper, change nothing.

    Stage stage() const { return m_stage; }
    const correction::CorrectionProposal &proposal() const { return m_proposal; }
    QString proposalText() const;
    QString statusText() const;
    QString warningText() const;
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *closeButton() const { return m_close; }
    QCheckBox *confirmBox() const { return m_confirm; }
    QCheckBox *secondConfirmBox() const { return m_confirmTwice; }

signals:
    void measurementRequested();
    // A correction ended (applied, refused, cancelled or failed), before verification.
    void correctionFinished(const chronoscope::correction::CorrectionOutcome &outcome);

private:
    void refreshProposal();
    void updateButtons();
    void onApply();
    void onFreshMeasurementNeeded();
    void onFinished(const correction::CorrectionOutcome &outcome);
    void setStatus(const QString &text);
    void fitToContents();

    correction::ClockCorrector *m_corrector;
    QLabel *m_proposalLabel;
    QLabel *m_majorityLabel;
    QLabel *m_warningLabel;
    QCheckBox *m_confirm;
    QCheckBox *m_confirmTwice;
    QLabel *m_statusLabel;
    QPushButton *m_apply;
    QPushButton *m_close;

    Stage m_stage = Stage::Proposal;
    engine::SystemStatus m_system;
    QList<engine::ServerStatus> m_servers;
    correction::CorrectionProposal m_proposal;
    std::int64_t m_measuredNs = 0;
    bool m_haveMeasurement = false;
    bool m_awaitingFresh = false;
    correction::CorrectionKind m_appliedKind = correction::CorrectionKind::None;
};

} // namespace chronoscope::ui
