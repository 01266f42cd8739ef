// SPDX-License-Identifier: GPL-3.0-or-later
// Per-server reachability outcomes from the engine's snapshot and sample events, and the
// conclusion over all servers: blocked, DNS, refused, kiss-o'-death, partial, all fine.
#include <QTest>

#include "core/diagnostics/reachabilityfindings.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;
using chronoscope::engine::RequestOutcome;
using chronoscope::engine::ServerState;
using chronoscope::engine::ServerStatus;

Q_DECLARE_METATYPE(chronoscope::diagnostics::ReachOutcome)
Q_DECLARE_METATYPE(chronoscope::diagnostics::ReachConclusion)

namespace {

ServerStatus status(const QString &name, const QString &address, int sent)
{
    ServerStatus s;
    s.name = name;
    s.host = name;
    s.address = address;
    s.requestsSent = sent;
    s.state = ServerState::Unreachable;
    return s;
}

// Request outcomes ("timeout", "refused", "socket_error", "kiss_of_death") become events;
// rejected datagrams reach the tally through the server's rejection counters.
SampleTally tallyOf(const QStringList &reasonIds, int accepted = 0)
{
    SampleTally t;
    for (int i = 0; i < accepted; ++i)
        t.addAccepted();
    QMap<QString, int> rejections;
    for (const QString &id : reasonIds) {
        if (id == u"timeout"_s || id == u"refused"_s || id == u"socket_error"_s || id == u"kiss_of_death"_s) {
            RequestOutcome e;
            e.reasonId = id;
            t.add(e);
            if (id == u"kiss_of_death"_s)
                rejections[id] += 1; // the engine counts the kiss datagram too
        } else {
            rejections[id] += 1;
        }
    }
    t.addRejections(rejections);
    return t;
}

ServerReachability server(const QString &name, ReachOutcome outcome, quint16 port = 123, int requests = 3)
{
    ServerReachability s;
    s.name = name;
    s.address = outcome == ReachOutcome::DnsFailure ? QString() : u"192.0.2.1"_s;
    s.port = port;
    s.outcome = outcome;
    s.requests = outcome == ReachOutcome::DnsFailure ? 0 : requests;
    return s;
}

ReachabilityFindings conclude(const QList<ServerReachability> &servers)
{
    ReachabilityFindings r;
    r.servers = servers;
    concludeReachability(r);
    return r;
}

} // namespace

class TstReachabilityFindings : public QObject
{
    Q_OBJECT

private slots:
    void talliesSampleEvents();
    void classifiesServers_data();
    void classifiesServers();
    void everyServerTimingOutMeansBlocked();
    void singleSilentServerIsAmbiguous();
    void nameResolutionFailures();
    void everyServerRefused();
    void noRoute();
    void kissOfDeathEverywhere();
    void partialReachability();
    void allAnswer();
    void noServers();
    void ids();
};

void TstReachabilityFindings::talliesSampleEvents()
{
    const SampleTally t = tallyOf({u"timeout"_s, u"timeout"_s, u"refused"_s, u"socket_error"_s, u"kiss_of_death"_s,
                                   u"bogus_origin"_s, u"malformed"_s, u"unsynchronized"_s, u"stratum_16"_s},
                                  2);
    QCOMPARE(t.accepted, 2);
    QCOMPARE(t.timeouts, 2);
    QCOMPARE(t.refused, 1);
    QCOMPARE(t.socketErrors, 1);
    QCOMPARE(t.kisses, 1);
    QCOMPARE(t.invalid, 2);
    QCOMPARE(t.unusable, 2);
}

