// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "ui/charts/samplehistory.h"

namespace chronoscope::ui {

// One server as the charts know it: its name, its history and whether the user hid it.
struct ServerTrack
{
    QString name;
    SampleHistory history;
    bool hidden = false;
    quint64 revision = 0;   // bumped on every new sample, so charts re-decimate only on change
};

} // namespace chronoscope::ui
