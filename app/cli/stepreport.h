// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/clock/correctionoutcome.h"
#include "core/clock/correctionpolicy.h"
#include "core/clock/timeservices.h"
#include "core/engine/serverstatus.h"

namespace chronoscope::cli {

// The sentences `chronoscope-cli step` prints, kept apart so that tests can read them.
// "Proposed: step the clock forward by +2.304 s (error bound ± 1.20 ms), backed by 3 of 4 servers."
QString describeProposal(const clock::CorrectionProposal &proposal);
// Why nothing is proposed.
QString describeNoCorrection(const clock::CorrectionProposal &proposal, const engine::SystemStatus &system);
// One warning paragraph per competing service, or empty.
QString describeTimeServices(const clock::TimeServiceReport &report);
// "Stepped the clock forward by +2.304 s." / "Refused by the helper: ..." / "Cancelled: ..."
QString describeOutcome(const clock::CorrectionOutcome &outcome);
// After a change: how far the clock is from the servers now.
QString describeVerification(const engine::SystemStatus &system);

} // namespace chronoscope::cli
