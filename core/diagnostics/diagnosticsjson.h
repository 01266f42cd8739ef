// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QJsonObject>

#include "core/diagnostics/exposurefindings.h"
#include "core/diagnostics/portusage.h"
#include "core/diagnostics/reachabilityfindings.h"
#include "core/diagnostics/timeservices.h"

namespace chronoscope::diagnostics {

// JSON for `chronoscope-cli diagnose --json` (see README): seconds as numbers, unknown values
// null, never invented; stable snake_case ids for outcomes and verdicts.
QJsonObject portUsageToJson(const PortUsageFindings &findings);
QJsonObject timeServicesToJson(const TimeServicesFindings &findings);
QJsonObject reachabilityToJson(const ReachabilityFindings &findings);
QJsonObject exposureToJson(const ExposureFindings &findings);

// {"version":1,"port":{...},"time_services":{...},"reachability":{...}|null,"exposure":{...}|null}
QJsonObject diagnoseReportToJson(const PortUsageFindings &port, const TimeServicesFindings &services,
                                 const std::optional<ReachabilityFindings> &reachability,
                                 const std::optional<ExposureFindings> &exposure);

} // namespace chronoscope::diagnostics
