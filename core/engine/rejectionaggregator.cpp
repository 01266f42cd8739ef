// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/rejectionaggregator.h"

#include <algorithm>

namespace chronoscope::engine {

void RejectionAggregator::add(const QString &reasonId, const QString &detail, double now)
{
    if (m_pending.total == 0 && m_windowStart < 0)
        m_windowStart = now;
    ++m_pending.total;
    const auto it = m_pending.counts.find(reasonId);
    if (it != m_pending.counts.end()) {
        ++*it;
        return;
    }
    if (m_pending.counts.size() >= MAX_REASONS - 1) { // the last slot is "other"
        ++m_pending.counts[QStringLiteral("other")];
        return;
    }
    m_pending.counts.insert(reasonId, 1);
    if (!detail.isEmpty())
        m_pending.examples.insert(reasonId, detail);
}

std::optional<RejectionSummary> RejectionAggregator::takeIfDue(double now, double minInterval)
{
    if (m_pending.total == 0)
        return std::nullopt;
    if (m_lastReport >= 0 && now - m_lastReport < minInterval)
        return std::nullopt;
    return take(now);
}

std::optional<RejectionSummary> RejectionAggregator::take(double now)
{
    if (m_pending.total == 0)
        return std::nullopt;
    RejectionSummary summary = std::move(m_pending);
    summary.time = now;
    summary.windowSeconds = std::max(0.0, now - m_windowStart);
    m_pending = RejectionSummary{};
    m_lastReport = now;
    m_windowStart = now;
    return summary;
}

} // namespace chronoscope::engine
