// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/engine/serverstatus.h"

namespace chronoscope::texts {

// The plain-language status line the GUI and the CLI's text output both show, in the user's
// language, e.g. "Your clock is 183 ms behind (± 12.0 ms) and loses about 4.0 s per day".
// `anyServerReachable` separates "still measuring" from "no server answers". Its colour is
// report::headlineSeverity().
class HeadlineText
{
    Q_DECLARE_TR_FUNCTIONS(HeadlineText)
public:
    static QString headline(const engine::SystemStatus &system, bool anyServerReachable, bool stillMeasuring);
    // "loses about 4.3 s per day", or empty while the drift is not yet meaningful.
    static QString driftPhrase(const engine::SystemStatus &system);
};

} // namespace chronoscope::texts
