// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/correction/correctionoutcome.h"
#include "core/correction/correctionpolicy.h"
#include "core/correction/timeservices.h"
#include "core/engine/serverstatus.h"

namespace chronoscope::cli {

// The sentences `chronoscope-cli step` prints, kept apart so that tests can read them.
// "Proposed: step the clock forward by +2.304 s (error bound ± 1.20 ms), backed by 3 of 4 servers."
QString describeProposal(const correction::CorrectionProposal &proposal);
// Why nothing is proposed.
QString describeNoCorrection(const correction::CorrectionProposal &proposal, const engine::SystemStatus &system);
// One warning paragraph per competing service, or empty.
QString describeTimeServices(const correction::CompetingTimeServices &services);
// "Stepped the clock forward by +2.304 s." / "Refused by the helper: ..." / "Cancelled: ..."
QString describeOutcome(const correction::CorrectionOutcome &outcome);
// After a change: how far the clock is from the servers now.
QString describeVerification(const engine::SystemStatus &system);

} // namespace chronoscope::cli
