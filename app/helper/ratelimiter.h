// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace chronoscope::helper {

// Limits how often the clock may be changed: at least `minIntervalNs` between changes and at
// most `maxPerWindow` changes in any `windowNs`. Times are CLOCK_MONOTONIC ns, which every
// process of one boot shares and which clock steps do not move.
//
// A pkexec'd helper lives for one request, so in-process memory alone would limit nothing
// across runs. With a history file the limit holds across runs: the file lives in a directory
// only the helper's user (root) may write, on /run, so it is forgotten at reboot along with the
// monotonic clock it is measured in. Entries "from the future" (an older boot) are ignored.
class RateLimiter
{
public:
    RateLimiter(std::int64_t minIntervalNs, std::int64_t windowNs, int maxPerWindow);

    // Keep the history in `directory`/changes. The directory is created (0700) if missing and
    // used only if it is a real directory owned by this process's effective user and writable
    // by nobody else. readOnly: consult the history but never record (--dry-run).
    // Returns false (and keeps only in-memory history) when the directory is unusable.
    bool setHistoryDirectory(const std::string &directory, bool readOnly);

    bool allows(std::int64_t nowMonotonicNs);
    void record(std::int64_t nowMonotonicNs);

private:
    void loadHistory();      // per platform: ratelimiterhistory_posix.cpp, _win.cpp
    void appendHistory(std::int64_t value);
    // Adds the history file's lines (one decimal monotonic ns each; others skipped) to m_changes.
    void addHistoryLines(const std::string &text);

    std::int64_t m_minIntervalNs;
    std::int64_t m_windowNs;
    int m_maxPerWindow;
    std::vector<std::int64_t> m_changes;  // monotonic ns of earlier changes
    std::string m_historyFile;            // empty: memory only
    bool m_readOnly = false;
};

} // namespace chronoscope::helper
