// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <memory>

#include <QList>
#include <QObject>
#include <QTimer>

#include "core/auth/symmetrickey.h"
#include "core/engine/associationoptions.h"
#include "core/engine/serverspec.h"
#include "core/engine/serverstatus.h"
#include "core/engine/timerqueue.h"
#include "core/stats/sourceselector.h"

class QHostInfo;

namespace chronoscope::engine {

class ServerAssociation;

// Owns every server association: resolves names (pools expand to several addresses), starts
// polling, re-evaluates the system state after each change and reports value snapshots by
// signal. Lives in the engine thread (EngineThread) but works in any thread with an event loop.
class SyncEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)
public:
    explicit SyncEngine(QObject *parent = nullptr);
    ~SyncEngine() override;

    void setOptions(const AssociationOptions &options) { m_options = options; }
    const AssociationOptions &options() const { return m_options; }
    void setSelectionOptions(const stats::SelectionOptions &options) { m_selectionOptions = options; }
    // Symmetric keys for servers whose spec names a keyId; applies to servers added afterwards.
    void setKeys(const QList<auth::SymmetricKey> &keys);

    QList<ServerStatus> servers() const;
    SystemStatus system() const { return m_system; }
    bool isFinished() const;

public slots:
    // Adds a server (or pool) and starts polling it once its name is resolved.
    void addServer(const chronoscope::engine::ServerSpec &spec);
    void stop();
    // Stops and forgets one server (its id from ServerStatus::id); emits serverRemoved.
    void removeServer(int id);
    void removeAllServers();

signals:
    void serverChanged(const chronoscope::engine::ServerStatus &status);
    void sampleProcessed(const chronoscope::engine::SampleEvent &event);
    void systemChanged(const chronoscope::engine::SystemStatus &status);
    // Every association has used up its requests (check mode) or the engine was stopped.
    void allFinished();
    void serverRemoved(int id);

private:
    void onLookedUp(const ServerSpec &spec, int placeholderId, const QHostInfo &info);
    void addAssociation(const ServerSpec &spec, const QString &name, const QHostAddress &address, int id);
    void onAssociationChanged(int id);
    // Re-runs selection; changedId names the association that triggered it (-1: none).
    void evaluateSystem(int changedId = -1);
    void checkFinished();
    int nextId() { return m_nextId++; }
    static stats::SelectionCandidate toCandidate(const ServerAssociation &association, double now);
    static ServerState stateFor(stats::Verdict verdict);

    TimerQueue m_timers;                         // poll and timeout deadlines of all associations
    AssociationOptions m_options;
    stats::SelectionOptions m_selectionOptions;
    std::map<quint32, auth::SymmetricKey> m_keys; // key id → key
    std::map<int, ServerAssociation *> m_associations;
    std::map<int, ServerStatus> m_unresolved;    // names that did not resolve (or still resolving)
    int m_pendingLookups = 0;
    int m_nextId = 0;
    bool m_stopped = false;
    bool m_finishedEmitted = false;
    SystemStatus m_system;
    QTimer m_refreshTimer;                       // re-evaluates λ growth while polls are sparse
    QTimer m_selectionTimer;                     // coalesces selection after association changes
    static constexpr int SELECTION_COALESCE_MS = 50;
};

} // namespace chronoscope::engine
