// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

#include "core/diagnostics/exposurereport.h"
#include "core/diagnostics/portusage.h"
#include "core/diagnostics/reachabilityreport.h"
#include "core/diagnostics/timeservices.h"

namespace chronoscope::cli {

// The human-readable `diagnose` report: one section per check, findings in words, lines
// wrapped at 100 columns.
QString formatDiagnoseReport(const diagnostics::PortUsageReport &port, const diagnostics::TimeServicesReport &services,
                             const std::optional<diagnostics::ReachabilityReport> &reachability,
                             const std::optional<diagnostics::ExposureReport> &exposure);

} // namespace chronoscope::cli
