// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/drifthistory.h"

#include <algorithm>

namespace chronoscope::stats {
namespace {

constexpr double MIN_REBASE_AGE = 256.0; // seconds (see DriftHistory)

} // namespace

DriftHistory::DriftHistory(int capacity) : m_capacity(std::max(1, capacity)) { }

void DriftHistory::push(const DriftSample &sample)
{
    if (m_entries.empty()) {
        m_base = sample.time;
    } else {
        // Keep the stored times small (their resolution is relative): once the newest would be
        // far after the base compared with the span, count from the oldest sample kept.
        const double oldest = size() < m_capacity ? at(0).time          // after this push
            : m_capacity > 1                      ? at(1).time
                                                  : sample.time;
        const double span = sample.time - oldest;
        if (sample.time - m_base > std::max(MIN_REBASE_AGE, 4.0 * span))
            moveBaseTo(oldest);
    }
    const Entry e{sample.offset, float(sample.time - m_base), float(sample.delay / 2.0 + sample.dispersion)};
    if (size() < m_capacity) {
        if (m_entries.size() == m_entries.capacity())
            m_entries.reserve(size_t(std::min(m_capacity, std::max(4, 2 * size()))));
        m_entries.push_back(e);
        return;
    }
    m_entries[size_t(m_oldest)] = e;
    m_oldest = (m_oldest + 1) % m_capacity;
}

void DriftHistory::moveBaseTo(double base)
{
    for (Entry &e : m_entries)
        e.time = float((m_base + double(e.time)) - base);
    m_base = base;
}

void DriftHistory::clear()
{
    m_entries.clear();
    m_oldest = 0;
    m_base = 0;
}

const DriftHistory::Entry &DriftHistory::entry(int index) const
{
    // m_oldest + index < 2 × size(): a subtraction instead of a division (fitDrift reads every
    // sample four times per estimate, once per accepted sample).
    const int i = m_oldest + index;
    return m_entries[std::size_t(i < size() ? i : i - size())];
}

void DriftHistory::copyPoints(DriftPoint *out) const
{
    for (int i = 0; i < size(); ++i) {
        const Entry &e = entry(i);
        out[i] = {m_base + double(e.time), e.offset, double(e.distance)};
    }
}

DriftPoint DriftHistory::at(int index) const
{
    const Entry &e = entry(index);
    return {m_base + double(e.time), e.offset, double(e.distance)};
}

} // namespace chronoscope::stats
