// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/engine/serverstatus.h"

namespace chronoscope::texts {

// The headline sentence of core/report/headline in the user's language. Same decisions and
// numbers as report::headline() (a test holds the English texts equal), but through tr().
class HeadlineText
{
    Q_DECLARE_TR_FUNCTIONS(HeadlineText)
public:
    static QString headline(const engine::SystemStatus &system, bool anyServerReachable, bool stillMeasuring);
    static QString driftPhrase(const engine::SystemStatus &system);
};

} // namespace chronoscope::texts
