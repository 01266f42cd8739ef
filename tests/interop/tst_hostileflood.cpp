// SPDX-License-Identifier: GPL-3.0-or-later
// One hostile server among good ones (in process, loopback): before each real reply it sprays
// junk from its own address and port — short random bytes, mode-4 replies and kiss-o'-death RATE
// with a wrong origin, oversize datagrams. Every junk datagram is counted under its reason, the
// real replies are still used, the fake RATE never slows us down, the good servers are not
// starved, rejections are reported as a few summaries (never one event per datagram), and
// snapshots stay coalesced. With the GUI built, the same flood also runs through an
// EngineSession (the engine in its own thread) into the window's EventRecorder and EventLog:
// the log stays bounded.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "core/engine/enginesession.h"
#include "core/engine/serverstate.h"
#include "core/eventlog/eventlog.h"
#include "tests/fakes/engineharness.h"
#include "tests/fakes/fakentpserver.h"
#ifdef CHRONOSCOPE_HOSTILEFLOOD_UI
#include "ui/eventrecorder.h"
#endif

using namespace Qt::StringLiterals;
using chronoscope::engine::AssociationOptions;
using chronoscope::engine::ServerCondition;
using chronoscope::engine::ServerState;
using chronoscope::engine::ServerStatus;
using chronoscope::testing::EngineHarness;
using chronoscope::testing::FakeNtpServer;
using chronoscope::testing::JunkKind;

namespace {

constexpr int REQUESTS = 8;
constexpr double RUN_LIMIT = 30.0;   // seconds

AssociationOptions options()
{
    AssociationOptions o;
    o.maxRequests = REQUESTS;
    o.fixedInterval = 0.2;           // seconds between requests
    o.timeout = 1.0;                 // seconds
    return o;
}

int samplesOf(const EngineHarness &harness, int serverId)
{
    int n = 0;
    for (const auto &sample : harness.samples())
        n += sample.serverId == serverId ? 1 : 0;
    return n;
}

struct SummaryTotals
{
    int summaries = 0;
    int datagrams = 0;
};

SummaryTotals summariesOf(const EngineHarness &harness, int serverId)
{
    SummaryTotals totals;
    for (const auto &summary : harness.rejectionSummaries()) {
        if (summary.serverId != serverId)
            continue;
        ++totals.summaries;
        totals.datagrams += summary.total;
    }
    return totals;
}

QByteArray describe(const ServerStatus &s)
{
    QStringList rejections;
    for (auto it = s.rejections.cbegin(); it != s.rejections.cend(); ++it)
        rejections << it.key() + u'=' + QString::number(it.value());
    return u"%1: state %2 (%3), sent %4, accepted %5, timeouts %6, rejections [%7]"_s
        .arg(s.name, chronoscope::engine::serverStateId(s.state), s.reason)
        .arg(s.requestsSent)
        .arg(s.repliesAccepted)
        .arg(s.timeouts)
        .arg(rejections.join(u", "_s))
        .toUtf8();
}

} // namespace

class TestHostileFlood : public QObject
{
    Q_OBJECT

private slots:
    void everyJunkDatagramIsCountedUnderItsReason();
    void floodDoesNotStarveTheGoodServers();
#ifdef CHRONOSCOPE_HOSTILEFLOOD_UI
    void sessionFloodKeepsTheEventLogBounded();
#endif

private:
    struct Lab
    {
        FakeNtpServer hostile;
        FakeNtpServer good1;
        FakeNtpServer good2;
    };
    // Runs a check of REQUESTS requests against the three servers; returns the elapsed seconds.
    static double run(Lab &lab, EngineHarness &harness);
};

double TestHostileFlood::run(Lab &lab, EngineHarness &harness)
{
    for (FakeNtpServer *server : {&lab.hostile, &lab.good1, &lab.good2}) {
        if (!server->isListening())
            qFatal("fake server not listening: %s", qPrintable(server->errorString()));
        harness.addServer(server->address(), server->port());
    }
    QElapsedTimer elapsed;
    elapsed.start();
    if (!harness.waitForFinished(RUN_LIMIT))
        qWarning("engine did not finish within %.0f s", RUN_LIMIT);
    return double(elapsed.elapsed()) / 1000.0;
}

