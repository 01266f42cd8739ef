// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QJsonObject>

#include "core/diagnostics/exposurereport.h"
#include "core/diagnostics/portusage.h"
#include "core/diagnostics/reachabilityreport.h"
#include "core/diagnostics/timeservices.h"

namespace chronoscope::diagnostics {

// JSON for `chronoscope-cli diagnose --json` (see README): seconds as numbers, unknown values
// null, never invented; stable snake_case ids for outcomes and verdicts.
QJsonObject portUsageToJson(const PortUsageReport &report);
QJsonObject timeServicesToJson(const TimeServicesReport &report);
QJsonObject reachabilityToJson(const ReachabilityReport &report);
QJsonObject exposureToJson(const ExposureReport &report);

// {"version":1,"port":{...},"time_services":{...},"reachability":{...}|null,"exposure":{...}|null}
QJsonObject diagnoseReportToJson(const PortUsageReport &port, const TimeServicesReport &services,
                                 const std::optional<ReachabilityReport> &reachability,
                                 const std::optional<ExposureReport> &exposure);

} // namespace chronoscope::diagnostics
