// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stats/drifthistory.h"

#include <algorithm>

namespace chronoscope::stats {

DriftHistory::DriftHistory(int capacity) : m_capacity(std::max(1, capacity)) { }

void DriftHistory::push(const DriftSample &sample)
{
    const Entry entry{sample.time, sample.offset, float(sample.delay), float(sample.dispersion)};
    if (size() < m_capacity) {
        if (m_entries.size() == m_entries.capacity())
            m_entries.reserve(size_t(std::min(m_capacity, std::max(4, 2 * size()))));
        m_entries.push_back(entry);
        return;
    }
    m_entries[size_t(m_oldest)] = entry;
    m_oldest = (m_oldest + 1) % m_capacity;
}

void DriftHistory::clear()
{
    m_entries.clear();
    m_oldest = 0;
}

DriftSample DriftHistory::at(int index) const
{
    const Entry &e = m_entries[size_t((m_oldest + index) % size())];
    return {e.time, e.offset, double(e.delay), double(e.dispersion)};
}

} // namespace chronoscope::stats
