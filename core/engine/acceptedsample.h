// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace chronoscope::engine {

// One reply that became a sample: the event that feeds charts and exports. Emitted once per
// accepted reply (at most once per request), never inferred from counters.
// Offsets signed as in core/ntp/clockmath.h (positive: local clock behind); all in seconds.
struct AcceptedSample
{
    int serverId = -1;
    QString serverName;
    double time = 0;          // Unix seconds of the reply's arrival (T4)
    double offset = 0;        // θ of this sample
    double delay = 0;         // δ of this sample
    double dispersion = 0;    // ε of this sample
    double jitter = 0;        // the clock filter's jitter after this sample (ψ)
    bool popcornSpike = false; // held back by the filter's popcorn suppressor
    bool interleaved = false;  // interleaved mode: measures the previous exchange (`time` is its T4)
};

} // namespace chronoscope::engine

Q_DECLARE_METATYPE(chronoscope::engine::AcceptedSample)
