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
    // Servers added, requests sent and state changes since the previous snapshot; selection.
    void onSnapshot(const chronoscope::engine::EngineSnapshot &snapshot);
    void onServerChanged(const chronoscope::engine::ServerStatus &status);
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

    struct Seen
    {
        int requestsSent = 0;
        quint64 revision = 0;
        engine::ServerState state = engine::ServerState::Unusable;
        QString name;
        bool known = false;
    };
    eventlog::EventLog *m_log;
    QHash<int, Seen> m_seen;
    QString m_sysPeer;
    bool m_synchronized = false;
    bool m_haveSystem = false;
};

} // namespace chronoscope::ui
