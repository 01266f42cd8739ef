// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include "core/diagnostics/sampletally.h"
#include "core/engine/serverstatus.h"

namespace chronoscope::diagnostics {

// How one configured server responded to a short burst of ordinary NTP requests.
enum class ReachOutcome {
    Answers,          // valid replies that became samples
    AnswersUnusable,  // valid replies, but the time is unusable (unsynchronised, stratum 16, ...)
    KissOfDeath,      // it sent a kiss-o'-death (DENY, RSTR, RATE, ...)
    InvalidReplies,   // something answered, but never with a valid reply to our request
    Refused,          // ICMP port unreachable: the host is there, nothing serves NTP
    NetworkError,     // the request could not even be sent (no route, no such address family)
    TimedOut,         // silence: dropped on the way, or the server is down
    DnsFailure,       // the name did not resolve, so nothing was sent
};

struct ServerReachability
{
    QString name;                 // as configured
    QString address;              // resolved address (empty when DNS failed)
    quint16 port = 123;
    ReachOutcome outcome = ReachOutcome::TimedOut;
    int requests = 0;             // requests sent
    SampleTally tally;            // what happened to them
    QString kissCode;             // "DENY", "RATE", ... (empty when none)
    QString detail;               // the engine's reason in words, when it has one
};

// The one-line verdict over all servers.
enum class ReachConclusion {
    NoServers,        // nothing to test
    AllAnswer,        // every server answered
    SomeUnreachable,  // some answered: NTP gets through, the others have their own problems
    Blocked,          // every server that resolved timed out: UDP to the NTP port is filtered
    DnsFailure,       // no name resolved: a DNS problem, NTP was never tried
    AllRefused,       // every server refused: reachable hosts, nothing serves NTP there
    NoRoute,          // no request could be sent at all
    AllKissOfDeath,   // every server that answered sent a kiss-o'-death
    NoneAnswer,       // no usable answer, for a mix of reasons
};

struct ReachabilityFindings
{
    QList<ServerReachability> servers;
    ReachConclusion conclusion = ReachConclusion::NoServers;
    QString summary;              // the conclusion in words, with the servers behind it
};

// Classifies one server from the engine's final snapshot and its sample events.
ServerReachability classifyServer(const engine::ServerStatus &status, const SampleTally &tally);
// Fills conclusion and summary from findings.servers.
void concludeReachability(ReachabilityFindings &findings);

// "answers", "answers_unusable", "kiss_of_death", "invalid_replies", "refused", "network_error",
// "timeout", "dns_failure" (the JSON vocabulary).
QString reachOutcomeId(ReachOutcome outcome);
// "no_servers", "all_answer", "some_unreachable", "blocked", "dns_failure", "all_refused",
// "no_route", "all_kiss_of_death", "none_answer".
QString reachConclusionId(ReachConclusion conclusion);

} // namespace chronoscope::diagnostics

Q_DECLARE_METATYPE(chronoscope::diagnostics::ReachabilityFindings)
