// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>

namespace chronoscope::engine {

// Datagrams from one server that were not used, aggregated over a window of at least one poll
// interval: "412 replies rejected in the last 64 s: bogus_origin 398, malformed 14". Reported
// at most once per poll interval per server, however many datagrams arrive.
struct RejectionSummary
{
    int serverId = -1;
    QString serverName;
    double time = 0;                 // Unix seconds at the end of the window
    double windowSeconds = 0;        // length of the window
    int total = 0;                   // datagrams rejected in the window
    QMap<QString, int> counts;       // reject reason id → datagrams in the window
    QMap<QString, QString> examples; // reject reason id → the first detail seen in the window
};

} // namespace chronoscope::engine

Q_DECLARE_METATYPE(chronoscope::engine::RejectionSummary)
