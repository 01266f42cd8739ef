// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include "core/sysservice/timeserviceoutcome.h"
#include "core/sysservice/timeserviceplan.h"

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace chronoscope::sysservice {
class TimeServiceConfigurator;
class TimeServiceHelper;
} // namespace chronoscope::sysservice

namespace chronoscope::ui {

// Confirms and carries out "Apply Chronoscope's servers to <daemon>" or "Revert": shows which
// daemon, which file the helper writes, the exact lines (the same rendering as the helper's),
// that the previous file is backed up and restored automatically if the daemon stops or loses
// its sources; then a busy state while the helper works (password prompt, grace period) and the
// outcome in words. A plan the helper would refuse is shown with the reason and cannot be
// confirmed. GUI thread; never blocks it.
class TimeServiceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeServiceDialog)
public:
    enum class Stage { Confirm, Working, Done };

    // `helper` carries the request (ProcessTimeServiceHelper in the app); it must outlive the dialog.
    explicit TimeServiceDialog(sysservice::TimeServiceHelper *helper, QWidget *parent = nullptr);
    ~TimeServiceDialog() override;

    // Apply mode: what would be written.
    void setPlan(const sysservice::TimeServicePlan &plan);
    // Revert mode: restore the configuration from before Chronoscope's first change.
    void setRevert(sysservice::TimeServiceDaemon daemon);

    Stage stage() const { return m_stage; }
    bool isRevert() const { return m_revert; }
    QString introText() const;
    QString previewText() const;
    QString problemText() const;
    QString statusText() const;
    QPushButton *confirmButton() const { return m_confirm; }
    QPushButton *closeButton() const { return m_close; }
    QProgressBar *progressBar() const { return m_progress; }

public slots:
    // Ignored while the helper works (Escape, the window's close button): its answer must arrive.
    void reject() override;

signals:
    // The helper's work ended (applied, rolled back, refused, ...).
    void outcomeReady(const chronoscope::sysservice::TimeServiceOutcome &outcome);

private:
    void onConfirm();
    void onProgress(int elapsedSeconds);
    void onFinished(const sysservice::TimeServiceOutcome &outcome);
    void updateButtons();

    sysservice::TimeServiceConfigurator *m_configurator;
    QLabel *m_intro;
    QLabel *m_previewLabel;
    QPlainTextEdit *m_preview;
    QLabel *m_notes;
    QLabel *m_safety;
    QLabel *m_problem;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_confirm;
    QPushButton *m_close;

    Stage m_stage = Stage::Confirm;
    bool m_revert = false;
    bool m_ready = false;   // a plan without refusal, or a revert, is set
    sysservice::TimeServicePlan m_plan;
};

} // namespace chronoscope::ui
