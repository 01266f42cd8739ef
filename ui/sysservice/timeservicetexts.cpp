// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sysservice/timeservicetexts.h"

#include <cstring>

#include "core/protocol/timeservicenames.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

namespace ts = protocol::timeservice;
using Result = sysservice::TimeServiceOutcome::Result;

namespace {

QString nameOf(sysservice::TimeServiceDaemon daemon)
{
    return sysservice::timeServiceDaemonName(daemon);
}

QString errnoText(int error)
{
    return error == 0 ? QString() : u" ("_s + QString::fromLocal8Bit(std::strerror(error)) + u")"_s;
}

} // namespace

QString TimeServiceTexts::refusal(const sysservice::TimeServiceRefusal &r, sysservice::TimeServiceDaemon daemon)
{
    const QString name = nameOf(daemon);
    QString why;
    if (r.option == u"ntsport"_s) {
        //: %1 a TCP port number, %2 the daemon ("chronyd")
        why = tr("the NTS-KE port %1 cannot be written to %2's configuration (only the default port, 4460)")
                      .arg(r.value).arg(name);
    } else if (!r.option.isEmpty()) {
        //: %1 an option word kept in English ("noselect", "trust", "require"), %2 the daemon
        why = tr("the option \"%1\" cannot be written to %2's configuration; remove it from the server to apply the "
                 "list").arg(r.option, name);
    } else {
        switch (r.sourceError) {
        case ts::SourceError::None: return {};
        case ts::SourceError::NoServers: why = tr("the server list is empty"); break;
        case ts::SourceError::TooManyServers:
            why = tr("%1 servers are more than the %2 that can be applied at once").arg(r.value).arg(ts::MAX_SERVERS);
            break;
        case ts::SourceError::EmptyHost: why = tr("the host name is empty"); break;
        case ts::SourceError::HostTooLong:
            why = tr("the host name is longer than %1 characters").arg(ts::MAX_HOST_LENGTH);
            break;
        case ts::SourceError::BadHostCharacter:
            why = tr("a host name may contain only letters, digits, \"-\" and \".\" (or be an IP address)");
            break;
        case ts::SourceError::BadHostLabel:
            why = tr("this is not a valid host name (an empty or over-long part, \"-\" at either end, or only digits at "
                     "the end)");
            break;
        case ts::SourceError::BadAddress: why = tr("this is not a valid IP address"); break;
        case ts::SourceError::PollOutOfRange:
            why = tr("the poll interval %1 is outside %2…%3 (log2 seconds)").arg(r.value).arg(ts::MIN_POLL).arg(ts::MAX_POLL);
            break;
        case ts::SourceError::PollOrder: why = tr("minpoll is above maxpoll"); break;
        case ts::SourceError::PollTooFrequent:
            why = tr("minpoll %1 is below %2 (64 s), which is allowed only for servers on this computer")
                          .arg(r.value).arg(ts::MIN_POLL_PUBLIC);
            break;
        case ts::SourceError::PollWithoutFlag: why = tr("the poll fields are inconsistent"); break;
        case ts::SourceError::NtsWithKey: why = tr("NTS and a symmetric key exclude each other"); break;
        case ts::SourceError::KeyOutOfRange:
            why = tr("key %1 is above ntpd's largest key number, %2").arg(r.value).arg(ts::MAX_NTPD_KEY_ID);
            break;
        case ts::SourceError::NotSupportedByDaemon:
            why = daemon == ts::Daemon::Timesyncd
                    ? tr("systemd-timesyncd takes host names only: no port, key, NTS, prefer or poll options")
                    : tr("ntpd's configuration has no port option: only servers on port 123 can be applied");
            break;
        case ts::SourceError::DuplicateHost: why = tr("the server is in the list twice"); break;
        }
    }
    if (r.server.isEmpty())
        return why;
    //: %1 a server ("ntp1.example"), %2 why it cannot be applied
    return tr("%1: %2").arg(r.server, why);
}

