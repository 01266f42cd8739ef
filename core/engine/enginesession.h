// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QThread>

#include "core/auth/symmetrickey.h"
#include "core/engine/acceptedsample.h"
#include "core/engine/associationoptions.h"
#include "core/engine/enginesnapshot.h"
#include "core/engine/rejectionsummary.h"
#include "core/engine/requestoutcome.h"
#include "core/engine/serverspec.h"
#include "core/stats/sourceselector.h"

namespace chronoscope::engine {

class SyncEngine;

// The one boundary between the engine thread and everything else (GUI, CLI): owns the thread
// and its SyncEngine, and is the only code that calls across threads. Its API is used from the
// thread that created it; its signals arrive there, already coalesced and bounded:
//   snapshotChanged        at most ~10 per second, whatever the network does
//   sampleAccepted         once per accepted reply (charts, exports)
//   requestFailed          once per request that ended without a sample (timeout, KoD, ...)
//   rejectionsSummarised   at most once per poll interval per server (never per datagram)
// Setters made before start() take effect when it is called.
class EngineSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineSession)
public:
    explicit EngineSession(QObject *parent = nullptr);
    ~EngineSession() override;

    // Options apply to servers started afterwards (call before start() or setServers()).
    void setOptions(const AssociationOptions &options);
    void setSelectionOptions(const stats::SelectionOptions &options);
    // Keys for servers whose spec names a keyId; servers whose key changed start afresh.
    void setKeys(const QList<auth::SymmetricKey> &keys);
    // The configured servers. Entries equal to running ones keep their associations.
    void setServers(const QList<ServerSpec> &servers);
    const QList<ServerSpec> &servers() const { return m_servers; }

    // Starts polling the configured servers; stop() stops every association (snapshots and
    // history stay readable).
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // Every association forgets its samples and measures afresh (after a clock change).
    void restartAll();
    // Asks for "the next synchronised measurement": freshMeasurement is emitted with the first
    // snapshot that is synchronised and includes a sample accepted after this call.
    void requestFreshMeasurement();
    bool isWaitingForFreshMeasurement() const { return m_freshRequested; }

    // The latest published snapshot (empty until the first arrives).
    const EngineSnapshot &snapshot() const { return m_snapshot; }

signals:
    void snapshotChanged(const chronoscope::engine::EngineSnapshot &snapshot);
    void sampleAccepted(const chronoscope::engine::AcceptedSample &sample);
    void requestFailed(const chronoscope::engine::RequestOutcome &outcome);
    void rejectionsSummarised(const chronoscope::engine::RejectionSummary &summary);
    void serverRemoved(int serverId);
    void freshMeasurement(const chronoscope::engine::EngineSnapshot &snapshot);
    // Check mode: every association used up its requests; `snapshot` is the final result.
    void finished(const chronoscope::engine::EngineSnapshot &snapshot);

private:
    void onSnapshot(const EngineSnapshot &snapshot);
    void onSample(const AcceptedSample &sample);
    // Runs `call` on the engine in its thread (queued; calls keep their order).
    template <typename Call> void inEngine(Call call);

    QThread m_thread;
    SyncEngine *m_engine;
    EngineSnapshot m_snapshot;
    QList<ServerSpec> m_servers;
    bool m_running = false;
    bool m_freshRequested = false;
    bool m_freshSampleSeen = false;
};

} // namespace chronoscope::engine
