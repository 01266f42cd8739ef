// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>

#include "core/engine/acceptedsample.h"
#include "core/engine/rejectionsummary.h"
#include "core/engine/serverstatus.h"

namespace chronoscope::report {

// The JSON shapes of ARCHITECTURE.md §3. Unknown values are null, never invented.
QJsonObject serverToJson(const engine::ServerStatus &server);
QJsonObject systemToJson(const engine::SystemStatus &system);
// `check --json`: {"version":1,"servers":[...],"system":{...}}
QJsonObject checkReportToJson(const QList<engine::ServerStatus> &servers, const engine::SystemStatus &system);
// `monitor --json` lines.
// Monitor event lines (JSON Lines): an accepted sample, a request that ended without one, and
// the rejected datagrams of one server summarised over at least a poll interval.
QJsonObject acceptedSampleToJson(const engine::AcceptedSample &sample);
QJsonObject requestOutcomeToJson(const engine::RequestOutcome &outcome);
QJsonObject rejectionSummaryToJson(const engine::RejectionSummary &summary);
QJsonObject systemEventToJson(const engine::SystemStatus &system, const QList<engine::ServerStatus> &servers);

} // namespace chronoscope::report
