// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include "core/engine/rejectionsummary.h"

namespace chronoscope::engine {

// Counts rejected datagrams of one server between reports, so that a flood of junk costs a
// counter increment per datagram and one summary per poll interval — never a log line or a
// cross-thread event per datagram. Pure: the caller passes the time.
class RejectionAggregator
{
public:
    // Distinct reasons kept per window (the reason ids are a closed set; this bounds memory
    // even if that ever changes).
    static constexpr int MAX_REASONS = 32;

    // Counts one rejected datagram at `now` (Unix seconds). The detail is kept only for the
    // first datagram of each reason in the window.
    void add(const QString &reasonId, const QString &detail, double now);
    bool isEmpty() const { return m_pending.total == 0; }
    int pendingTotal() const { return m_pending.total; }

    // The summary of the window, when something is pending and at least `minInterval` seconds
    // (the poll interval) have passed since the previous report; resets the window.
    std::optional<RejectionSummary> takeIfDue(double now, double minInterval);
    // The summary of the window regardless of the interval (at stop), if anything is pending.
    std::optional<RejectionSummary> take(double now);

private:
    RejectionSummary m_pending;
    double m_windowStart = -1;     // time of the previous report, or of the first datagram
    double m_lastReport = -1;
};

} // namespace chronoscope::engine
