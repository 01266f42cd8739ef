// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/engine/serverstatus.h"

namespace chronoscope::report {

// How worrying the current state is, for colouring the headline.
enum class Severity { Unknown, Good, Warning, Bad };

// The plain-language status line the GUI and CLI both show, e.g.
// "Your clock is 183 ms behind (± 12 ms) and loses about 4.0 s per day". `anyServerReachable` separates "still measuring"
// from "no server answers".
QString headline(const engine::SystemStatus &system, bool anyServerReachable, bool stillMeasuring);
Severity headlineSeverity(const engine::SystemStatus &system);
// "loses about 4.3 s per day", or empty while the drift is not yet meaningful.
QString driftPhrase(const engine::SystemStatus &system);

} // namespace chronoscope::report
