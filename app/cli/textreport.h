// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "core/engine/acceptedsample.h"
#include "core/engine/rejectionsummary.h"
#include "core/engine/serverstatus.h"

namespace chronoscope::cli {

// The human-readable table of `check` (columns like `chronyc sources`, offsets in our sign
// convention, the state in words) followed by the system line. The headline, reasons and
// summaries are in the user's language (core/texts, ARCHITECTURE.md §4); the column heads, state
// ids and numbers stay as chronyc prints them.
QString formatCheckReport(const QList<engine::ServerStatus> &servers, const engine::SystemStatus &system, double now);
// One line for `monitor` without --json.
QString formatSampleLine(const engine::AcceptedSample &sample);
QString formatFailureLine(const engine::RequestOutcome &outcome);
QString formatRejectionLine(const engine::RejectionSummary &summary);
QString formatSystemLine(const engine::SystemStatus &system);
// For an NTS server (s.nts set): who vouched for it and what was negotiated, or why NTS failed.
QString formatNtsLine(const engine::ServerStatus &s);

} // namespace chronoscope::cli
