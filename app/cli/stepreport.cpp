// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/stepreport.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/report/humanformat.h"
#include "core/texts/reasontexts.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {
namespace {

QString direction(double offset)
{
    return offset >= 0 ? u"forward"_s : u"back"_s;
}

QString refusalReason(protocol::Status status)
{
    switch (status) {
    case protocol::Status::NeedsConfirmation: return u"the step needs your confirmation (--yes)"_s;
    case protocol::Status::NeedsSecondConfirmation:
        return u"a step of more than an hour needs a second confirmation (--yes-very-large)"_s;
    case protocol::Status::OutOfRange: return u"the correction is outside what the helper allows"_s;
    case protocol::Status::DateOutOfRange:
        return u"the resulting date would be before this program was built or after 2100"_s;
    case protocol::Status::Stale: return u"the measurement was too old by the time it reached the helper"_s;
    case protocol::Status::RateLimited: return u"the clock was changed moments ago; wait a few seconds"_s;
    case protocol::Status::NotPermitted: return u"the helper was started for another kind of change"_s;
    case protocol::Status::Malformed:
    case protocol::Status::UnsupportedVersion:
    case protocol::Status::UnknownOp:
    case protocol::Status::Truncated: return u"the helper did not understand the request (version mismatch?)"_s;
    case protocol::Status::Ok:
    case protocol::Status::Failed: break;
    }
    return u"refused"_s;
}

QString helperErrorText(correction::HelperError error)
{
    switch (error) {
    case correction::HelperError::NotInstalled: return u"the clock helper could not be started"_s;
    case correction::HelperError::Cancelled: return u"the password prompt was closed"_s;
    case correction::HelperError::NotAuthorised: return u"you are not authorised to change the clock"_s;
    case correction::HelperError::RefusedToStart: return u"the helper refused to start"_s;
    case correction::HelperError::Crashed: return u"the helper stopped without answering"_s;
    case correction::HelperError::Timeout: return u"the helper did not answer in time"_s;
    case correction::HelperError::BadReply: return u"the helper's answer was not understood"_s;
    case correction::HelperError::ServiceNotRunning: return u"the clock helper service is not running"_s;
    }
    return u"unknown error"_s;
}

} // namespace

QString describeProposal(const correction::CorrectionProposal &p)
{
    const QString verb = p.kind == correction::CorrectionKind::Slew ? u"slew"_s : u"step"_s;
    QString text = u"Proposed: %1 the clock %2 by %3 (error bound ± %4), backed by %5 of %6 servers"_s.arg(
            verb, direction(p.offset), report::formatSeconds(p.offset, true), report::formatSeconds(p.errorBound))
                           .arg(p.majority.agreeing).arg(p.majority.answering);
    if (!p.sysPeer.isEmpty())
        text += u" (system peer %1)"_s.arg(p.sysPeer);
    text += u"."_s;
    if (p.kind == correction::CorrectionKind::Slew)
        text += u"\nA slew lets the kernel run the clock slightly fast or slow until the offset is gone "
                "(about 2000 s per second of offset); time never jumps."_s;
    else
        text += u"\nA step makes the clock jump at once."_s;
    return text;
}

QString describeNoCorrection(const correction::CorrectionProposal &p, const engine::SystemStatus &system)
{
    switch (p.noCorrection) {
    case correction::NoCorrectionReason::NotSynchronised:
        return u"No correction: no majority of servers agrees on the time%1."_s.arg(
                system.summary.isEmpty() ? QString()
                                         : u" (%1)"_s.arg(texts::ReasonTexts::text(system.summaryCode, system.summary)));
    case correction::NoCorrectionReason::WithinErrorBound:
        return u"Nothing to do: the clock is within the measurement's error bound (offset %1, ± %2)."_s.arg(
                report::formatSeconds(p.offset, true), report::formatSeconds(p.errorBound));
    case correction::NoCorrectionReason::TooLarge:
        return u"No correction: an offset of %1 is more than ten years; check the servers."_s.arg(
                report::formatSeconds(p.offset, true));
    case correction::NoCorrectionReason::None: break;
    }
    return {};
}

QString describeTimeServices(const correction::CompetingTimeServices &services)
{
    QStringList lines;
    for (const QString &service : services.running)
        lines.append(u"Warning: "_s + correction::timeServiceAdvice(service));
    if (services.running.isEmpty() && services.kernelSynchronised)
        lines.append(u"Warning: the kernel reports that something is already disciplining the clock "
                     "(adjtimex status); it may undo this change."_s);
    return lines.join(u'\n');
}

QString describeOutcome(const correction::CorrectionOutcome &o)
{
    using Result = correction::CorrectionOutcome::Result;
    const QString amount = report::formatSeconds(o.applied != 0 ? o.applied : o.requested, true);
    const bool slew = o.kind == correction::CorrectionKind::Slew;
    switch (o.result) {
    case Result::Applied:
        if (o.simulated)
            return u"Simulated: the helper's test clock was %1 by %2; the system clock was not touched."_s.arg(
                    slew ? u"slewed"_s : u"stepped"_s, amount);
        return slew ? u"Slewing the clock by %1: the kernel finishes it gradually."_s.arg(amount)
                    : u"Stepped the clock %1 by %2."_s.arg(direction(o.applied), amount);
    case Result::DryRun:
        return u"Dry run: the helper accepted a %1 of %2 and changed nothing."_s.arg(slew ? u"slew"_s : u"step"_s,
                                                                                    amount);
    case Result::Refused:
        return u"Refused: %1."_s.arg(refusalReason(o.status));
    case Result::Cancelled:
        return u"Cancelled: %1; the clock was not changed."_s.arg(helperErrorText(
                o.helperError.value_or(correction::HelperError::Cancelled)));
    case Result::Changed:
        return u"Not applied: the offset changed after you confirmed it (%1); run the command again."_s.arg(o.detail);
    case Result::Failed:
        if (o.helperError)
            return u"Failed: %1 (%2); the clock was not changed."_s.arg(helperErrorText(*o.helperError), o.detail);
        return u"Failed: the system refused the change: %1 (errno %2)."_s.arg(
                QString::fromLocal8Bit(std::strerror(o.sysErrno))).arg(o.sysErrno);
    }
    return {};
}

QString describeVerification(const engine::SystemStatus &system)
{
    if (!system.synchronized || !system.offset)
        return u"Verification failed: no majority of servers agreed on the time afterwards."_s;
    const double residual = system.errorBound ? std::max(0.0, *system.errorBound - std::abs(*system.offset)) : 0.0;
    return u"Verified: the clock is now %1 from the servers' time (error bound ± %2)."_s.arg(
            report::formatSeconds(*system.offset, true), report::formatSeconds(residual));
}

} // namespace chronoscope::cli
