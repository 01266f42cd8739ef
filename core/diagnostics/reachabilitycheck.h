// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <memory>

#include <QList>
#include <QObject>
#include <QTimer>

#include "core/diagnostics/reachabilityfindings.h"
#include "core/diagnostics/sampletally.h"
#include "core/engine/serverspec.h"

namespace chronoscope::engine {
class EngineSession;
}

namespace chronoscope::diagnostics {

// Sends a short burst of ordinary NTP client requests to each server (through an EngineSession
// of its own: the engine works in its own thread, never in the caller's, e.g. the GUI's, under
// the engine's polling rules) and classifies what came back: replies, time-outs, ICMP
// refusals, DNS failures, kiss-o'-death.
class ReachabilityCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReachabilityCheck)
public:
    struct Options
    {
        int requests = 3;          // per server
        double interval = 2.0;     // seconds between requests to one server (below 2 s: local only)
        double timeout = 1.0;      // seconds to wait for each reply
    };

    explicit ReachabilityCheck(QObject *parent = nullptr);
    ~ReachabilityCheck() override;

    // Starts the check; emits finished() once (also for an empty list). Returns false, doing
    // nothing, while a check is running.
    bool start(const QList<engine::ServerSpec> &servers, const Options &options);
    bool isRunning() const { return m_running; }

signals:
    void finished(const chronoscope::diagnostics::ReachabilityFindings &findings);

private:
    // Ends the check with the session's latest snapshot (the final one when it finished).
    void finish();

    std::unique_ptr<engine::EngineSession> m_session;
    std::map<int, SampleTally> m_tallies;  // server id → its events
    QTimer m_guard;                        // ends a check that outlives its schedule
    bool m_running = false;
};

} // namespace chronoscope::diagnostics
