// SPDX-License-Identifier: GPL-3.0-or-later
// Reachability of configured servers on loopback, with real requests through the engine:
// silence (blocked), ICMP refusals, DNS failures, kiss-o'-death, unusable answers, a real
// chronyd, and the conclusion over all of them.
#include <QSignalSpy>
#include <QTest>

#include "core/diagnostics/reachabilitycheck.h"
#include "tests/fakes/fakentpserver.h"
#include "tests/interop/chronydinstance.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;
using chronoscope::engine::ServerSpec;
using chronoscope::testing::ChronydInstance;
using chronoscope::testing::FakeNtpServer;

namespace {

constexpr int REQUESTS = 2;

ServerSpec spec(const QString &host, quint16 port)
{
    ServerSpec s;
    s.host = host;
    s.port = port;
    return s;
}

ServerSpec specOf(const FakeNtpServer &server)
{
    return spec(server.address().toString(), server.port());
}

ServerSpec closedPort()
{
    return spec(u"127.0.0.1"_s, ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost)));
}

ReachabilityFindings check(const QList<ServerSpec> &servers)
{
    ReachabilityCheck c;
    QSignalSpy spy(&c, &ReachabilityCheck::finished);
    ReachabilityCheck::Options options;
    options.requests = REQUESTS;
    options.interval = 0.25;
    options.timeout = 0.3;
    if (!c.start(servers, options) || !spy.wait(30000))
        return {};
    return spy.first().first().value<ReachabilityFindings>();
}

const ServerReachability *find(const ReachabilityFindings &r, const QString &name)
{
    for (const ServerReachability &s : r.servers) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

} // namespace

class TstReachabilityCheck : public QObject
{
    Q_OBJECT

private slots:
    void silentServersMeanNtpIsBlocked();
    void closedPortsAreRefused();
    void unresolvableNamesAreDnsFailures();
    void kissOfDeathIsReported();
    void unsynchronisedServerStillAnswers();
    void mixOfRealChronydAndFailures();
    void emptyListFinishesAtOnce();
};

void TstReachabilityCheck::silentServersMeanNtpIsBlocked()
{
    FakeNtpServer a, b;
    QVERIFY2(a.isListening() && b.isListening(), qPrintable(a.errorString() + b.errorString()));
    a.dropNextRequests(1000);
    b.dropNextRequests(1000);
    const ReachabilityFindings r = check({specOf(a), specOf(b)});
    QCOMPARE(r.servers.size(), 2);
    for (const ServerReachability &s : r.servers) {
        QCOMPARE(s.outcome, ReachOutcome::TimedOut);
        QCOMPARE(s.requests, REQUESTS);
        QCOMPARE(s.tally.timeouts, REQUESTS);
    }
    QCOMPARE(a.requests().size(), REQUESTS); // the requests did arrive: the replies were "dropped"
    QCOMPARE(r.conclusion, ReachConclusion::Blocked);
    QVERIFY2(r.summary.contains(u"appears blocked by a firewall or the network"_s), qPrintable(r.summary));
}

void TstReachabilityCheck::closedPortsAreRefused()
{
    const ReachabilityFindings r = check({closedPort(), closedPort()});
    QCOMPARE(r.servers.size(), 2);
    for (const ServerReachability &s : r.servers) {
        QCOMPARE(s.outcome, ReachOutcome::Refused);
        QCOMPARE(s.tally.refused, REQUESTS);
    }
    QCOMPARE(r.conclusion, ReachConclusion::AllRefused);
    QVERIFY2(r.summary.contains(u"ICMP port unreachable"_s), qPrintable(r.summary));
}

void TstReachabilityCheck::unresolvableNamesAreDnsFailures()
{
    // RFC 6761: names under .invalid never resolve.
    const ReachabilityFindings r = check({spec(u"name.invalid"_s, 123), spec(u"other.invalid"_s, 123)});
    QCOMPARE(r.servers.size(), 2);
    for (const ServerReachability &s : r.servers) {
        QCOMPARE(s.outcome, ReachOutcome::DnsFailure);
        QCOMPARE(s.requests, 0);
        QVERIFY(s.address.isEmpty());
        QVERIFY2(s.detail.contains(u"resolve"_s), qPrintable(s.detail));
    }
    QCOMPARE(r.conclusion, ReachConclusion::DnsFailure);
}

void TstReachabilityCheck::kissOfDeathIsReported()
{
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setKissCode("DENY");
    const ReachabilityFindings r = check({specOf(server)});
    QCOMPARE(r.servers.size(), 1);
    const ServerReachability &s = r.servers.first();
    QCOMPARE(s.outcome, ReachOutcome::KissOfDeath);
    QCOMPARE(s.kissCode, u"DENY"_s);
    QCOMPARE(s.requests, 1); // DENY: polling stops at once
    QCOMPARE(r.conclusion, ReachConclusion::AllKissOfDeath);
    QVERIFY2(r.summary.contains(u"(DENY)"_s), qPrintable(r.summary));
}

void TstReachabilityCheck::unsynchronisedServerStillAnswers()
{
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setLeap(chronoscope::ntp::LeapIndicator::Unsynchronized);
    const ReachabilityFindings r = check({specOf(server)});
    QCOMPARE(r.servers.size(), 1);
    QCOMPARE(r.servers.first().outcome, ReachOutcome::AnswersUnusable);
    QCOMPARE(r.servers.first().tally.unusable, REQUESTS);
    QCOMPARE(r.conclusion, ReachConclusion::AllAnswer);
    QVERIFY2(r.summary.contains(u"Answered with time that cannot be used"_s), qPrintable(r.summary));
}

void TstReachabilityCheck::mixOfRealChronydAndFailures()
{
    ChronydInstance chronyd;
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));
    FakeNtpServer silent;
    QVERIFY2(silent.isListening(), qPrintable(silent.errorString()));
    silent.dropNextRequests(1000);
    const ServerSpec refused = closedPort();
    const ReachabilityFindings r = check({chronyd.serverSpec(), specOf(silent), refused, spec(u"name.invalid"_s, 123)});
    QCOMPARE(r.servers.size(), 4);
    const ServerReachability *good = find(r, chronyd.endpoint());
    QVERIFY2(good, qPrintable(chronyd.endpoint()));
    QCOMPARE(good->outcome, ReachOutcome::Answers);
    QCOMPARE(good->tally.accepted, REQUESTS);
    QCOMPARE(find(r, u"127.0.0.1:%1"_s.arg(silent.port()))->outcome, ReachOutcome::TimedOut);
    QCOMPARE(find(r, u"127.0.0.1:%1"_s.arg(refused.port))->outcome, ReachOutcome::Refused);
    QCOMPARE(find(r, u"name.invalid"_s)->outcome, ReachOutcome::DnsFailure);
    QCOMPARE(r.conclusion, ReachConclusion::SomeUnreachable);
    QVERIFY2(r.summary.startsWith(u"1 of 4 servers answered"_s), qPrintable(r.summary));
}

void TstReachabilityCheck::emptyListFinishesAtOnce()
{
    const ReachabilityFindings r = check({});
    QVERIFY(r.servers.isEmpty());
    QVERIFY2(r.summary.contains(u"not tested"_s), qPrintable(r.summary)); // the check really finished
    QCOMPARE(r.conclusion, ReachConclusion::NoServers);
}

QTEST_GUILESS_MAIN(TstReachabilityCheck)
#include "tst_reachabilitycheck.moc"