void TstReachabilityFindings::classifiesServers_data()
{
    QTest::addColumn<ServerStatus>("status");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<int>("accepted");
    QTest::addColumn<ReachOutcome>("outcome");

    ServerStatus answered = status(u"a"_s, u"192.0.2.1"_s, 3);
    answered.repliesAccepted = 3;
    answered.reach = 7;
    answered.state = ServerState::SysPeer;
    QTest::newRow("answers") << answered << QStringList{} << 3 << ReachOutcome::Answers;

    ServerStatus unsynced = status(u"b"_s, u"192.0.2.2"_s, 3);
    unsynced.reach = 7;
    unsynced.state = ServerState::Unusable;
    QTest::newRow("answers, unusable") << unsynced << QStringList{u"unsynchronized"_s, u"unsynchronized"_s} << 0
                                       << ReachOutcome::AnswersUnusable;

    ServerStatus kissed = status(u"c"_s, u"192.0.2.3"_s, 1);
    kissed.lastKiss = u"DENY"_s;
    kissed.reach = 1;
    kissed.state = ServerState::KodDeny;
    QTest::newRow("kiss") << kissed << QStringList{u"kiss_of_death"_s} << 0 << ReachOutcome::KissOfDeath;

    QTest::newRow("dns") << status(u"name.invalid"_s, QString(), 0) << QStringList{} << 0 << ReachOutcome::DnsFailure;
    QTest::newRow("invalid replies") << status(u"d"_s, u"192.0.2.4"_s, 2)
                                     << QStringList{u"bogus_origin"_s, u"timeout"_s, u"malformed"_s, u"timeout"_s} << 0
                                     << ReachOutcome::InvalidReplies;
    QTest::newRow("refused") << status(u"e"_s, u"192.0.2.5"_s, 3)
                             << QStringList{u"refused"_s, u"refused"_s, u"refused"_s} << 0 << ReachOutcome::Refused;
    QTest::newRow("mostly timeouts") << status(u"f"_s, u"192.0.2.6"_s, 3)
                                     << QStringList{u"refused"_s, u"timeout"_s, u"timeout"_s} << 0
                                     << ReachOutcome::TimedOut;
    QTest::newRow("send errors") << status(u"g"_s, u"2001:db8::1"_s, 2)
                                 << QStringList{u"socket_error"_s, u"socket_error"_s} << 0
                                 << ReachOutcome::NetworkError;
    QTest::newRow("timeouts") << status(u"h"_s, u"192.0.2.8"_s, 3)
                              << QStringList{u"timeout"_s, u"timeout"_s, u"timeout"_s} << 0 << ReachOutcome::TimedOut;
}

void TstReachabilityFindings::classifiesServers()
{
    QFETCH(ServerStatus, status);
    QFETCH(QStringList, events);
    QFETCH(int, accepted);
    QFETCH(ReachOutcome, outcome);
    const ServerReachability r = classifyServer(status, tallyOf(events, accepted));
    QCOMPARE(r.outcome, outcome);
    QCOMPARE(r.name, status.name);
    QCOMPARE(r.requests, status.requestsSent);
    QCOMPARE(r.kissCode, status.lastKiss);
}

void TstReachabilityFindings::everyServerTimingOutMeansBlocked()
{
    const ReachabilityFindings r = conclude({server(u"0.pool.example"_s, ReachOutcome::TimedOut),
                                           server(u"1.pool.example"_s, ReachOutcome::TimedOut),
                                           server(u"bad.invalid"_s, ReachOutcome::DnsFailure)});
    QCOMPARE(r.conclusion, ReachConclusion::Blocked);
    QVERIFY2(r.summary.contains(u"No server answered: all 6 request(s) to 2 servers timed out."_s), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"UDP 123 appears blocked by a firewall or the network"_s), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"Did not resolve (a DNS problem, no request was sent): bad.invalid."_s),
             qPrintable(r.summary));
    const ReachabilityFindings ports = conclude({server(u"a"_s, ReachOutcome::TimedOut, 123),
                                               server(u"b"_s, ReachOutcome::TimedOut, 1123)});
    QVERIFY2(ports.summary.contains(u"UDP to the NTP ports appears blocked"_s), qPrintable(ports.summary));
}

void TstReachabilityFindings::singleSilentServerIsAmbiguous()
{
    const ReachabilityFindings r = conclude({server(u"ntp.example"_s, ReachOutcome::TimedOut)});
    QCOMPARE(r.conclusion, ReachConclusion::Blocked);
    QVERIFY2(r.summary.contains(u"Either the server is down or UDP 123 is blocked"_s), qPrintable(r.summary));
}

void TstReachabilityFindings::nameResolutionFailures()
{
    const ReachabilityFindings r = conclude({server(u"a.invalid"_s, ReachOutcome::DnsFailure),
                                           server(u"b.invalid"_s, ReachOutcome::DnsFailure)});
    QCOMPARE(r.conclusion, ReachConclusion::DnsFailure);
    QVERIFY2(r.summary.startsWith(u"No server name could be resolved: this is a DNS problem, not an NTP one"_s),
             qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"a.invalid, b.invalid"_s), qPrintable(r.summary));
}