QString TimeServiceTexts::outcome(const sysservice::TimeServiceOutcome &o)
{
    const QString name = nameOf(o.daemon);
    auto rollbackWhy = [&]() -> QString {
        switch (ts::RollbackReason(o.reason)) {
        case ts::RollbackReason::DaemonStopped: return tr("%1 stopped running").arg(name);
        case ts::RollbackReason::NoSources: return tr("%1 had no sources left").arg(name);
        case ts::RollbackReason::SourcesMissing: return tr("%1 did not take every server").arg(name);
        case ts::RollbackReason::NoneReachable: return tr("none of the servers answered %1 in the grace period").arg(name);
        case ts::RollbackReason::RestartFailed: return tr("restarting %1 failed").arg(name);
        case ts::RollbackReason::ReloadFailed: return tr("%1 did not reload its sources").arg(name);
        case ts::RollbackReason::None: break;
        }
        return tr("the check after the change failed");
    };
    switch (o.result) {
    case Result::Applied:
        if (o.dryRun)
            return tr("Dry run: the helper checked the servers for %1; nothing was written.").arg(name);
        if (o.daemon != ts::Daemon::Chronyd) // only watched for staying up (HELPER.md §4.6)
            return tr("Applied: %1 now uses Chronoscope's servers and kept running through the check.").arg(name);
        //: %1 the daemon, %2 how many of the applied servers answered
        return tr("Applied: %1 now uses Chronoscope's servers; %2 of them answered.").arg(name).arg(o.reachable);
    case Result::Reverted:
        return o.dryRun ? tr("Dry run: %1's previous configuration could be restored; nothing was written.").arg(name)
                        : tr("Reverted: %1's configuration from before Chronoscope's change is back.").arg(name);
    case Result::RolledBack:
        //: %1 why ("chronyd had no sources left")
        return tr("Rolled back because %1. The previous configuration is back; nothing else changed.").arg(rollbackWhy());
    case Result::RollbackFailed:
        return tr("Rolling back failed after %1%2. Check %3's configuration by hand: the system log "
                  "(journalctl -t chronoscope-helper) names the file.").arg(rollbackWhy(), errnoText(o.sysErrno), name);
    case Result::Refused: {
        const QString prefix = o.op == ts::Op::RevertSources ? tr("Not reverted:") : tr("Not applied:");
        QString why;
        if (!o.answered) {
            why = o.detail;
        } else {
            switch (o.status) {
            case ts::Status::InvalidSource: {
                sysservice::TimeServiceRefusal helperRefusal;
                helperRefusal.sourceError = ts::SourceError(o.reason);
                helperRefusal.server = o.server;
                why = refusal(helperRefusal, o.daemon);
                break;
            }
            case ts::Status::ConfigMissing: why = tr("%1's configuration directory or file does not exist").arg(name); break;
            case ts::Status::NotIncluded:
                why = tr("chrony.conf has no \"sourcedir /etc/chrony/sources.d\" line, so chronyd would never read the "
                         "file; add that line first");
                break;
            case ts::Status::UnsafePath:
                why = tr("the file or its directory is a symbolic link or not a regular file");
                break;
            case ts::Status::DaemonNotRunning: why = tr("%1 is not running").arg(name); break;
            case ts::Status::NothingToRevert:
                why = tr("there is no earlier configuration from Chronoscope to restore");
                break;
            default: {
                const std::string_view id = ts::statusName(o.status);
                //: %1 a status id kept in English ("malformed")
                why = tr("the helper did not accept the request (%1)").arg(
                        QString::fromLatin1(id.data(), qsizetype(id.size())));
                break;
            }
            }
        }
        return prefix + u' ' + why;
    }
    case Result::Failed:
        if (o.answered && o.op == ts::Op::RevertSources && o.status == ts::Status::DaemonNotRunning)
            return tr("The previous configuration is back in the file, but %1 is not running and did not read it: "
                      "start %1 by hand.").arg(name);
        if (o.answered && o.op == ts::Op::RevertSources && o.status == ts::Status::DaemonRefused)
            return tr("The previous configuration is back in the file, but %1 refused to read it: restart %1 by "
                      "hand.").arg(name);
        if (o.answered && o.status == ts::Status::NotWritable)
            return tr("Failed: the configuration cannot be written%1.").arg(errnoText(o.sysErrno));
        if (o.answered && o.status == ts::Status::DaemonRefused)
            return tr("Failed: %1 refused to reload its sources.").arg(name);
        if (o.answered)
            return tr("Failed: an operating system call failed%1.").arg(errnoText(o.sysErrno));
        //: %1 what went wrong, in English from the helper client
        return tr("Failed: %1.").arg(o.detail.isEmpty() ? tr("the helper did not answer") : o.detail);
    case Result::NotAuthorised: return tr("Not authorised: an administrator has to allow this.");
    case Result::Cancelled: return tr("Cancelled: the authentication dialog was dismissed. Nothing was changed.");
    case Result::HelperMissing:
        //: %1 the detail ("the helper is not installed at /usr/libexec/...")
        return tr("The helper is missing: %1.").arg(o.detail.isEmpty() ? tr("reinstall Chronoscope") : o.detail);
    }
    return {};
}

QString TimeServiceTexts::progress(ts::Op op, sysservice::TimeServiceDaemon daemon, int elapsedSeconds)
{
    //: %1 the daemon, %2 elapsed seconds
    if (op == ts::Op::RevertSources)
        return tr("Restoring %1's previous configuration… (%2 s)").arg(nameOf(daemon)).arg(elapsedSeconds);
    return tr("Waiting for authorisation, then writing the file and watching %1 for up to 20 s, rolling back if it "
              "loses its sources… (%2 s)").arg(nameOf(daemon)).arg(elapsedSeconds);
}

QString TimeServiceTexts::poolNote(const QStringList &pools, sysservice::TimeServiceDaemon daemon)
{
    if (pools.isEmpty())
        return {};
    //: %1 pool names, %2 the daemon
    return tr("Pools are written as single servers: %2 will use one address of %1.").arg(pools.join(u", "_s),
                                                                                        nameOf(daemon));
}

} // namespace chronoscope::ui
