// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QMetaType>
#include <QString>

#include "core/correction/helpererror.h"
#include "core/protocol/timeservice.h"

namespace chronoscope::sysservice {

// How one apply or revert through the helper ended (HELPER.md §4.5): the helper's answer as it
// came (status, reason, errno, backup, what the daemon showed) or why there was no answer
// (helperError). The GUI words it with its own translated table; timeServiceOutcomeText() is
// the English for the CLI.
struct TimeServiceOutcome
{
    enum class Result {
        Applied,        // written, the daemon took it and still has its sources
        Reverted,       // the previous configuration is back
        RolledBack,     // written, the daemon failed the check, the backup is back (reason says why)
        RollbackFailed, // ... and restoring it failed too: the administrator must act
        Refused,        // the helper (or the client, before sending) refused; nothing was written
        Failed,         // an OS call or the daemon failed; sysErrno / status say which
        NotAuthorised,  // polkit said no
        Cancelled,      // the password prompt was dismissed
        HelperMissing,  // no helper, or no pkexec
    };

    Result result = Result::Failed;
    protocol::timeservice::Op op = protocol::timeservice::Op::ApplySources;
    protocol::timeservice::Daemon daemon = protocol::timeservice::Daemon::Chronyd;
    bool answered = false;                         // the helper replied (status and below are its)
    protocol::timeservice::Status status = protocol::timeservice::Status::Ok;
    std::optional<correction::HelperError> helperError; // no reply: why
    int sysErrno = 0;
    quint16 reason = 0;                            // SourceError (InvalidSource) or RollbackReason
    QString server;                                // InvalidSource: the server's display name
    protocol::timeservice::BackupState backup = protocol::timeservice::BackupState::None;
    quint32 sourcesSeen = 0;                       // chronyd's sources at the end
    quint32 reachable = 0;                         // applied servers that answered
    bool dryRun = false;                           // the helper rendered and checked, wrote nothing
    bool testRoot = false;                         // the helper's test backend (a temporary root)
    QString detail;                                // transport detail or the helper's stderr

    bool succeeded() const { return result == Result::Applied || result == Result::Reverted; }
};

// The result for a helper reply to `op`.
TimeServiceOutcome::Result timeServiceResultFor(protocol::timeservice::Op op, protocol::timeservice::Status status);
// The result when the helper could not be asked.
TimeServiceOutcome::Result timeServiceResultFor(correction::HelperError error);

// "applied", "reverted", "rolled_back", "rollback_failed", "refused", "failed",
// "not_authorised", "cancelled", "helper_missing" (system apply --json, ARCHITECTURE.md §3.9).
QString timeServiceResultId(TimeServiceOutcome::Result result);

// One or two English sentences: what happened and, on failure, why and what to do.
QString timeServiceOutcomeText(const TimeServiceOutcome &outcome);

} // namespace chronoscope::sysservice

Q_DECLARE_METATYPE(chronoscope::sysservice::TimeServiceOutcome)
