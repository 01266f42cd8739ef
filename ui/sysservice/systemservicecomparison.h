// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/engine/enginesnapshot.h"
#include "core/sysservice/systemservicereading.h"

namespace chronoscope::ui {

// The system daemon's view of its sources beside Chronoscope's own measurement of the same
// servers (matched by address), and a verdict in plain words where they disagree. Pure logic:
// no widgets, strings translated with the "SystemServiceComparison" context.
class SystemServiceComparison
{
    Q_DECLARE_TR_FUNCTIONS(SystemServiceComparison)
public:
    // Farther than this from Chronoscope's combined offset counts as "away from the majority"
    // even before the selection calls the server a falseticker: 100 ms is far beyond the error
    // of any reachable server, and well below what a wrong clock is usually off by.
    static constexpr double FAR_SECONDS = 0.1;

    struct Row
    {
        sysservice::SystemServiceSource source;
        bool measured = false;                   // Chronoscope polls this address
        engine::ServerState ourState = engine::ServerState::Unusable;
        std::optional<double> ourOffset;         // s, positive: this clock behind the server
        std::optional<double> fromMajority;      // s, ourOffset − Chronoscope's combined offset
        QString comparison;                      // "agrees", "2.500 s away from the majority", ...
    };

    static SystemServiceComparison compare(const sysservice::SystemServiceReading &reading,
                                           const engine::EngineSnapshot &snapshot);

    const QList<Row> &rows() const { return m_rows; }
    // One sentence per disagreement; when there is none, one sentence saying they agree, or
    // why no comparison is possible.
    const QStringList &verdicts() const { return m_verdicts; }
    bool disagrees() const { return m_disagrees; }

    // "2.500 s", "12.3 ms", "850 µs": a distance without sign.
    static QString distanceText(double seconds);

private:
    QList<Row> m_rows;
    QStringList m_verdicts;
    bool m_disagrees = false;
};

} // namespace chronoscope::ui
