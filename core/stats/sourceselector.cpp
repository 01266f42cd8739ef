// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/sourceselector.h"

#include <cmath>

#include "core/ntp/clockmath.h"
#include "core/stats/cluster.h"
#include "core/stats/intersection.h"

using namespace Qt::StringLiterals;

namespace chronoscope::stats {
namespace {

QString seconds(double value)
{
    const double magnitude = std::abs(value);
    if (magnitude >= 1.0)
        return u"%1 s"_s.arg(value, 0, 'f', 1);
    if (magnitude >= 1e-3)
        return u"%1 ms"_s.arg(value * 1e3, 0, 'f', 1);
    return u"%1 µs"_s.arg(value * 1e6, 0, 'f', 0);
}

QString serverCount(int n)
{
    return n == 1 ? u"1 other server"_s : u"%1 other servers"_s.arg(n);
}

// Why a candidate cannot take part in selection at all, or empty when it can.
std::optional<CandidateVerdict> unfit(const SelectionCandidate &c, const SelectionOptions &options)
{
    auto verdict = [&](Verdict v, QString reason, QString id, QStringList args = {}) {
        return CandidateVerdict{c.id, v, std::move(reason), engine::StatusReason{std::move(id), std::move(args)}};
    };
    if (c.noselect)
        return verdict(Verdict::Unusable, u"measured but never used (noselect)"_s, u"noselect"_s);
    if (!c.reachable)
        return verdict(Verdict::Unusable, u"not reachable"_s, u"not_reachable"_s);
    if (!c.hasSample)
        return verdict(Verdict::Unusable, u"no valid sample yet"_s, u"no_sample"_s);
    if (!c.synchronised)
        return verdict(Verdict::Unusable, u"the server says its clock is not synchronised"_s, u"server_unsynchronised"_s);
    if (c.stratum <= 0 || c.stratum >= ntp::MAXSTRAT)
        return verdict(Verdict::Unusable, u"stratum %1: the server is not synchronised"_s.arg(c.stratum),
                       u"bad_stratum"_s, {QString::number(c.stratum)});
    const double limit = options.maxDistance + ntp::PHI * ntp::log2ToSeconds(c.pollLog2);
    if (c.rootDistance > limit)
        return verdict(Verdict::Unusable, u"root distance %1 is above the %2 limit"_s.arg(
            seconds(c.rootDistance), seconds(options.maxDistance)), u"root_distance_high"_s,
            {engine::StatusReason::seconds(c.rootDistance), engine::StatusReason::seconds(options.maxDistance)});
    if (c.jitter > options.maxJitter)
        return verdict(Verdict::Jittery, u"jitter %1 is above the %2 limit"_s.arg(seconds(c.jitter), seconds(options.maxJitter)),
                       u"jitter_high"_s,
                       {engine::StatusReason::seconds(c.jitter), engine::StatusReason::seconds(options.maxJitter)});
    return std::nullopt;
}

} // namespace

SelectionResult selectSources(const QList<SelectionCandidate> &candidates, const SelectionOptions &options)
{
    SelectionResult result;
    const int n = int(candidates.size());
    for (const SelectionCandidate &c : candidates)
        result.verdicts.append(CandidateVerdict{c.id, Verdict::Unusable, QString(), {}});

    // 1. Fitness (NTP-NOTES §3.2).
    QList<int> fit;
    for (int i = 0; i < n; ++i) {
        if (auto v = unfit(candidates[i], options))
            result.verdicts[i] = *v;
        else
            fit.append(i);
    }
    if (fit.isEmpty()) {
        result.summary = n == 0 ? u"no servers configured"_s : u"no server is usable"_s;
        result.summaryCode.id = n == 0 ? u"no_servers"_s : u"no_usable_server"_s;
        return result;
    }

    // 2. Intersection. With trusted servers, only they vote; the others must agree with them.
    QList<int> voters;
    for (int i : fit)
        if (candidates[i].trust)
            voters.append(i);
    const bool trustMode = !voters.isEmpty();
    if (!trustMode)
        voters = fit;
    QList<CorrectnessInterval> intervals;
    for (int i : voters)
        intervals.append({candidates[i].offset, candidates[i].rootDistance});
    const IntersectionResult inter = findIntersection(intervals);
    if (!inter.found) {
        for (int i : fit) {
            result.verdicts[i].verdict = Verdict::Falseticker;
            result.verdicts[i].reason = u"no majority: the %1 usable servers do not agree"_s.arg(fit.size());
            result.verdicts[i].code = {u"no_majority_servers"_s, {QString::number(fit.size())}};
        }
        result.summary = u"no majority: the usable servers disagree with each other"_s;
        result.summaryCode.id = u"no_majority"_s;
        return result;
    }
    result.intersectionLow = inter.low;
    result.intersectionHigh = inter.high;
    QList<int> truechimers;
    QList<bool> isTruechimer(n, false);
    for (int i : fit) {
        if (candidates[i].offset >= inter.low && candidates[i].offset <= inter.high) {
            truechimers.append(i);
            isTruechimer[i] = true;
        }
    }
    for (int i : fit) {
        if (isTruechimer[i])
            continue;
        result.verdicts[i].verdict = Verdict::Falseticker;
        result.verdicts[i].reason = trustMode && !candidates[i].trust
            ? u"disagrees with the trusted server(s)"_s
            : u"disagrees with %1"_s.arg(serverCount(int(truechimers.size())));
        result.verdicts[i].code = trustMode && !candidates[i].trust
            ? engine::StatusReason{u"disagrees_trusted"_s, {}}
            : engine::StatusReason{u"disagrees"_s, {QString::number(truechimers.size())}};
    }
    result.truechimers = int(truechimers.size());

    auto holdBack = [&](const QString &why, const engine::StatusReason &code) {
        for (int i : truechimers) {
            result.verdicts[i].verdict = Verdict::Outlier;
            result.verdicts[i].reason = why;
            result.verdicts[i].code = code;
        }
        result.summary = why;
        result.summaryCode = code;
        return result;
    };
    // 3. minsources and require (chrony's W).
    if (truechimers.size() < options.minSources)
        return holdBack(u"only %1 server(s) agree; at least %2 are required (minsources)"_s.arg(truechimers.size()).arg(options.minSources),
                        {u"min_sources"_s, {QString::number(truechimers.size()), QString::number(options.minSources)}});
    bool anyRequire = false;
    bool requireSatisfied = false;
    for (int i = 0; i < n; ++i) {
        anyRequire = anyRequire || candidates[i].require;
        requireSatisfied = requireSatisfied || (candidates[i].require && isTruechimer[i]);
    }
    if (anyRequire && !requireSatisfied)
        return holdBack(u"waiting for a required server to become usable (require)"_s, {u"require_waiting"_s, {}});

    // 4. prefer: when a preferred server survived, combine only preferred servers (chrony's P).
    QList<int> pool;
    for (int i : truechimers)
        if (candidates[i].prefer)
            pool.append(i);
    const bool preferMode = !pool.isEmpty();
    if (!preferMode)
        pool = truechimers;
    for (int i : truechimers) {
        if (preferMode && !candidates[i].prefer) {
            result.verdicts[i].verdict = Verdict::Outlier;
            result.verdicts[i].reason = u"not combined: a preferred server is available"_s;
            result.verdicts[i].code = {u"prefer_not_combined"_s, {}};
        }
    }

    // 5. Cluster (prefer servers are never pruned).
    QList<ClusterCandidate> clusterInput;
    for (int i : pool) {
        const SelectionCandidate &c = candidates[i];
        clusterInput.append({i, c.offset, c.jitter, c.rootDistance, c.stratum, c.prefer});
    }
    const ClusterResult cluster = clusterSurvivors(clusterInput, options.minSurvivors);
    for (int i : cluster.outliers) {
        result.verdicts[i].verdict = Verdict::Outlier;
        result.verdicts[i].reason = u"not combined: offset %1 is too far from the others"_s.arg(seconds(candidates[i].offset));
        result.verdicts[i].code = {u"cluster_outlier"_s, {engine::StatusReason::seconds(candidates[i].offset)}};
    }

    // 6. System peer and combine (weights 1/λ, NTP-NOTES §3.6).
    const int peer = cluster.survivors.first();
    double weightSum = 0;
    double weighted = 0;
    for (int i : cluster.survivors) {
        result.verdicts[i].verdict = i == peer ? Verdict::SysPeer : Verdict::Candidate;
        result.verdicts[i].reason.clear();
        result.verdicts[i].code = {};
        const double w = 1.0 / std::max(candidates[i].rootDistance, 1e-9);
        weightSum += w;
        weighted += w * candidates[i].offset;
    }
    const SelectionCandidate &sys = candidates[peer];
    result.synchronised = true;
    result.sysPeerId = sys.id;
    result.survivors = int(cluster.survivors.size());
    result.offset = weighted / weightSum;
    result.jitter = std::sqrt(cluster.selectionJitter * cluster.selectionJitter + sys.jitter * sys.jitter);
    result.rootDelay = sys.rootDelay;
    result.rootDispersion = sys.rootDispersion;
    result.errorBound = std::abs(*result.offset) + sys.rootDispersion + sys.rootDelay / 2.0;
    return result;
}

} // namespace chronoscope::stats
