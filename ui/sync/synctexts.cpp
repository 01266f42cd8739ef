// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sync/synctexts.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/report/humanformat.h"
#include "core/texts/reasontexts.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

// "+2.304 s"; offsets of minutes and more also in a unit people think in: "+7200.0 s (2.0 h)".
QString seconds(double value, bool signedValue = false)
{
    QString text = report::formatSeconds(value, signedValue);
    if (std::abs(value) >= 120.0)
        text += u" ("_s + report::formatAge(std::abs(value)) + u')';
    return text;
}

} // namespace

QString SyncTexts::proposal(const correction::CorrectionProposal &p)
{
    if (p.kind == correction::CorrectionKind::Slew) {
        //: %1 signed offset ("+183 ms"), %2 error bound ("1.2 ms")
        return tr("Your clock is off by %1 (± %2). Chronoscope will slew it: the clock runs slightly "
                  "fast or slow until the difference is gone, without ever jumping.")
                .arg(seconds(p.offset, true), seconds(p.errorBound));
    }
    const QString move = p.offset >= 0 ? tr("forward") : tr("back");
    //: %1 "forward"/"back", %2 signed offset, %3 error bound
    return tr("Your clock is off by %2 (± %3). Chronoscope will step it %1 at once: the time jumps.")
            .arg(move, seconds(p.offset, true), seconds(p.errorBound));
}

QString SyncTexts::majority(const correction::CorrectionProposal &p)
{
    //: %1 agreeing servers, %2 answering servers, %3 system peer name
    QString text = tr("%1 of %2 servers agree on this time.").arg(p.majority.agreeing).arg(p.majority.answering);
    if (!p.sysPeer.isEmpty())
        text += u' ' + tr("Best server: %1.").arg(p.sysPeer);
    return text;
}

QString SyncTexts::confirmStep(const correction::CorrectionProposal &p)
{
    //: %1 signed offset ("+2.304 s")
    return tr("Yes, make the clock jump by %1").arg(seconds(p.offset, true));
}

QString SyncTexts::noCorrection(const correction::CorrectionProposal &p, const engine::SystemStatus &system)
{
    switch (p.noCorrection) {
    case correction::NoCorrectionReason::NotSynchronised:
        return tr("There is nothing to synchronise to: no majority of servers agrees on the time.")
                + (system.summary.isEmpty() ? QString() : u' ' + texts::ReasonTexts::text(system.summaryCode, system.summary));
    case correction::NoCorrectionReason::WithinErrorBound:
        return tr("Your clock is already correct to within the measurement's error bound (%1 ± %2).")
                .arg(seconds(p.offset, true), seconds(p.errorBound));
    case correction::NoCorrectionReason::TooLarge:
        return tr("The servers are more than ten years away from your clock. Check the servers before changing anything.");
    case correction::NoCorrectionReason::None: break;
    }
    return {};
}

QString SyncTexts::timeServices(const correction::CompetingTimeServices &services)
{
    QStringList lines;
    for (const QString &service : services.running) {
        if (service == u"systemd-timesyncd"_s)
            lines.append(tr("systemd-timesyncd is running and will undo this change at its next poll. "
                            "Turn it off first with “timedatectl set-ntp false”, or let it keep the clock."));
        else if (service == u"chronyd"_s)
            lines.append(tr("chronyd is running and will pull the clock back to its own estimate. "
                            "Let chrony correct the clock (“chronyc makestep”), or stop it first."));
        else
            lines.append(tr("%1 is running and will undo this change. Stop it first, or let it keep the clock.")
                                 .arg(service));
    }
    if (services.running.isEmpty() && services.kernelSynchronised)
        lines.append(tr("The kernel reports that another program already disciplines the clock; it may undo this change."));
    return lines.join(u'\n');
}

QString SyncTexts::outcome(const correction::CorrectionOutcome &o)
{
    using Result = correction::CorrectionOutcome::Result;
    const QString amount = seconds(o.applied != 0 ? o.applied : o.requested, true);
    const bool slew = o.kind == correction::CorrectionKind::Slew;
    switch (o.result) {
    case Result::Applied:
        if (o.simulated)
            return tr("Simulated: the helper's test clock was changed by %1; your clock was not.").arg(amount);
        return slew ? tr("The clock is being slewed by %1.").arg(amount) : tr("The clock was stepped by %1.").arg(amount);
    case Result::DryRun:
        return tr("Dry run: the helper accepted a change of %1 and changed nothing.").arg(amount);
    case Result::Cancelled:
        return tr("Cancelled: the password prompt was closed. The clock was not changed.");
    case Result::Changed:
        return tr("The offset changed while you confirmed it. Please review the new proposal.");
    case Result::Refused:
        switch (o.status) {
        case protocol::Status::NeedsConfirmation:
        case protocol::Status::NeedsSecondConfirmation:
            return tr("Refused: the change was not confirmed. The clock was not changed.");
        case protocol::Status::RateLimited:
            return tr("Refused: the clock was changed moments ago. Wait a few seconds and try again.");
        case protocol::Status::Stale:
            return tr("Refused: the measurement was too old when it reached the helper. Try again.");
        case protocol::Status::DateOutOfRange:
            return tr("Refused: the resulting date would be impossible (before this version was built, or after 2100).");
        default:
            //: %1 technical reason ("out_of_range")
            return tr("Refused by the helper (%1). The clock was not changed.").arg(o.detail);
        }
    case Result::Failed:
        if (o.helperError == correction::HelperError::NotAuthorised)
            return tr("Failed: you are not authorised to change the clock. The clock was not changed.");
        if (o.helperError)
            //: %1 technical detail
            return tr("Failed: the clock helper could not be used (%1). The clock was not changed.").arg(o.detail);
        //: %1 system error text, %2 errno
        return tr("Failed: the system refused the change: %1 (error %2).")
                .arg(QString::fromLocal8Bit(std::strerror(o.sysErrno)))
                .arg(o.sysErrno);
    }
    return {};
}

QString SyncTexts::verification(const engine::SystemStatus &system, correction::CorrectionKind kind)
{
    if (!system.synchronized || !system.offset)
        return tr("Verification failed: no majority of servers agreed on the time afterwards.");
    const double residual = system.errorBound ? std::max(0.0, *system.errorBound - std::abs(*system.offset)) : 0.0;
    if (kind == correction::CorrectionKind::Slew)
        //: %1 signed offset, %2 error bound
        return tr("Checked: your clock is now %1 from the servers (± %2); the slew continues in the background.")
                .arg(seconds(*system.offset, true), seconds(residual));
    return tr("Verified: your clock is now %1 from the servers (± %2).").arg(seconds(*system.offset, true), seconds(residual));
}

} // namespace chronoscope::ui
