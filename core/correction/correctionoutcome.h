// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QMetaType>
#include <QString>

#include "core/correction/correctionpolicy.h"
#include "core/correction/helpererror.h"
#include "core/protocol/protocol.h"

namespace chronoscope::correction {

// How one "Synchronise now" ended, in terms the UI and the CLI can report plainly.
struct CorrectionOutcome
{
    enum class Result {
        Applied,    // the clock was changed (or, with `simulated`, the helper's test clock)
        DryRun,     // the helper validated and logged the change but made none
        Refused,    // the helper (or the client's own rules) said no; `status` says why
        Cancelled,  // the user dismissed the password prompt
        Failed,     // the helper could not be run, or the OS call failed (`sysErrno`)
        Changed,    // a fresh measurement no longer matched what the user confirmed
    };
    Result result = Result::Failed;
    CorrectionKind kind = CorrectionKind::None;
    protocol::Status status = protocol::Status::Ok;  // the helper's answer, when there was one
    std::optional<HelperError> helperError;          // when the helper could not be talked to
    int sysErrno = 0;
    bool simulated = false;           // answered by the helper's in-memory test clock
    double requested = 0;             // seconds asked for (sign: positive moves forward)
    double applied = 0;               // seconds actually applied
    qint64 realtimeBeforeNs = 0;      // Unix ns, from the helper
    qint64 realtimeAfterNs = 0;
    QString detail;                   // technical detail (errno text, helper stderr, ...)

    bool changedClock() const { return result == Result::Applied && !simulated; }
};

} // namespace chronoscope::correction

Q_DECLARE_METATYPE(chronoscope::correction::CorrectionOutcome)
