// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/ratelimiter.h"

#include <algorithm>
#include <charconv>

// The history file is platform code: ratelimiterhistory_posix.cpp, ratelimiterhistory_win.cpp.
namespace chronoscope::helper {

RateLimiter::RateLimiter(std::int64_t minIntervalNs, std::int64_t windowNs, int maxPerWindow)
    : m_minIntervalNs(minIntervalNs)
    , m_windowNs(windowNs)
    , m_maxPerWindow(maxPerWindow)
{
}

bool RateLimiter::allows(std::int64_t nowMonotonicNs)
{
    loadHistory();
    // Forget what no longer counts, and entries from another boot (later than now).
    std::erase_if(m_changes, [&](std::int64_t t) { return t > nowMonotonicNs || nowMonotonicNs - t > m_windowNs; });
    std::sort(m_changes.begin(), m_changes.end());
    m_changes.erase(std::unique(m_changes.begin(), m_changes.end()), m_changes.end());
    if (!m_changes.empty() && nowMonotonicNs - m_changes.back() < m_minIntervalNs)
        return false;
    return int(m_changes.size()) < m_maxPerWindow;
}

void RateLimiter::record(std::int64_t nowMonotonicNs)
{
    m_changes.push_back(nowMonotonicNs);
    appendHistory(nowMonotonicNs);
}

void RateLimiter::addHistoryLines(const std::string &text)
{
    const char *p = text.data();
    const char *end = p + text.size();
    while (p < end) {
        std::int64_t value = 0;
        const auto [next, ec] = std::from_chars(p, end, value);
        if (ec == std::errc())
            m_changes.push_back(value);
        p = std::find(next, end, '\n');
        if (p < end)
            ++p;
    }
}

} // namespace chronoscope::helper
