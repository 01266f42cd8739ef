// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/reachabilityfindings.h"

#include <map>
#include <set>

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

QString plural(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

// "UDP 123" when every tested server uses the same port, else "UDP to the NTP ports".
QString portPhrase(const QList<ServerReachability> &servers)
{
    std::set<quint16> ports;
    for (const ServerReachability &s : servers) {
        if (s.outcome != ReachOutcome::DnsFailure)
            ports.insert(s.port);
    }
    if (ports.size() == 1)
        return u"UDP %1"_s.arg(*ports.begin());
    return u"UDP to the NTP ports"_s;
}

QStringList namesWith(const QList<ServerReachability> &servers, ReachOutcome outcome)
{
    QStringList names;
    for (const ServerReachability &s : servers) {
        if (s.outcome != outcome)
            continue;
        if (outcome == ReachOutcome::KissOfDeath && !s.kissCode.isEmpty())
            names << u"%1 (%2)"_s.arg(s.name, s.kissCode);
        else
            names << s.name;
    }
    return names;
}

// One sentence per kind of failure, naming the servers, e.g. "Timed out: a, b."
QString breakdown(const QList<ServerReachability> &servers)
{
    static const std::pair<ReachOutcome, const char16_t *> phrases[] = {
        {ReachOutcome::AnswersUnusable, u"Answered with time that cannot be used"},
        {ReachOutcome::KissOfDeath, u"Sent a kiss-o'-death (DENY/RSTR: it will not serve this client; RATE: "
                                    u"poll it less often)"},
        {ReachOutcome::InvalidReplies, u"Sent only invalid replies (not NTP, or not for our request)"},
        {ReachOutcome::Refused, u"Refused with ICMP port unreachable (nothing serves NTP there)"},
        {ReachOutcome::NetworkError, u"Could not be sent to (no route from this computer)"},
        {ReachOutcome::TimedOut, u"Timed out (the server is down, or the requests are filtered)"},
        {ReachOutcome::DnsFailure, u"Did not resolve (a DNS problem, no request was sent)"},
    };
    QStringList sentences;
    for (const auto &[outcome, phrase] : phrases) {
        const QStringList names = namesWith(servers, outcome);
        if (!names.isEmpty())
            sentences << QString::fromUtf16(phrase) + u": "_s + names.join(u", "_s) + u"."_s;
    }
    return sentences.join(u' ');
}

} // namespace

ServerReachability classifyServer(const engine::ServerStatus &status, const SampleTally &tally)
{
    ServerReachability r;
    r.name = status.name;
    r.address = status.address;
    r.port = status.port;
    r.requests = status.requestsSent;
    r.tally = tally;
    r.kissCode = status.lastKiss;
    r.detail = status.reason;
    if (!status.lastKiss.isEmpty() || tally.kisses > 0)
        r.outcome = ReachOutcome::KissOfDeath;
    else if (status.repliesAccepted > 0 || tally.accepted > 0)
        r.outcome = ReachOutcome::Answers;
    else if (tally.unusable > 0 || status.reach != 0)
        r.outcome = ReachOutcome::AnswersUnusable;
    else if (status.address.isEmpty() && status.requestsSent == 0)
        r.outcome = ReachOutcome::DnsFailure;
    else if (tally.invalid > 0)
        r.outcome = ReachOutcome::InvalidReplies;
    else if (tally.refused > 0 && tally.refused >= tally.timeouts)
        r.outcome = ReachOutcome::Refused;
    else if (tally.socketErrors > 0 && tally.timeouts == 0 && tally.refused == 0)
        r.outcome = ReachOutcome::NetworkError;
    else
        r.outcome = ReachOutcome::TimedOut;
    if (r.outcome == ReachOutcome::Answers)
        r.detail.clear(); // selection's verdict, not a reachability matter
    return r;
}

