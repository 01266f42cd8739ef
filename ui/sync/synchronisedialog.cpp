// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sync/synchronisedialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/correction/clockcorrector.h"
#include "ui/sync/synctexts.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

SynchroniseDialog::SynchroniseDialog(correction::ClockHelper *helper, QWidget *parent)
    : QDialog(parent)
    , m_corrector(new correction::ClockCorrector(helper, this))
    , m_proposalLabel(new QLabel(this))
    , m_majorityLabel(new QLabel(this))
    , m_warningLabel(new QLabel(this))
    , m_confirm(new QCheckBox(this))
    , m_confirmTwice(new QCheckBox(this))
    , m_statusLabel(new QLabel(this))
    , m_apply(new QPushButton(tr("Synchronise"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setWindowTitle(tr("Synchronise Now"));
    for (QLabel *label : {m_proposalLabel, m_majorityLabel, m_warningLabel, m_statusLabel}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont bold = m_proposalLabel->font();
    bold.setBold(true);
    m_proposalLabel->setFont(bold);
    m_warningLabel->setVisible(false);
    m_warningLabel->setAccessibleName(tr("Competing time services"));
    m_statusLabel->setAccessibleName(tr("Result"));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_apply, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    m_apply->setDefault(false);
    m_close->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_proposalLabel);
    layout->addWidget(m_majorityLabel);
    layout->addWidget(m_warningLabel);
    layout->addWidget(m_confirm);
    layout->addWidget(m_confirmTwice);
    layout->addWidget(m_statusLabel);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_apply, &QPushButton::clicked, this, &SynchroniseDialog::onApply);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_confirm, &QCheckBox::toggled, this, &SynchroniseDialog::updateButtons);
    connect(m_confirmTwice, &QCheckBox::toggled, this, &SynchroniseDialog::updateButtons);
    connect(m_corrector, &correction::ClockCorrector::authorised, this,
            [this] { setStatus(tr("Authorised. Applying…")); });
    connect(m_corrector, &correction::ClockCorrector::freshMeasurementNeeded, this,
            &SynchroniseDialog::onFreshMeasurementNeeded);
    connect(m_corrector, &correction::ClockCorrector::finished, this, &SynchroniseDialog::onFinished);
    // Look for chronyd, ntpd, timesyncd up front (cheap: /proc and adjtimex, no privileges);
    // the owner may call setTimeServices() again with what it detected itself.
    setTimeServices(correction::detectTimeServices());
    refreshProposal();
    resize(560, 0);
    fitToContents();
}

SynchroniseDialog::~SynchroniseDialog() = default;

QString SynchroniseDialog::proposalText() const
{
    return m_proposalLabel->text();
}

QString SynchroniseDialog::statusText() const
{
    return m_statusLabel->text();
}

QString SynchroniseDialog::warningText() const
{
    return m_warningLabel->text();
}

void SynchroniseDialog::setMeasurement(const engine::SystemStatus &system, const QList<engine::ServerStatus> &servers,
                                       std::int64_t measuredMonotonicNs)
{
    if (m_stage == Stage::Applying) {
        const correction::CorrectionProposal fresh = correction::proposeCorrection(system, correction::majorityOf(servers));
        if (!m_awaitingFresh)
            return;
        m_awaitingFresh = false;
        m_system = system;
        m_servers = servers;
        m_measuredNs = measuredMonotonicNs;
        setStatus(tr("Applying…"));
        m_corrector->provideFreshMeasurement(fresh, measuredMonotonicNs);
        return;
    }
    if (m_stage == Stage::Verifying) {
        m_stage = Stage::Done;
        setStatus(statusText() + u'\n' + SyncTexts::verification(system, m_appliedKind));
        updateButtons();
        return;
    }
    m_system = system;
    m_servers = servers;
    m_measuredNs = measuredMonotonicNs;
    m_haveMeasurement = true;
    if (m_stage == Stage::Done) // a new measurement after a finished run starts over
        m_stage = Stage::Proposal;
    refreshProposal();
}

