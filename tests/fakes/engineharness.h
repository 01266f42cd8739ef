// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QHostAddress>
#include <QList>
#include <QObject>

#include "core/engine/associationoptions.h"
#include "core/engine/serverspec.h"
#include "core/engine/serverstatus.h"
#include "core/engine/syncengine.h"

namespace chronoscope::testing {

// Drives a SyncEngine through its public API in the caller's thread and records what it reports.
// Waiting runs a real event loop that blocks in the kernel between events (no polling sleeps),
// so an in-process FakeNtpServer answers as soon as a request arrives and user-space receive
// timestamps are not delayed.
class EngineHarness final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineHarness)
public:
    explicit EngineHarness(const engine::AssociationOptions &options, QObject *parent = nullptr);
    ~EngineHarness() override;

    engine::SyncEngine &engine() { return m_engine; }

    // A server spec for an address literal (no DNS), as the CLI would build it.
    static engine::ServerSpec specFor(const QHostAddress &address, quint16 port);
    void addServer(const QHostAddress &address, quint16 port);
    void addServer(const engine::ServerSpec &spec);

    // Runs the event loop until the engine emits allFinished; false when `seconds` pass first.
    bool waitForFinished(double seconds);
    // Runs the event loop until `predicate` holds (checked after every engine signal and every
    // 20 ms); false when `seconds` pass first.
    bool waitFor(const std::function<bool()> &predicate, double seconds);
    // Runs the event loop for `seconds`.
    void runFor(double seconds);

    bool finished() const { return m_finished; }
    QList<engine::ServerStatus> servers() const { return m_engine.servers(); }
    engine::SystemStatus system() const { return m_engine.system(); }
    // The association for address:port, if there is one.
    std::optional<engine::ServerStatus> server(const QHostAddress &address, quint16 port) const;
    // What the engine emitted, in order: accepted samples, requests that ended without one,
    // and the summaries of rejected datagrams.
    const QList<engine::AcceptedSample> &samples() const { return m_samples; }
    const QList<engine::RequestOutcome> &failures() const { return m_failures; }
    const QList<engine::RejectionSummary> &rejectionSummaries() const { return m_summaries; }
    // Snapshots published so far.
    int snapshotCount() const { return m_snapshots; }

signals:
    // The engine reported something (a sample, a server or system change, the end).
    void progressed();

private:
    engine::SyncEngine m_engine;
    QList<engine::AcceptedSample> m_samples;
    QList<engine::RequestOutcome> m_failures;
    QList<engine::RejectionSummary> m_summaries;
    int m_snapshots = 0;
    bool m_finished = false;
};

} // namespace chronoscope::testing
