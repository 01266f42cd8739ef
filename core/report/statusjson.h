// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>

#include "core/engine/serverstatus.h"

namespace chronoscope::report {

// The JSON shapes of ARCHITECTURE.md §3. Unknown values are null, never invented.
QJsonObject serverToJson(const engine::ServerStatus &server);
QJsonObject systemToJson(const engine::SystemStatus &system);
// `check --json`: {"version":1,"servers":[...],"system":{...}}
QJsonObject checkReportToJson(const QList<engine::ServerStatus> &servers, const engine::SystemStatus &system);
// `monitor --json` lines.
QJsonObject sampleEventToJson(const engine::SampleEvent &event);
QJsonObject systemEventToJson(const engine::SystemStatus &system, const QList<engine::ServerStatus> &servers);

} // namespace chronoscope::report