void concludeReachability(ReachabilityFindings &findings)
{
    const QList<ServerReachability> &servers = findings.servers;
    const int total = int(servers.size());
    if (total == 0) {
        findings.conclusion = ReachConclusion::NoServers;
        findings.summary = u"No servers were given, so reachability was not tested."_s;
        return;
    }
    std::map<ReachOutcome, int> count;
    int requests = 0;
    for (const ServerReachability &s : servers) {
        ++count[s.outcome];
        requests += s.requests;
    }
    const int answered = count[ReachOutcome::Answers] + count[ReachOutcome::AnswersUnusable];
    const int tested = total - count[ReachOutcome::DnsFailure];
    const QString port = portPhrase(servers);
    const QString details = breakdown(servers);
    auto withDetails = [&details](const QString &text) { return details.isEmpty() ? text : text + u' ' + details; };

    if (answered == total) {
        findings.conclusion = ReachConclusion::AllAnswer;
        findings.summary = withDetails(
            plural(total, u"The server answered: outbound NTP (%1) works."_s.arg(port),
                   u"All %1 servers answered: outbound NTP ("_s + port + u") works."_s));
    } else if (tested == 0) {
        findings.conclusion = ReachConclusion::DnsFailure;
        findings.summary = withDetails(
            u"No server name could be resolved: this is a DNS problem, not an NTP one, and no NTP request was "
            "sent. Check the names and this computer's DNS settings."_s);
    } else if (answered > 0) {
        findings.conclusion = ReachConclusion::SomeUnreachable;
        findings.summary = withDetails(u"%1 of %2 servers answered, so NTP gets through this network; the others "
                                     "have problems of their own."_s.arg(answered)
                                             .arg(total));
    } else if (count[ReachOutcome::TimedOut] == tested && tested == 1) {
        findings.conclusion = ReachConclusion::Blocked;
        findings.summary = withDetails(
            u"No server answered: all %1 request(s) timed out. Either the server is down or %2 is blocked by a "
            "firewall or the network; test several servers to tell the two apart."_s.arg(requests)
                    .arg(port));
    } else if (count[ReachOutcome::TimedOut] == tested) {
        findings.conclusion = ReachConclusion::Blocked;
        findings.summary = withDetails(
            u"No server answered: all %1 request(s) to %2 timed out. %3 appears blocked by a firewall or the "
            "network (requests or replies are dropped silently). Check this computer's firewall and the router, "
            "and ask whether your network allows only its own NTP server."_s.arg(requests)
                    .arg(plural(tested, u"the server"_s, u"%1 servers"_s))
                    .arg(port));
    } else if (count[ReachOutcome::Refused] == tested) {
        findings.conclusion = ReachConclusion::AllRefused;
        findings.summary = withDetails(
            u"Every server answered with ICMP port unreachable: the hosts are reachable, but nothing serves NTP "
            "on %1 there (or a firewall rejects it actively)."_s.arg(port));
    } else if (count[ReachOutcome::NetworkError] == tested) {
        findings.conclusion = ReachConclusion::NoRoute;
        findings.summary = withDetails(u"No request could be sent: this computer has no route to the servers "
                                     "(is it online?)."_s);
    } else if (count[ReachOutcome::KissOfDeath] == tested) {
        findings.conclusion = ReachConclusion::AllKissOfDeath;
        findings.summary = withDetails(u"Every server that was reached sent a kiss-o'-death: they refuse to serve "
                                     "this client or ask it to poll less often. The network is fine; use other "
                                     "servers, or slow down."_s);
    } else {
        findings.conclusion = ReachConclusion::NoneAnswer;
        findings.summary = withDetails(u"No server gave a usable answer."_s);
    }
}

QString reachOutcomeId(ReachOutcome outcome)
{
    switch (outcome) {
    case ReachOutcome::Answers: return u"answers"_s;
    case ReachOutcome::AnswersUnusable: return u"answers_unusable"_s;
    case ReachOutcome::KissOfDeath: return u"kiss_of_death"_s;
    case ReachOutcome::InvalidReplies: return u"invalid_replies"_s;
    case ReachOutcome::Refused: return u"refused"_s;
    case ReachOutcome::NetworkError: return u"network_error"_s;
    case ReachOutcome::TimedOut: return u"timeout"_s;
    case ReachOutcome::DnsFailure: return u"dns_failure"_s;
    }
    return u"timeout"_s;
}

QString reachConclusionId(ReachConclusion conclusion)
{
    switch (conclusion) {
    case ReachConclusion::NoServers: return u"no_servers"_s;
    case ReachConclusion::AllAnswer: return u"all_answer"_s;
    case ReachConclusion::SomeUnreachable: return u"some_unreachable"_s;
    case ReachConclusion::Blocked: return u"blocked"_s;
    case ReachConclusion::DnsFailure: return u"dns_failure"_s;
    case ReachConclusion::AllRefused: return u"all_refused"_s;
    case ReachConclusion::NoRoute: return u"no_route"_s;
    case ReachConclusion::AllKissOfDeath: return u"all_kiss_of_death"_s;
    case ReachConclusion::NoneAnswer: return u"none_answer"_s;
    }
    return u"none_answer"_s;
}

} // namespace chronoscope::diagnostics
