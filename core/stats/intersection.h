// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace chronoscope::stats {

// A correctness interval [offset − λ, offset + λ] around a server's offset (seconds).
struct CorrectnessInterval
{
    double offset = 0;        // θ, the midpoint
    double rootDistance = 0;  // λ ≥ 0, the half-width
    double low() const { return offset - rootDistance; }
    double high() const { return offset + rootDistance; }
};

struct IntersectionResult
{
    bool found = false;           // false: no majority clique (do not discipline the clock)
    double low = 0;               // l, seconds
    double high = 0;              // u, seconds
    int falsetickersAllowed = 0;  // the f at which the intersection was found
    QList<bool> truechimer;       // per input: midpoint inside [l, u]
};

// The intersection algorithm as RFC 5905 §11.2.1's prose describes it (NTP-NOTES §3.4), not its
// skeleton code: for f = 0, 1, … while f < m/2, scan the sorted low/mid/high tuples upward and
// downward until m − f intervals overlap, counting midpoints passed on the way; accept [l, u]
// when at most f midpoints fell outside it. Truechimers are the inputs whose midpoint θ lies in
// [l, u].
//
// Touching intervals (documented decision): intervals are CLOSED. At equal values a low endpoint
// sorts before a midpoint, and a midpoint before a high endpoint (mirrored on the downward scan),
// so intervals that only share an endpoint count as overlapping and a zero-width intersection
// (l == u) is accepted. This is chrony's rule (it sorts LOW before HIGH at equal values); the
// RFC's strict l < u would reject a clique that meets in a single point.
IntersectionResult findIntersection(const QList<CorrectnessInterval> &intervals);

} // namespace chronoscope::stats
