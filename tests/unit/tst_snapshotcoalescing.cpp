// SPDX-License-Identifier: GPL-3.0-or-later
// Snapshot coalescing (issue 12): however many changes the engine sees, it publishes at most
// one snapshot per publish interval (SyncEngine::PUBLISH_INTERVAL_MS), and the last state is
// always published. Nothing is sent: every server names a key that is not loaded, so each
// association reports "key not loaded" without a datagram (a change of its own).
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "core/engine/enginesession.h"
#include "core/engine/syncengine.h"

using namespace Qt::StringLiterals;
using chronoscope::engine::EngineSession;
using chronoscope::engine::EngineSnapshot;
using chronoscope::engine::ServerSpec;
using chronoscope::engine::ServerStatus;
using chronoscope::engine::SyncEngine;

namespace {

ServerSpec keyedServer(int n)
{
    ServerSpec spec;
    spec.host = u"127.0.0.1"_s;
    spec.port = quint16(20000 + n);
    spec.keyId = 9; // never loaded: the association fails without sending
    return spec;
}

QList<int> idsOf(const QList<ServerStatus> &servers)
{
    QList<int> ids;
    for (const ServerStatus &s : servers)
        ids << s.id;
    return ids;
}

QList<quint16> portsOf(const QList<ServerStatus> &servers)
{
    QList<quint16> ports;
    for (const ServerStatus &s : servers)
        ports << s.port;
    std::sort(ports.begin(), ports.end());
    return ports;
}

// Same servers with the same revisions: the snapshot shows the engine's current state.
bool sameState(const QList<ServerStatus> &a, const QList<ServerStatus> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a.at(i).id != b.at(i).id || a.at(i).revision != b.at(i).revision || a.at(i).state != b.at(i).state)
            return false;
    return true;
}

// The most snapshots a coalescing engine may publish in `ms`: one per interval (a coarse
// timer may fire up to 5 % early), plus the first one and the trailing one.
int snapshotBound(qint64 ms)
{
    return int(double(ms) / (SyncEngine::PUBLISH_INTERVAL_MS * 0.95)) + 2;
}

} // namespace

class TestSnapshotCoalescing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(u"chronoscope.*.warning=false"_s); }
    void aBurstOfChangesIsOneSnapshotWithTheLastState();
    void continuousChangesAreCoalescedAndTheLastStateIsPublished();
    void theSessionDeliversTheLastStateAcrossThreads();
    void theIntervalGrowsWithTheServersAndTheCostOfAPublish();
};

void TestSnapshotCoalescing::aBurstOfChangesIsOneSnapshotWithTheLastState()
{
    SyncEngine engine;
    QSignalSpy snapshots(&engine, &SyncEngine::snapshotReady);
    QElapsedTimer elapsed;
    elapsed.start();
    // 60 servers added and 20 of them removed again, all before the event loop runs.
    QList<int> removed;
    for (int i = 0; i < 60; ++i)
        engine.addServer(keyedServer(i));
    const QList<ServerStatus> all = engine.servers();
    QCOMPARE(all.size(), 60);
    for (int i = 0; i < 60; i += 3) {
        engine.removeServer(all.at(i).id);
        removed << all.at(i).id;
    }
    QCOMPARE(snapshots.size(), 0); // nothing is published synchronously
    QVERIFY(snapshots.wait(2000));
    // One snapshot for the whole burst, showing its end: exactly the 40 servers left.
    const EngineSnapshot first = snapshots.first().first().value<EngineSnapshot>();
    QCOMPARE(first.sequence, quint64(1));
    QCOMPARE(first.servers.size(), 40);
    for (const ServerStatus &s : first.servers)
        QVERIFY2(!removed.contains(s.id), qPrintable(QString::number(s.id)));
    // The associations' own changes (key not loaded) follow in at most one more snapshot per
    // interval; the last one matches the engine.
    QTRY_VERIFY(sameState(snapshots.last().first().value<EngineSnapshot>().servers, engine.servers()));
    QVERIFY2(snapshots.size() <= snapshotBound(elapsed.elapsed()), qPrintable(QString::number(snapshots.size())));
}

