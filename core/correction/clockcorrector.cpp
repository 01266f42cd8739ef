// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/correction/clockcorrector.h"

#include <chrono>
#include <cmath>
#include <cstring>

#include <QRandomGenerator>

#include "core/correction/clockhelper.h"
#include "core/protocol/limits.h"
#include "core/protocol/names.h"

using namespace Qt::StringLiterals;

namespace chronoscope::correction {

ClockCorrector::ClockCorrector(ClockHelper *helper, QObject *parent)
    : QObject(parent)
    , m_helper(helper)
    , m_maxAgeMs(int(protocol::limits::MAX_MEASUREMENT_AGE_MS) - 1000)
{
    connect(m_helper, &ClockHelper::replied, this, &ClockCorrector::onReplied);
    connect(m_helper, &ClockHelper::failed, this, &ClockCorrector::onFailed);
}

ClockCorrector::~ClockCorrector() = default;

std::int64_t ClockCorrector::monotonicNowNs()
{
    // libstdc++'s steady_clock is CLOCK_MONOTONIC, the clock the helper compares against.
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch()).count();
}

void ClockCorrector::start(const CorrectionProposal &proposal, std::int64_t measuredMonotonicNs,
                           int confirmationsGiven, bool dryRun)
{
    m_proposal = proposal;
    m_measuredNs = measuredMonotonicNs;
    m_confirmations = confirmationsGiven;
    m_dryRun = dryRun;
    m_requestId = QRandomGenerator::global()->generate64() | 1u;

    CorrectionOutcome outcome;
    outcome.kind = proposal.kind;
    outcome.requested = proposal.offset;
    if (!proposal.isCorrection()) {
        outcome.result = CorrectionOutcome::Result::Refused;
        outcome.detail = u"nothing to correct"_s;
        m_stage = Stage::Hello; // so that finish() runs its usual path
        finish(outcome);
        return;
    }
    if (confirmationsGiven < proposal.confirmationsNeeded) {
        outcome.result = CorrectionOutcome::Result::Refused;
        outcome.status = proposal.confirmationsNeeded == 2 && confirmationsGiven == 1
                ? protocol::Status::NeedsSecondConfirmation : protocol::Status::NeedsConfirmation;
        outcome.detail = u"not confirmed"_s;
        m_stage = Stage::Hello;
        finish(outcome);
        return;
    }
    m_stage = Stage::Hello;
    m_helper->open(proposal.kind == CorrectionKind::Step ? protocol::Verb::Step : protocol::Verb::Slew, dryRun);
    protocol::Request hello;
    hello.op = protocol::Op::Hello;
    hello.requestId = m_requestId;
    m_helper->send(hello);
}

void ClockCorrector::provideFreshMeasurement(const CorrectionProposal &proposal, std::int64_t measuredMonotonicNs)
{
    if (m_stage != Stage::AwaitingMeasurement)
        return;
    if (proposal.kind != m_proposal.kind || proposal.confirmationsNeeded > m_confirmations) {
        CorrectionOutcome outcome;
        outcome.result = CorrectionOutcome::Result::Changed;
        outcome.kind = m_proposal.kind;
        outcome.requested = proposal.offset;
        outcome.detail = u"the offset changed from %1 s to %2 s since it was confirmed"_s.arg(
                m_proposal.offset, 0, 'f', 6).arg(proposal.offset, 0, 'f', 6);
        finish(outcome);
        return;
    }
    m_proposal = proposal;
    m_measuredNs = measuredMonotonicNs;
    sendChange();
}

void ClockCorrector::sendChange()
{
    m_stage = Stage::Change;
    protocol::Request request;
    request.op = m_proposal.kind == CorrectionKind::Step ? protocol::Op::Step : protocol::Op::Slew;
    request.requestId = ++m_requestId;
    request.offsetNs = std::llround(m_proposal.offset * 1e9);
    request.errorBoundNs = std::llround(m_proposal.errorBound * 1e9);
    request.measuredMonoNs = std::uint64_t(m_measuredNs);
    request.maxAgeMs = protocol::limits::MAX_MEASUREMENT_AGE_MS;
    request.flags = m_proposal.requestFlags();
    m_helper->send(request);
}

void ClockCorrector::onReplied(const protocol::Response &response)
{
    CorrectionOutcome outcome;
    outcome.kind = m_proposal.kind;
    outcome.requested = m_proposal.offset;
    outcome.status = response.status;
    outcome.sysErrno = response.sysErrno;
    outcome.simulated = (response.flags & protocol::RESPONSE_SIMULATED) != 0;
    outcome.realtimeBeforeNs = response.realtimeBeforeNs;
    outcome.realtimeAfterNs = response.realtimeAfterNs;
    if (response.status != protocol::Status::Ok) {
        outcome.result = response.status == protocol::Status::Failed ? CorrectionOutcome::Result::Failed
                                                                     : CorrectionOutcome::Result::Refused;
        outcome.detail = QString::fromLatin1(protocol::statusName(response.status));
        if (response.sysErrno != 0)
            outcome.detail += u": "_s + QString::fromLocal8Bit(std::strerror(response.sysErrno));
        finish(outcome);
        return;
    }
    if (m_stage == Stage::Hello) {
        emit authorised();
        // The helper's own bounds (fixed when it was built) may ask for more confirmations than
        // the defaults the proposal was made with: stop before any change is sent, and say so.
        const CorrectionLimits helperLimits = CorrectionLimits::fromHelper(response.info);
        if (const int needed = confirmationsNeeded(m_proposal, helperLimits); needed > m_confirmations) {
            outcome.result = CorrectionOutcome::Result::Refused;
            outcome.status = needed == 2 && m_confirmations == 1 ? protocol::Status::NeedsSecondConfirmation
                                                                : protocol::Status::NeedsConfirmation;
            outcome.detail = u"this helper asks for %1 confirmation(s) of steps above %2 s"_s.arg(needed).arg(
                    helperLimits.veryLargeStep);
            finish(outcome);
            return;
        }
        const std::int64_t ageNs = monotonicNowNs() - m_measuredNs;
        if (ageNs > std::int64_t(m_maxAgeMs) * 1'000'000) {
            m_stage = Stage::AwaitingMeasurement;
            emit freshMeasurementNeeded();
        } else {
            sendChange();
        }
        return;
    }
    if (m_stage != Stage::Change)
        return;
    outcome.applied = double(response.appliedNs) / 1e9;
    outcome.result = (response.flags & protocol::RESPONSE_DRY_RUN) ? CorrectionOutcome::Result::DryRun
                                                                   : CorrectionOutcome::Result::Applied;
    finish(outcome);
}

void ClockCorrector::onFailed(HelperError error, const QString &detail)
{
    if (m_stage == Stage::Idle)
        return;
    CorrectionOutcome outcome;
    outcome.kind = m_proposal.kind;
    outcome.requested = m_proposal.offset;
    outcome.helperError = error;
    outcome.result = error == HelperError::Cancelled ? CorrectionOutcome::Result::Cancelled
                                                     : CorrectionOutcome::Result::Failed;
    outcome.detail = detail;
    finish(outcome);
}

void ClockCorrector::finish(CorrectionOutcome outcome)
{
    if (m_stage == Stage::Idle)
        return;
    m_stage = Stage::Idle;
    m_helper->close();
    if (outcome.detail.isEmpty())
        outcome.detail = m_helper->diagnostics().trimmed();
    emit finished(outcome);
}

} // namespace chronoscope::correction
