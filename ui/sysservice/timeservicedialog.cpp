// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sysservice/timeservicedialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/sysservice/timeserviceconfigurator.h"
#include "core/sysservice/timeservicepreview.h"
#include "ui/sysservice/timeservicetexts.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

namespace ts = protocol::timeservice;

TimeServiceDialog::TimeServiceDialog(sysservice::TimeServiceHelper *helper, QWidget *parent)
    : QDialog(parent)
    , m_configurator(new sysservice::TimeServiceConfigurator(helper, this))
    , m_intro(new QLabel(this))
    , m_previewLabel(new QLabel(tr("&Lines the helper will write:"), this))
    , m_preview(new QPlainTextEdit(this))
    , m_notes(new QLabel(this))
    , m_safety(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_confirm(new QPushButton(this))
    , m_close(new QPushButton(tr("Cancel"), this))
{
    for (QLabel *label : {m_intro, m_notes, m_safety, m_problem, m_status}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont bold = m_problem->font();
    bold.setBold(true);
    m_problem->setFont(bold);
    m_problem->setAccessibleName(tr("Why the servers cannot be applied"));
    m_status->setAccessibleName(tr("Result"));
    m_previewLabel->setBuddy(m_preview);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setTabChangesFocus(true);
    m_preview->setAccessibleName(tr("Lines the helper will write"));
    m_progress->setRange(0, 0);   // busy: the helper says nothing until it is done
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Working"));
    for (QWidget *widget : {static_cast<QWidget *>(m_notes), static_cast<QWidget *>(m_problem),
                            static_cast<QWidget *>(m_status), static_cast<QWidget *>(m_progress)})
        widget->hide();

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_confirm, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    // A change to the system needs a deliberate choice: Enter does not confirm it.
    m_confirm->setAutoDefault(false);
    m_close->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_previewLabel);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_notes);
    layout->addWidget(m_safety);
    layout->addWidget(m_problem);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    connect(m_confirm, &QPushButton::clicked, this, &TimeServiceDialog::onConfirm);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_configurator, &sysservice::TimeServiceConfigurator::progress, this, &TimeServiceDialog::onProgress);
    connect(m_configurator, &sysservice::TimeServiceConfigurator::finished, this, &TimeServiceDialog::onFinished);
    resize(720, 460);   // the helper's header comment fits without scrolling
    updateButtons();
}

TimeServiceDialog::~TimeServiceDialog() = default;

void TimeServiceDialog::setPlan(const sysservice::TimeServicePlan &plan)
{
    m_revert = false;
    m_plan = plan;
    m_ready = plan.ok();
    const QString daemon = sysservice::timeServiceDaemonName(plan.daemon);
    setWindowTitle(tr("Apply Chronoscope's Servers to %1").arg(daemon));
    m_confirm->setText(tr("&Apply to %1").arg(daemon));
    QString how;
    switch (plan.daemon) {
    case ts::Daemon::Chronyd: how = tr("and make chronyd reload its sources"); break;
    case ts::Daemon::Timesyncd: how = tr("and restart systemd-timesyncd"); break;
    case ts::Daemon::Ntpd: how = tr("between the lines \"# BEGIN chronoscope\" and \"# END chronoscope\", keep the rest of the file as it is, and restart ntpd"); break;
    }
    //: %1 the number of servers, %2 the file, %3 how the daemon is told
    m_intro->setText(tr("Chronoscope's helper will write %1 server(s) to %2 %3. You may be asked for an "
                        "administrator password.").arg(plan.serverNames.size()).arg(plan.path, how));
    m_preview->setPlainText(plan.ok() ? sysservice::timeServicePreview(plan) : QString());
    m_previewLabel->setVisible(plan.ok());
    m_preview->setVisible(plan.ok());
    const QString notes = TimeServiceTexts::poolNote(plan.poolNames, plan.daemon);
    m_notes->setText(notes);
    m_notes->setVisible(!notes.isEmpty());
    //: %1 the daemon
    m_safety->setText(tr("The present configuration is backed up first (once: Revert always returns to the configuration "
                         "from before Chronoscope's first change). The helper then watches %1 for 20 seconds and "
                         "restores the backup by itself if %1 stops, loses its sources or none of the servers "
                         "answers.").arg(daemon));
    m_problem->setText(plan.ok() ? QString()
                                 : tr("These servers cannot be applied: %1").arg(TimeServiceTexts::refusal(plan.refusal, plan.daemon)));
    m_problem->setVisible(!plan.ok());
    updateButtons();
}

void TimeServiceDialog::setRevert(sysservice::TimeServiceDaemon daemon)
{
    m_revert = true;
    m_ready = true;
    m_plan = {};
    m_plan.daemon = daemon;
    m_plan.path = sysservice::timeServiceConfigPath(daemon);
    const QString name = sysservice::timeServiceDaemonName(daemon);
    setWindowTitle(tr("Revert %1's Servers").arg(name));
    m_confirm->setText(tr("&Revert %1").arg(name));
    //: %1 the daemon, %2 the file
    m_intro->setText(tr("Chronoscope's helper will restore %2 as it was before Chronoscope first changed it (or remove "
                        "Chronoscope's file if there was none) and make %1 read it again. You may be asked for an "
                        "administrator password.").arg(name, m_plan.path));
    m_previewLabel->hide();
    m_preview->hide();
    m_notes->hide();
    m_safety->setText(tr("If Chronoscope never changed %1's configuration, nothing is changed.").arg(name));
    m_problem->hide();
    updateButtons();
}

QString TimeServiceDialog::introText() const
{
    return m_intro->text();
}

QString TimeServiceDialog::previewText() const
{
    return m_preview->toPlainText();
}

QString TimeServiceDialog::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

QString TimeServiceDialog::statusText() const
{
    return m_status->text();
}

void TimeServiceDialog::reject()
{
    if (m_stage == Stage::Working)
        return;
    QDialog::reject();
}

void TimeServiceDialog::onConfirm()
{
    if (m_stage != Stage::Confirm || !m_ready)
        return;
    m_stage = Stage::Working;
    m_status->show();
    m_progress->show();
    updateButtons();
    if (m_revert)
        m_configurator->revert(m_plan.daemon);
    else
        m_configurator->apply(m_plan);
}

void TimeServiceDialog::onProgress(int elapsedSeconds)
{
    m_status->setText(TimeServiceTexts::progress(m_revert ? ts::Op::RevertSources : ts::Op::ApplySources,
                                                 m_plan.daemon, elapsedSeconds));
}

void TimeServiceDialog::onFinished(const sysservice::TimeServiceOutcome &outcome)
{
    m_stage = Stage::Done;
    m_progress->hide();
    m_status->setText(TimeServiceTexts::outcome(outcome));
    m_status->show();
    updateButtons();
    m_close->setFocus();
    emit outcomeReady(outcome);
}

void TimeServiceDialog::updateButtons()
{
    m_confirm->setVisible(m_stage == Stage::Confirm);
    m_confirm->setEnabled(m_stage == Stage::Confirm && m_ready);
    // No closing while the helper works: its answer must reach the page (it re-reads the daemon).
    m_close->setEnabled(m_stage != Stage::Working);
    m_close->setText(m_stage == Stage::Confirm ? tr("Cancel") : tr("Close"));
}

} // namespace chronoscope::ui
