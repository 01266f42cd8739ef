// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/sysservice/timeserviceoutcome.h"
#include "core/sysservice/timeserviceplan.h"

namespace chronoscope::ui {

// The translated sentences of applying Chronoscope's servers to the system's time service and
// reverting them (the English for the CLI is core's timeServiceRefusalText /
// timeServiceOutcomeText; ARCHITECTURE.md §4: the GUI shows ids through its own table).
class TimeServiceTexts
{
    Q_DECLARE_TR_FUNCTIONS(TimeServiceTexts)
public:
    static QString refusal(const sysservice::TimeServiceRefusal &refusal, sysservice::TimeServiceDaemon daemon);
    static QString outcome(const sysservice::TimeServiceOutcome &outcome);
    static QString progress(protocol::timeservice::Op op, sysservice::TimeServiceDaemon daemon, int elapsedSeconds);
    static QString poolNote(const QStringList &pools, sysservice::TimeServiceDaemon daemon);
};

} // namespace chronoscope::ui