void TestHostileFlood::everyJunkDatagramIsCountedUnderItsReason()
{
    // 40 junk datagrams per request fit the socket buffer, so none is lost in the kernel and
    // the counts must match what the server sent exactly.
    Lab lab;
    lab.hostile.setJunkBeforeReply(40);
    EngineHarness harness(options());
    const double seconds = run(lab, harness);
    QVERIFY(harness.finished());

    const ServerStatus hostile = *harness.server(lab.hostile.address(), lab.hostile.port());
    QCOMPARE(lab.hostile.junkSentTotal(), REQUESTS * 40);
    QCOMPARE(hostile.requestsSent, REQUESTS);
    QVERIFY2(hostile.repliesAccepted == REQUESTS, describe(hostile).constData());
    QCOMPARE(hostile.rejections.value(u"malformed"_s),
             lab.hostile.junkSent(JunkKind::ShortRandom) + lab.hostile.junkSent(JunkKind::Oversize));
    QCOMPARE(hostile.rejections.value(u"bogus_origin"_s),
             lab.hostile.junkSent(JunkKind::WrongOriginReply) + lab.hostile.junkSent(JunkKind::WrongOriginKissRate));
    QCOMPARE(hostile.datagramsRejected, lab.hostile.junkSentTotal());
    QCOMPARE(hostile.rejections.size(), 2);
    // A kiss-o'-death with a wrong origin is not a kiss: no back-off, no RATE state.
    QVERIFY(hostile.lastKiss.isEmpty());
    QVERIFY2(hostile.condition == ServerCondition::Answering, describe(hostile).constData());
    QVERIFY(hostile.state != ServerState::KodRate);
    QCOMPARE(samplesOf(harness, hostile.id), REQUESTS);

    // Reported as summaries that add up to the exact count: at most one per request, not 320.
    const SummaryTotals totals = summariesOf(harness, hostile.id);
    QCOMPARE(totals.datagrams, hostile.datagramsRejected);
    QVERIFY2(totals.summaries >= 1 && totals.summaries <= REQUESTS, qPrintable(QString::number(totals.summaries)));
    for (const auto &failure : harness.failures())
        QVERIFY2(failure.serverId != hostile.id, qPrintable(failure.reasonId));

    for (FakeNtpServer *good : {&lab.good1, &lab.good2}) {
        const ServerStatus s = *harness.server(good->address(), good->port());
        QVERIFY2(s.repliesAccepted == REQUESTS && s.datagramsRejected == 0, describe(s).constData());
    }
    // Snapshots are coalesced: at most one per 100 ms (plus the first and the final one).
    QVERIFY2(harness.snapshotCount() <= int(seconds / 0.1) + 3,
             qPrintable(u"%1 snapshots in %2 s"_s.arg(harness.snapshotCount()).arg(seconds)));
}

void TestHostileFlood::floodDoesNotStarveTheGoodServers()
{
    // 2000 junk datagrams per request: more than the socket buffer holds, so the kernel drops
    // some (the real reply too, at times). The good servers must not notice.
    Lab lab;
    lab.hostile.setJunkBeforeReply(2000);
    EngineHarness harness(options());
    const double seconds = run(lab, harness);
    QVERIFY(harness.finished());

    for (FakeNtpServer *good : {&lab.good1, &lab.good2}) {
        const ServerStatus s = *harness.server(good->address(), good->port());
        QVERIFY2(s.repliesAccepted == REQUESTS && s.timeouts == 0, describe(s).constData());
        QCOMPARE(samplesOf(harness, s.id), REQUESTS);
    }
    const ServerStatus hostile = *harness.server(lab.hostile.address(), lab.hostile.port());
    QCOMPARE(hostile.requestsSent, REQUESTS);
    QVERIFY2(hostile.datagramsRejected > 0 && hostile.datagramsRejected <= lab.hostile.junkSentTotal(),
             describe(hostile).constData());
    QVERIFY(hostile.lastKiss.isEmpty());
    // Every datagram counted is reported, in a handful of summaries.
    const SummaryTotals totals = summariesOf(harness, hostile.id);
    QCOMPARE(totals.datagrams, hostile.datagramsRejected);
    QVERIFY2(totals.summaries <= REQUESTS, qPrintable(QString::number(totals.summaries)));
    // Failures are per request (a lost real reply times out), never per datagram.
    int hostileFailures = 0;
    for (const auto &failure : harness.failures())
        hostileFailures += failure.serverId == hostile.id ? 1 : 0;
    QVERIFY(hostileFailures <= REQUESTS);
    QVERIFY2(harness.snapshotCount() <= int(seconds / 0.1) + 3,
             qPrintable(u"%1 snapshots in %2 s"_s.arg(harness.snapshotCount()).arg(seconds)));
}

