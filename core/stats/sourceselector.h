// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "core/engine/statusreason.h"
#include "core/ntp/ntpconstants.h"

namespace chronoscope::stats {

// What selection needs to know about one server (seconds; offsets positive when the local
// clock is behind).
struct SelectionCandidate
{
    int id = -1;
    QString name;
    bool reachable = false;
    bool hasSample = false;       // at least one valid filter stage
    bool synchronised = true;     // leap ≠ 3
    int stratum = 16;
    double offset = 0;            // θp from the clock filter
    double jitter = 0;            // ψp
    double rootDistance = 1e9;    // λ
    double rootDelay = 0;         // Δr + δp, for the system root delay
    double rootDispersion = 0;    // Er + sample dispersion, for the error bound
    int pollLog2 = 6;
    bool prefer = false;
    bool noselect = false;
    bool trust = false;
    bool require = false;
};

struct SelectionOptions
{
    double maxDistance = ntp::MAXDIST;  // λ limit (plus PHI·2^poll), seconds
    double maxJitter = 1.0;             // ψp above this: jittery (chrony's maxjitter), seconds
    int minSources = 1;                 // truechimers needed to synchronise
    int minSurvivors = 3;               // NMIN of the cluster algorithm
};

enum class Verdict { SysPeer, Candidate, Outlier, Falseticker, Jittery, Unusable };

struct CandidateVerdict
{
    int id = -1;
    Verdict verdict = Verdict::Unusable;
    QString reason;                     // words a user understands; empty for sys peer/candidate
    engine::StatusReason code;          // the same as an id with arguments
};

struct SelectionResult
{
    QList<CandidateVerdict> verdicts;   // one per candidate, same order as the input
    bool synchronised = false;
    std::optional<double> offset;       // Θ, combined, seconds
    std::optional<double> jitter;       // system jitter sqrt(ψs² + ψp²), seconds
    std::optional<double> rootDelay;    // of the system peer
    std::optional<double> rootDispersion;
    std::optional<double> errorBound;   // |Θ| + root dispersion + root delay / 2
    int sysPeerId = -1;
    int survivors = 0;
    int truechimers = 0;
    std::optional<double> intersectionLow;   // [l, u] found by the intersection, seconds
    std::optional<double> intersectionHigh;
    QString summary;                    // why not synchronised, in words (empty when synchronised)
    engine::StatusReason summaryCode;   // the same as an id with arguments
};

// Fitness, intersection, clustering and combining with chrony-style options (prefer, noselect,
// trust, require, minsources). Pure function: same input, same output.
SelectionResult selectSources(const QList<SelectionCandidate> &candidates, const SelectionOptions &options = {});

} // namespace chronoscope::stats
