// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/timeserviceoutcome.h"

#include <cstring>

#include "core/protocol/timeservicenames.h"
#include "core/sysservice/timeserviceplan.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

namespace ts = protocol::timeservice;
using Result = TimeServiceOutcome::Result;

TimeServiceOutcome::Result timeServiceResultFor(ts::Op op, ts::Status status)
{
    // A revert restores the file even when the daemon then does not read it (HELPER.md §4.6).
    if (op == ts::Op::RevertSources && (status == ts::Status::DaemonNotRunning || status == ts::Status::DaemonRefused))
        return Result::Failed;
    switch (status) {
    case ts::Status::Ok: return op == ts::Op::RevertSources ? Result::Reverted : Result::Applied;
    case ts::Status::RolledBack: return Result::RolledBack;
    case ts::Status::RollbackFailed: return Result::RollbackFailed;
    case ts::Status::NotWritable:
    case ts::Status::DaemonRefused:
    case ts::Status::Failed: return Result::Failed;
    case ts::Status::Malformed:
    case ts::Status::UnsupportedVersion:
    case ts::Status::UnknownOp:
    case ts::Status::NotPermitted:
    case ts::Status::Truncated:
    case ts::Status::InvalidSource:
    case ts::Status::ConfigMissing:
    case ts::Status::NotIncluded:
    case ts::Status::UnsafePath:
    case ts::Status::DaemonNotRunning:
    case ts::Status::NothingToRevert: return Result::Refused;
    }
    return Result::Failed;
}

TimeServiceOutcome::Result timeServiceResultFor(correction::HelperError error)
{
    switch (error) {
    case correction::HelperError::NotInstalled: return Result::HelperMissing;
    case correction::HelperError::Cancelled: return Result::Cancelled;
    case correction::HelperError::NotAuthorised: return Result::NotAuthorised;
    case correction::HelperError::RefusedToStart:
    case correction::HelperError::Crashed:
    case correction::HelperError::Timeout:
    case correction::HelperError::BadReply:
    case correction::HelperError::ServiceNotRunning: return Result::Failed;
    }
    return Result::Failed;
}

QString timeServiceResultId(Result result)
{
    switch (result) {
    case Result::Applied: return u"applied"_s;
    case Result::Reverted: return u"reverted"_s;
    case Result::RolledBack: return u"rolled_back"_s;
    case Result::RollbackFailed: return u"rollback_failed"_s;
    case Result::Refused: return u"refused"_s;
    case Result::Failed: return u"failed"_s;
    case Result::NotAuthorised: return u"not_authorised"_s;
    case Result::Cancelled: return u"cancelled"_s;
    case Result::HelperMissing: return u"helper_missing"_s;
    }
    return u"failed"_s;
}

namespace {

QString errnoText(int error)
{
    return error == 0 ? QString() : u" ("_s + QString::fromLocal8Bit(std::strerror(error)) + u")"_s;
}

QString rollbackWhy(ts::RollbackReason reason, const QString &daemon)
{
    switch (reason) {
    case ts::RollbackReason::None: return u"the check failed"_s;
    case ts::RollbackReason::DaemonStopped: return u"%1 stopped running"_s.arg(daemon);
    case ts::RollbackReason::NoSources: return u"%1 had no sources left"_s.arg(daemon);
    case ts::RollbackReason::SourcesMissing: return u"%1 did not take every server"_s.arg(daemon);
    case ts::RollbackReason::NoneReachable: return u"none of the servers answered %1 in the grace period"_s.arg(daemon);
    case ts::RollbackReason::RestartFailed: return u"restarting %1 failed"_s.arg(daemon);
    case ts::RollbackReason::ReloadFailed: return u"%1 did not reload its sources"_s.arg(daemon);
    }
    return u"the check failed"_s;
}

QString refusalWhy(const TimeServiceOutcome &o, const QString &daemon)
{
    switch (o.status) {
    case ts::Status::InvalidSource: {
        TimeServiceRefusal refusal;
        refusal.sourceError = ts::SourceError(o.reason);
        refusal.server = o.server;
        return timeServiceRefusalText(refusal, o.daemon);
    }
    case ts::Status::ConfigMissing: return u"%1's configuration directory or file does not exist"_s.arg(daemon);
    case ts::Status::NotIncluded:
        return u"chrony.conf has no 'sourcedir /etc/chrony/sources.d' line, so chronyd would never read the file"_s;
    case ts::Status::UnsafePath: return u"the file or its directory is a symbolic link or not a regular file"_s;
    case ts::Status::DaemonNotRunning: return u"%1 is not running"_s.arg(daemon);
    case ts::Status::NothingToRevert: return u"there is no earlier configuration from Chronoscope to restore"_s;
    case ts::Status::NotPermitted: return u"the helper was not started for this operation"_s;
    default: return u"the helper did not accept the request (%1)"_s.arg(QString::fromLatin1(ts::statusName(o.status)));
    }
}

} // namespace