void TestSnapshotCoalescing::continuousChangesAreCoalescedAndTheLastStateIsPublished()
{
    SyncEngine engine;
    QSignalSpy snapshots(&engine, &SyncEngine::snapshotReady);
    // Every 2 ms: one server added and the oldest removed (10 stay), 300 times.
    int added = 0;
    QList<int> live;
    QTimer churn;
    churn.setTimerType(Qt::PreciseTimer);
    churn.setInterval(2);
    connect(&churn, &QTimer::timeout, this, [&] {
        engine.addServer(keyedServer(added++));
        live = idsOf(engine.servers());
        if (live.size() > 10)
            engine.removeServer(live.first());
    });
    QElapsedTimer elapsed;
    elapsed.start();
    churn.start();
    QTRY_VERIFY_WITH_TIMEOUT(added >= 300, 60000);
    churn.stop();
    const qint64 churnMs = elapsed.elapsed();
    const int duringChurn = int(snapshots.size());
    // Coalesced: at most one snapshot per interval, far fewer than the changes.
    QVERIFY2(duringChurn <= snapshotBound(churnMs),
             qPrintable(u"%1 snapshots in %2 ms"_s.arg(duringChurn).arg(churnMs)));
    QVERIFY2(duringChurn >= 1 && duringChurn * 2 <= added,
             qPrintable(u"%1 snapshots for %2 additions"_s.arg(duringChurn).arg(added)));
    // Sequence numbers grow by one per snapshot.
    for (int i = 0; i < snapshots.size(); ++i)
        QCOMPARE(snapshots.at(i).first().value<EngineSnapshot>().sequence, quint64(i + 1));
    // The last state is published once the changes stop (the newest servers still report their
    // missing key up to 200 ms after they were added): the final ten servers, all settled.
    const auto lastShown = [&] { return snapshots.last().first().value<EngineSnapshot>().servers; };
    const auto allSettled = [&] {
        const QList<ServerStatus> now = engine.servers();
        return std::all_of(now.cbegin(), now.cend(), [](const ServerStatus &s) { return s.finished; });
    };
    QTRY_VERIFY(allSettled() && sameState(lastShown(), engine.servers()));
    QCOMPARE(lastShown().size(), 10);
    // And then no change: any later snapshot (the engine's periodic re-evaluation) shows the same.
    const int settled = int(snapshots.size());
    QTest::qWait(3 * SyncEngine::PUBLISH_INTERVAL_MS);
    for (int i = settled; i < snapshots.size(); ++i)
        QVERIFY(sameState(snapshots.at(i).first().value<EngineSnapshot>().servers, engine.servers()));
}

void TestSnapshotCoalescing::theSessionDeliversTheLastStateAcrossThreads()
{
    EngineSession session;
    QSignalSpy snapshots(&session, &EngineSession::snapshotChanged);
    session.start();
    // 200 server lists in a row, each one longer: the engine thread sees them in order.
    QList<ServerSpec> specs;
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < 200; ++i) {
        specs << keyedServer(i);
        session.setServers(specs);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty() && session.snapshot().servers.size() == 200
                                 && std::all_of(session.snapshot().servers.cbegin(), session.snapshot().servers.cend(),
                                                [](const ServerStatus &s) { return s.finished; }),
                             10000);
    const qint64 ms = elapsed.elapsed();
    QVERIFY2(snapshots.size() <= snapshotBound(ms), qPrintable(u"%1 snapshots in %2 ms"_s.arg(snapshots.size()).arg(ms)));
    // The session's snapshot is the last one it signalled, and it shows the last list.
    const EngineSnapshot last = snapshots.last().first().value<EngineSnapshot>();
    QCOMPARE(last.sequence, session.snapshot().sequence);
    QList<quint16> expected;
    for (const ServerSpec &spec : specs)
        expected << spec.port;
    QCOMPARE(portsOf(last.servers), expected);
}

void TestSnapshotCoalescing::theIntervalGrowsWithTheServersAndTheCostOfAPublish()
{
    // A desktop's few servers: the base interval, however long a publish took.
    QCOMPARE(SyncEngine::publishIntervalFor(8, 20'000'000), SyncEngine::PUBLISH_INTERVAL_MS);
    QCOMPARE(SyncEngine::publishIntervalFor(0, 0), SyncEngine::PUBLISH_INTERVAL_MS);
    // Hundreds: a millisecond per server; from 1,000 on, once a second while a publish is cheap.
    QCOMPARE(SyncEngine::publishIntervalFor(500, 100'000), 500);
    QCOMPARE(SyncEngine::publishIntervalFor(1000, 500'000), SyncEngine::MAX_PUBLISH_INTERVAL_MS);
    // Then the cost: a publish of 2 ms at a thousandth of a core is one every 2 s; never rarer
    // than the cap. Below 1,000 servers a slow publish changes nothing.
    QCOMPARE(SyncEngine::publishIntervalFor(1000, 2'000'000), 2000);
    QCOMPARE(SyncEngine::publishIntervalFor(100, 300'000), 100);
    QCOMPARE(SyncEngine::publishIntervalFor(999, 50'000'000), 999);
    QCOMPARE(SyncEngine::publishIntervalFor(10000, 30'000'000), SyncEngine::MAX_LOADED_PUBLISH_INTERVAL_MS);
    QCOMPARE(SyncEngine::publishIntervalFor(10000, 2'000'000'000), SyncEngine::MAX_LOADED_PUBLISH_INTERVAL_MS);
    // A clock read gone backwards (negative cost) changes nothing.
    QCOMPARE(SyncEngine::publishIntervalFor(8, -5'000'000), SyncEngine::PUBLISH_INTERVAL_MS);
}

QTEST_GUILESS_MAIN(TestSnapshotCoalescing)
#include "tst_snapshotcoalescing.moc"