void TstReachabilityFindings::everyServerRefused()
{
    const ReachabilityFindings r = conclude({server(u"a"_s, ReachOutcome::Refused), server(u"b"_s, ReachOutcome::Refused)});
    QCOMPARE(r.conclusion, ReachConclusion::AllRefused);
    QVERIFY2(r.summary.contains(u"ICMP port unreachable"_s) && r.summary.contains(u"nothing serves NTP on UDP 123"_s),
             qPrintable(r.summary));
}

void TstReachabilityFindings::noRoute()
{
    const ReachabilityFindings r = conclude({server(u"a"_s, ReachOutcome::NetworkError)});
    QCOMPARE(r.conclusion, ReachConclusion::NoRoute);
    QVERIFY2(r.summary.contains(u"no route"_s), qPrintable(r.summary));
}

void TstReachabilityFindings::kissOfDeathEverywhere()
{
    ServerReachability deny = server(u"a"_s, ReachOutcome::KissOfDeath);
    deny.kissCode = u"DENY"_s;
    ServerReachability rate = server(u"b"_s, ReachOutcome::KissOfDeath);
    rate.kissCode = u"RATE"_s;
    const ReachabilityFindings r = conclude({deny, rate});
    QCOMPARE(r.conclusion, ReachConclusion::AllKissOfDeath);
    QVERIFY2(r.summary.contains(u"a (DENY), b (RATE)"_s), qPrintable(r.summary));
}

void TstReachabilityFindings::partialReachability()
{
    const ReachabilityFindings r = conclude({server(u"good"_s, ReachOutcome::Answers),
                                           server(u"silent"_s, ReachOutcome::TimedOut),
                                           server(u"closed"_s, ReachOutcome::Refused),
                                           server(u"bad.invalid"_s, ReachOutcome::DnsFailure)});
    QCOMPARE(r.conclusion, ReachConclusion::SomeUnreachable);
    QVERIFY2(r.summary.startsWith(u"1 of 4 servers answered, so NTP gets through this network"_s), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"Timed out (the server is down, or the requests are filtered): silent."_s),
             qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"Refused with ICMP port unreachable (nothing serves NTP there): closed."_s),
             qPrintable(r.summary));
    QVERIFY(!r.summary.contains(u"appears blocked"_s));
    const ReachabilityFindings mixed = conclude({server(u"silent"_s, ReachOutcome::TimedOut),
                                               server(u"closed"_s, ReachOutcome::Refused)});
    QCOMPARE(mixed.conclusion, ReachConclusion::NoneAnswer);
}

void TstReachabilityFindings::allAnswer()
{
    const ReachabilityFindings r = conclude({server(u"a"_s, ReachOutcome::Answers),
                                           server(u"b"_s, ReachOutcome::AnswersUnusable)});
    QCOMPARE(r.conclusion, ReachConclusion::AllAnswer);
    QVERIFY2(r.summary.startsWith(u"All 2 servers answered: outbound NTP (UDP 123) works."_s), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"Answered with time that cannot be used: b."_s), qPrintable(r.summary));
    QCOMPARE(conclude({server(u"a"_s, ReachOutcome::Answers)}).summary,
             u"The server answered: outbound NTP (UDP 123) works."_s);
}

void TstReachabilityFindings::noServers()
{
    const ReachabilityFindings r = conclude({});
    QCOMPARE(r.conclusion, ReachConclusion::NoServers);
    QVERIFY(r.summary.contains(u"not tested"_s));
}

void TstReachabilityFindings::ids()
{
    QCOMPARE(reachOutcomeId(ReachOutcome::TimedOut), u"timeout"_s);
    QCOMPARE(reachOutcomeId(ReachOutcome::DnsFailure), u"dns_failure"_s);
    QCOMPARE(reachOutcomeId(ReachOutcome::KissOfDeath), u"kiss_of_death"_s);
    QCOMPARE(reachConclusionId(ReachConclusion::Blocked), u"blocked"_s);
    QCOMPARE(reachConclusionId(ReachConclusion::SomeUnreachable), u"some_unreachable"_s);
}

QTEST_GUILESS_MAIN(TstReachabilityFindings)
#include "tst_reachabilityfindings.moc"