QString timeServiceOutcomeText(const TimeServiceOutcome &o)
{
    const QString daemon = timeServiceDaemonName(o.daemon);
    const bool revert = o.op == ts::Op::RevertSources;
    QString text;
    switch (o.result) {
    case Result::Applied:
        text = o.dryRun ? u"Dry run: the helper checked the servers for %1; nothing was written."_s.arg(daemon)
                        : o.daemon == ts::Daemon::Chronyd
                        ? u"Applied: %1 uses Chronoscope's servers (%2 answered)."_s.arg(daemon).arg(o.reachable)
                        // timesyncd and ntpd are only watched for staying up (HELPER.md §4.6).
                        : u"Applied: %1 uses Chronoscope's servers and kept running through the check."_s.arg(daemon);
        break;
    case Result::Reverted:
        text = o.dryRun ? u"Dry run: %1's previous configuration could be restored; nothing was written."_s.arg(daemon)
                        : u"Reverted: %1's previous configuration is back."_s.arg(daemon);
        break;
    case Result::RolledBack:
        text = u"Rolled back because %1; the previous configuration is back."_s.arg(
                rollbackWhy(ts::RollbackReason(o.reason), daemon));
        break;
    case Result::RollbackFailed:
        text = u"Rolling back failed after %1%2: check %3's configuration by hand."_s.arg(
                rollbackWhy(ts::RollbackReason(o.reason), daemon), errnoText(o.sysErrno), daemon);
        break;
    case Result::Refused:
        if (o.answered)
            text = (revert ? u"Not reverted: "_s : u"Not applied: "_s) + refusalWhy(o, daemon) + u"."_s;
        else
            text = (revert ? u"Not reverted: "_s : u"Not applied: "_s) + o.detail + u"."_s;
        break;
    case Result::Failed:
        if (o.answered && revert && (o.status == ts::Status::DaemonNotRunning || o.status == ts::Status::DaemonRefused))
            text = u"The previous configuration is back in the file, but %1 did not read it (%2): restart %1 by hand."_s
                           .arg(daemon, o.status == ts::Status::DaemonNotRunning ? u"not running"_s : u"it refused"_s);
        else if (o.answered && o.status == ts::Status::NotWritable)
            text = u"Failed: the configuration cannot be written%1."_s.arg(errnoText(o.sysErrno));
        else if (o.answered && o.status == ts::Status::DaemonRefused)
            text = u"Failed: %1 refused to reload its sources."_s.arg(daemon);
        else if (o.answered)
            text = u"Failed: %1%2."_s.arg(QString::fromLatin1(ts::statusName(o.status)), errnoText(o.sysErrno));
        else
            text = u"Failed: %1."_s.arg(o.detail.isEmpty() ? u"the helper did not answer"_s : o.detail);
        break;
    case Result::NotAuthorised: text = u"Not authorised: an administrator has to allow this."_s; break;
    case Result::Cancelled: text = u"Cancelled: the authentication dialog was dismissed."_s; break;
    case Result::HelperMissing:
        text = u"The helper is missing: %1."_s.arg(o.detail.isEmpty() ? u"reinstall Chronoscope"_s : o.detail);
        break;
    }
    return text;
}

} // namespace chronoscope::sysservice
