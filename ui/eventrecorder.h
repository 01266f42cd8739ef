// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>

#include "core/engine/acceptedsample.h"
#include "core/engine/enginesnapshot.h"
#include "core/engine/rejectionsummary.h"
#include "core/engine/serverstatus.h"
#include "core/eventlog/eventlogentry.h"

namespace chronoscope::eventlog {
class EventLog;
}

namespace chronoscope::ui {

// Turns the engine's snapshots and events into the user's event log, in the words ntpd users
// expect: request sent, reply accepted or rejected (with the reason), no reply, kiss-o'-death,
// state changes, selection changes. Invalid datagrams arrive already summarised (one entry per
// server per poll interval at most), so a flood cannot fill the log. GUI thread; connect the
// engine session's signals to its slots.
class EventRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventRecorder)
public:
    explicit EventRecorder(eventlog::EventLog *log, QObject *parent = nullptr);

public slots:
    // Servers added, requests sent and state changes since the previous snapshot (only servers
    // whose revision or state differs from it are looked at); selection.
    void onSnapshot(const chronoscope::engine::EngineSnapshot &snapshot);
    void onSystemChanged(const chronoscope::engine::SystemStatus &system);
    void onSampleAccepted(const chronoscope::engine::AcceptedSample &sample);
    void onRequestFailed(const chronoscope::engine::RequestOutcome &outcome);
    void onRejections(const chronoscope::engine::RejectionSummary &summary);
    void onServerRemoved(int serverId);
    // Configuration messages (imports, settings problems, servers added or removed).
    void recordConfiguration(const QString &message, chronoscope::eventlog::EventLevel level = eventlog::EventLevel::Info);
    // For the clock-correction feature: a step or slew of `offset` seconds was requested.
    void recordStepRequested(double offset, const QString &detail);

private:
    void add(eventlog::EventKind kind, eventlog::EventLevel level, int serverId, const QString &server,
             const QString &message, double time = 0);

    // `s` compared with its entry in the previous snapshot (`before`, null for a new server).
    void recordServerChange(const engine::ServerStatus &s, const engine::ServerStatus *before);
    const engine::ServerStatus *previousServer(int id) const;

    eventlog::EventLog *m_log;
    // The snapshot recorded last (shared with the session's, not a copy of its own): what
    // "changed" is measured against; a removed server's name comes from it.
    engine::EngineSnapshot m_previous;
    QHash<int, qsizetype> m_previousIndex; // server id → index in m_previous.servers
    QString m_sysPeer;
    bool m_synchronized = false;
    bool m_haveSystem = false;
};

} // namespace chronoscope::ui