#ifdef CHRONOSCOPE_HOSTILEFLOOD_UI
void TestHostileFlood::sessionFloodKeepsTheEventLogBounded()
{
    // As the window runs it: EngineSession → EventRecorder → EventLog (default capacity).
    Lab lab;
    lab.hostile.setJunkBeforeReply(2000);
    chronoscope::eventlog::EventLog log;
    chronoscope::ui::EventRecorder recorder(&log);
    chronoscope::engine::EngineSession session;
    using chronoscope::engine::EngineSession;
    connect(&session, &EngineSession::snapshotChanged, &recorder, &chronoscope::ui::EventRecorder::onSnapshot);
    connect(&session, &EngineSession::sampleAccepted, &recorder, &chronoscope::ui::EventRecorder::onSampleAccepted);
    connect(&session, &EngineSession::requestFailed, &recorder, &chronoscope::ui::EventRecorder::onRequestFailed);
    connect(&session, &EngineSession::rejectionsSummarised, &recorder, &chronoscope::ui::EventRecorder::onRejections);
    QHash<int, int> samples;
    QHash<int, int> summaries;
    QHash<int, int> summarised;
    QHash<int, int> failures;
    connect(&session, &EngineSession::requestFailed, this,
            [&](const chronoscope::engine::RequestOutcome &outcome) { ++failures[outcome.serverId]; });
    connect(&session, &EngineSession::sampleAccepted, this,
            [&](const chronoscope::engine::AcceptedSample &sample) { ++samples[sample.serverId]; });
    connect(&session, &EngineSession::rejectionsSummarised, this, [&](const chronoscope::engine::RejectionSummary &r) {
        ++summaries[r.serverId];
        summarised[r.serverId] += r.total;
    });
    QSignalSpy finished(&session, &EngineSession::finished);
    session.setOptions(options());
    QList<chronoscope::engine::ServerSpec> specs;
    for (FakeNtpServer *server : {&lab.hostile, &lab.good1, &lab.good2})
        specs << EngineHarness::specFor(server->address(), server->port());
    session.setServers(specs);
    session.start();
    QVERIFY(finished.wait(int(RUN_LIMIT * 1000)));
    // The signals that came with the end are delivered; then the snapshot is final.
    QTest::qWait(50);

    const QList<ServerStatus> servers = session.snapshot().servers;
    QCOMPARE(servers.size(), 3);
    int hostileId = -1;
    for (const ServerStatus &s : servers) {
        if (s.port == lab.hostile.port()) {
            hostileId = s.id;
            QCOMPARE(s.requestsSent, REQUESTS);
            QVERIFY2(s.datagramsRejected > 0 && s.datagramsRejected <= lab.hostile.junkSentTotal(), describe(s).constData());
            // Every rejected datagram reached the GUI thread inside a summary, a handful in all.
            QCOMPARE(summarised.value(s.id), s.datagramsRejected);
            QVERIFY2(summaries.value(s.id) <= REQUESTS, qPrintable(QString::number(summaries.value(s.id))));
        } else {
            QVERIFY2(s.repliesAccepted == REQUESTS && s.timeouts == 0, describe(s).constData());
            QCOMPARE(samples.value(s.id), REQUESTS);
        }
    }
    QVERIFY(hostileId >= 0);

    // The log holds a few entries per request, never one per datagram: per server at most a
    // "server added", one "request sent" and one outcome per request, state changes; one
    // rejection entry per summary; a few selection entries.
    int rejectionEntries = 0;
    for (const auto &entry : log.entries())
        rejectionEntries += entry.kind == chronoscope::eventlog::EventKind::ReplyRejected && entry.serverId == hostileId;
    // (a failed request that is neither a time-out nor a kiss is logged as a rejection too)
    QVERIFY2(rejectionEntries >= summaries.value(hostileId)
                 && rejectionEntries <= summaries.value(hostileId) + failures.value(hostileId),
             qPrintable(u"%1 rejection entries, %2 summaries, %3 failures"_s.arg(rejectionEntries)
                            .arg(summaries.value(hostileId)).arg(failures.value(hostileId))));
    const int bound = 3 * (1 + 2 * REQUESTS + 6) + REQUESTS + 10;
    QVERIFY2(log.size() <= bound, qPrintable(u"%1 entries for %2 junk datagrams"_s.arg(log.size()).arg(lab.hostile.junkSentTotal())));
    QVERIFY(log.size() <= log.capacity());
    QCOMPARE(log.droppedCount(), 0);
}
#endif

QTEST_GUILESS_MAIN(TestHostileFlood)
#include "tst_hostileflood.moc"