void SynchroniseDialog::setTimeServices(const correction::CompetingTimeServices &services)
{
    const QString text = SyncTexts::timeServices(services);
    m_warningLabel->setText(text);
    m_warningLabel->setVisible(!text.isEmpty());
    fitToContents();
}

void SynchroniseDialog::refreshProposal()
{
    if (!m_haveMeasurement) {
        m_proposal = {};
        m_proposalLabel->setText(tr("Measuring…"));
        m_majorityLabel->clear();
        updateButtons();
        return;
    }
    m_proposal = correction::proposeCorrection(m_system, correction::majorityOf(m_servers));
    if (m_proposal.isCorrection()) {
        m_proposalLabel->setText(SyncTexts::proposal(m_proposal));
        m_majorityLabel->setText(SyncTexts::majority(m_proposal));
    } else {
        m_proposalLabel->setText(SyncTexts::noCorrection(m_proposal, m_system));
        m_majorityLabel->setText(m_proposal.majority.answering > 0 ? SyncTexts::majority(m_proposal) : QString());
    }
    m_confirm->setText(SyncTexts::confirmStep(m_proposal));
    m_confirmTwice->setText(tr("Yes, I really mean a jump of more than an hour"));
    updateButtons();
    fitToContents();
}

void SynchroniseDialog::updateButtons()
{
    const bool proposing = m_stage == Stage::Proposal && m_proposal.isCorrection();
    m_confirm->setVisible(proposing && m_proposal.confirmationsNeeded >= 1);
    m_confirmTwice->setVisible(proposing && m_proposal.confirmationsNeeded >= 2);
    m_confirmTwice->setEnabled(m_confirm->isChecked());
    int given = 0;
    if (m_confirm->isChecked())
        ++given;
    if (given == 1 && m_confirmTwice->isChecked())
        ++given;
    m_apply->setEnabled(proposing && given >= m_proposal.confirmationsNeeded);
    m_close->setEnabled(m_stage != Stage::Applying);
    m_close->setText(m_stage == Stage::Proposal ? tr("Cancel") : tr("Close"));
    fitToContents();
}

void SynchroniseDialog::onApply()
{
    if (!m_apply->isEnabled())
        return;
    int given = m_confirm->isChecked() ? 1 : 0;
    if (given == 1 && m_confirmTwice->isChecked())
        ++given;
    m_stage = Stage::Applying;
    m_appliedKind = m_proposal.kind;
    setStatus(tr("Waiting for authorisation…"));
    updateButtons();
    m_corrector->start(m_proposal, m_measuredNs, given, /*dryRun=*/false);
}

void SynchroniseDialog::onFreshMeasurementNeeded()
{
    m_awaitingFresh = true;
    setStatus(tr("Measuring again: the first measurement is too old now…"));
    emit measurementRequested();
}

void SynchroniseDialog::onFinished(const correction::CorrectionOutcome &outcome)
{
    m_awaitingFresh = false;
    setStatus(SyncTexts::outcome(outcome));
    emit correctionFinished(outcome);
    if (outcome.result == correction::CorrectionOutcome::Result::Changed) {
        // Show the new proposal for a new decision; confirmations start over.
        m_stage = Stage::Proposal;
        m_confirm->setChecked(false);
        m_confirmTwice->setChecked(false);
        refreshProposal();
        return;
    }
    if (outcome.changedClock()) {
        m_stage = Stage::Verifying;
        setStatus(statusText() + u'\n' + tr("Verifying with a fresh measurement…"));
        updateButtons();
        emit measurementRequested();
        return;
    }
    m_stage = Stage::Done;
    updateButtons();
}

void SynchroniseDialog::setStatus(const QString &text)
{
    m_statusLabel->setText(text);
    fitToContents();
}

void SynchroniseDialog::fitToContents()
{
    // Word-wrapped labels need the height for the current width; grow, never clip.
    layout()->activate();
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

} // namespace chronoscope::ui
