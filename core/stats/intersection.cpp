// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/intersection.h"

#include <algorithm>

namespace chronoscope::stats {
namespace {

// Tuple kinds; their numeric order is the tie-break at equal values on the upward scan.
enum class Edge { Low = 0, Mid = 1, High = 2 };

struct Tuple
{
    double value;
    Edge edge;
};

} // namespace

IntersectionResult findIntersection(const QList<CorrectnessInterval> &intervals)
{
    IntersectionResult result;
    const int m = int(intervals.size());
    result.truechimer = QList<bool>(m, false);
    if (m == 0)
        return result;

    QList<Tuple> tuples;
    tuples.reserve(3 * m);
    for (const CorrectnessInterval &interval : intervals) {
        tuples.append({interval.low(), Edge::Low});
        tuples.append({interval.offset, Edge::Mid});
        tuples.append({interval.high(), Edge::High});
    }
    std::sort(tuples.begin(), tuples.end(), [](const Tuple &a, const Tuple &b) {
        return a.value != b.value ? a.value < b.value : int(a.edge) < int(b.edge);
    });

    for (int f = 0; 2 * f < m; ++f) {
        int midpoints = 0; // d: midpoints passed before the clique was reached, both scans
        int count = 0;     // c
        double low = 0;
        bool lowFound = false;
        for (const Tuple &t : tuples) {
            if (t.edge == Edge::Low)
                ++count;
            else if (t.edge == Edge::High)
                --count;
            else
                ++midpoints;
            if (count >= m - f) {
                low = t.value;
                lowFound = true;
                break;
            }
        }
        count = 0;
        double high = 0;
        bool highFound = false;
        // Downward: the mirror image, so at equal values a high comes before a mid before a low.
        for (auto it = tuples.crbegin(); it != tuples.crend(); ++it) {
            if (it->edge == Edge::High)
                ++count;
            else if (it->edge == Edge::Low)
                --count;
            else
                ++midpoints;
            if (count >= m - f) {
                high = it->value;
                highFound = true;
                break;
            }
        }
        if (lowFound && highFound && midpoints <= f && low <= high) {
            result.found = true;
            result.low = low;
            result.high = high;
            result.falsetickersAllowed = f;
            for (int i = 0; i < m; ++i)
                result.truechimer[i] = intervals[i].offset >= low && intervals[i].offset <= high;
            return result;
        }
    }
    return result;
}

} // namespace chronoscope::stats
