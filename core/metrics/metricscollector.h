// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QObject>

#include "core/engine/enginesnapshot.h"
#include "core/engine/requestoutcome.h"

namespace chronoscope::engine {
class EngineSession;
}

namespace chronoscope::metrics {

// Keeps what a scrape needs from an EngineSession's signals, in the session's thread: the
// latest published snapshot (never the engine's live state) and the kiss-o'-death counts per
// server and code, which only requestFailed tells. Bounded: one entry per configured server and
// per known kiss code (kissCodeLabel); a removed server's counts are dropped.
class MetricsCollector final : public QObject
{
    Q_OBJECT
public:
    explicit MetricsCollector(engine::EngineSession *session, QObject *parent = nullptr);

    const engine::EngineSnapshot &snapshot() const { return m_snapshot; }
    const QMap<int, QMap<QString, quint64>> &kissesByServer() const { return m_kisses; }

    // Also the slots behind the session's signals (tests feed them directly).
    void onSnapshot(const engine::EngineSnapshot &snapshot);
    void onRequestFailed(const engine::RequestOutcome &outcome);
    void onServerRemoved(int serverId);

private:
    engine::EngineSnapshot m_snapshot;
    QMap<int, QMap<QString, quint64>> m_kisses;
};

} // namespace chronoscope::metrics
