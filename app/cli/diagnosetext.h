// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

#include "core/diagnostics/exposurefindings.h"
#include "core/diagnostics/portusage.h"
#include "core/diagnostics/reachabilityfindings.h"
#include "core/diagnostics/timeservices.h"

namespace chronoscope::cli {

// The human-readable `diagnose` report: one section per check, findings in words, lines
// wrapped at 100 columns.
QString formatDiagnoseReport(const diagnostics::PortUsageFindings &port, const diagnostics::TimeServicesFindings &services,
                             const std::optional<diagnostics::ReachabilityFindings> &reachability,
                             const std::optional<diagnostics::ExposureFindings> &exposure);

} // namespace chronoscope::cli
