// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

#include <map>
#include <memory>

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include "core/auth/symmetrickey.h"
#include "core/engine/acceptedsample.h"
#include "core/engine/associationobserver.h"
#include "core/engine/associationoptions.h"
#include "core/engine/enginesnapshot.h"
#include "core/engine/rejectionsummary.h"
#include "core/engine/requestoutcome.h"
#include "core/engine/serverspec.h"
#include "core/engine/serverstatus.h"
#include "core/engine/timerqueue.h"
#include "core/stats/sourceselector.h"
#ifdef Q_OS_LINUX
#include "core/engine/socketpoller_linux.h"
#endif

class QHostInfo;

namespace chronoscope::engine {

class ServerAssociation;
class SocketPoller;

// Owns every server association: resolves names (pools expand to several addresses), starts
// polling, runs the selection step (the only writer of each server's state) and publishes
// EngineSnapshots, coalesced: any number of changes cost at most one selection and one snapshot
// per PUBLISH_INTERVAL_MS (longer with hundreds of servers, up to MAX_PUBLISH_INTERVAL_MS).
// Accepted samples, failed requests and rejection summaries are forwarded as they happen (each
// bounded by the poll schedule).
// Lives in the engine thread (EngineSession) but works in any thread with an event loop.
class SyncEngine final : public QObject, private AssociationObserver
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)
public:
    static constexpr int PUBLISH_INTERVAL_MS = 100;
    // With many servers snapshots come less often (publishIntervalMs): at most once a second
    // from 1,000 servers on, and no more often than keeps selection and the snapshot copy under
    // PUBLISH_CPU_SHARE of the engine thread, but at least every MAX_LOADED_PUBLISH_INTERVAL_MS.
    static constexpr int MAX_PUBLISH_INTERVAL_MS = 1000;
    static constexpr double PUBLISH_CPU_SHARE = 0.001; // a thousandth of a core
    static constexpr int MAX_LOADED_PUBLISH_INTERVAL_MS = 5000;
    // Milliseconds from one snapshot to the next with `servers` associations, when the last
    // selection + snapshot took `lastPublishCostNs` (wall time, ns).
    static int publishIntervalFor(int servers, qint64 lastPublishCostNs);
    // Longest an accepted sample waits in the batch for another thread (samplesAccepted).
    static constexpr int SAMPLE_BATCH_MS = 50;
    // First requests (start, restart) go out at most this fast (about 1 s for 10,000 servers).
    static constexpr int FIRST_REQUESTS_PER_SECOND = 10000;

    explicit SyncEngine(QObject *parent = nullptr);
    ~SyncEngine() override;

    void setOptions(const AssociationOptions &options) { m_options = options; }
    const AssociationOptions &options() const { return m_options; }
    void setSelectionOptions(const stats::SelectionOptions &options) { m_selectionOptions = options; }
    // Symmetric keys for servers whose spec names a keyId. Servers whose key changed (added,
    // replaced or removed) start afresh with the new key; others are untouched.
    void setKeys(const QList<auth::SymmetricKey> &keys);

    QList<ServerStatus> servers() const;
    SystemStatus system() const { return m_system; }
    // Runs selection now and returns the result (also for callers in the engine's thread).
    EngineSnapshot snapshotNow();
    bool isFinished() const;

public slots:
    // Adds a server (or pool) and starts polling it once its name is resolved.
    void addServer(const chronoscope::engine::ServerSpec &spec);
    // Makes the configured list `specs`: entries already running with an equal spec keep their
    // associations (ids, filters, history); the others are removed or added.
    void setServers(const QList<chronoscope::engine::ServerSpec> &specs);
    // Every association forgets its samples and starts again (after a clock change).
    void restartAll();
    void stop();
    // Stops and forgets one server (its id from ServerStatus::id); emits serverRemoved.
    void removeServer(int id);
    void removeAllServers();

signals:
    void snapshotReady(const chronoscope::engine::EngineSnapshot &snapshot);
    void sampleAccepted(const chronoscope::engine::AcceptedSample &sample);
    // The same samples in batches, for a receiver in another thread (EngineSession): one queued
    // call per batch instead of one per sample. Emitted within SAMPLE_BATCH_MS, and always
    // before any other signal, so the order of everything stays as it happened.
    void samplesAccepted(const QList<chronoscope::engine::AcceptedSample> &samples);
    void requestFailed(const chronoscope::engine::RequestOutcome &outcome);
    void rejectionsSummarised(const chronoscope::engine::RejectionSummary &summary);
    // Every association has used up its requests (check mode) or the engine was stopped; the
    // final snapshot was published just before.
    void allFinished();
    void serverRemoved(int id);

private:
    void onLookedUp(const ServerSpec &spec, int placeholderId, const QHostInfo &info);
    void addAssociation(const ServerSpec &spec, const QString &name, const QHostAddress &address, int id, int entry);
    // Seconds until an association's first request (see FIRST_REQUESTS_PER_SECOND).
    double firstRequestDelay();
    // AssociationObserver: every association reports here by direct call (no connections).
    void onAssociationChanged(int id) override;
    void onSampleAccepted(const AcceptedSample &sample) override;
    void onRequestFailed(const RequestOutcome &outcome) override;
    void onRejectionsSummarised(const RejectionSummary &summary) override;
    // Emits the batched samples now (before any other signal).
    void flushSamples();
    SocketPoller *poller();
    // The selection step: selection over every server, then each server's state.
    void evaluateSystem();
    void publish();
    void schedulePublish();
    int publishIntervalMs() const;
    void checkFinished();
    void removeEntry(int entry);
    int nextId() { return m_nextId++; }
    static stats::SelectionCandidate toCandidate(const ServerAssociation &association, double now);

    struct Placeholder
    {
        ServerStatus status;
        int entry = -1;
    };

    TimerQueue m_timers;                         // poll and timeout deadlines of all associations
#ifdef Q_OS_LINUX
    SocketPoller m_poller;                       // the request sockets of all associations
#endif
    QList<AcceptedSample> m_sampleBatch;         // for samplesAccepted
    QTimer m_sampleBatchTimer;
    std::chrono::steady_clock::time_point m_nextFirstRequest; // pacing of first requests
    AssociationOptions m_options;
    stats::SelectionOptions m_selectionOptions;
    std::map<quint32, auth::SymmetricKey> m_keys; // key id → key
    std::map<int, ServerAssociation *> m_associations;
    std::map<int, int> m_entryOf;                // association or placeholder id → entry
    std::map<int, ServerSpec> m_entries;         // entry (one per configured spec) → spec
    std::map<int, Placeholder> m_unresolved;     // names that did not resolve (or still resolving)
    int m_pendingLookups = 0;
    int m_nextId = 0;
    int m_nextEntry = 0;
    quint64 m_sequence = 0;
    bool m_stopped = false;
    bool m_finishedEmitted = false;
    bool m_dirty = false;
    SystemStatus m_system;
    QTimer m_refreshTimer;                       // re-evaluates λ growth while polls are sparse
    QTimer m_publishTimer;                       // coalesces selection + snapshot after changes
    QElapsedTimer m_sincePublish;
    qint64 m_lastPublishCostNs = 0;              // wall time of the last publish (selection + snapshot)
};

} // namespace chronoscope::engine
