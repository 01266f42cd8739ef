// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QList>

#include "app/cli/clioptions.h"
#include "core/engine/serverstatus.h"

namespace chronoscope::cli {

// One round of measurements, as `check` makes it: every server `samples` times, then selection.
struct OneShotMeasurement
{
    QList<engine::ServerStatus> servers;
    engine::SystemStatus system;
    std::int64_t monotonicNs = 0;   // CLOCK_MONOTONIC when the engine finished (the offset's age)
    bool timedOut = false;
};

// Runs the engine in its own thread and waits in a local event loop, so it can be called from
// inside another event loop (e.g. when the helper asks for a fresh measurement).
OneShotMeasurement measureOnce(const CliOptions &options);

} // namespace chronoscope::cli
