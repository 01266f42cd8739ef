// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/protocol/protocol.h"

namespace chronoscope::helper {

// Refuses a STEP or SLEW request that was already accepted once (HELPER.md §4.3): a frame
// captured and sent again, by anyone able to start the helper, within the few seconds its
// measurement is still fresh enough to pass validation. A request is known by its requestId and
// measuredMonoNs (the client picks a random starting id per session and never reuses one; a
// measurement is used once). Entries are kept until their measurement is older than `windowNs`
// (the helper's maximum measurement age), after which the staleness check refuses the frame
// anyway. At most `capacity` entries: when that many fresh requests are remembered (the rate
// limit allows only a few per window), new ones are refused rather than forgetting old ones.
//
// A pkexec'd helper lives for one session, so memory alone would not outlive it: with a
// history directory (POSIX, like RateLimiter's, root-only on /run) the entries are kept in
// DIR/requests, read and rewritten under an exclusive lock so that two helpers started at the
// same time cannot both accept the same frame.
class ReplayGuard
{
public:
    enum class Outcome { Fresh, Replayed, Full };

    explicit ReplayGuard(std::int64_t windowNs, std::size_t capacity = 64);

    // The directory is used only if it is a real directory owned by this process's effective
    // user and writable by nobody else (created 0700 unless readOnly). readOnly (--dry-run):
    // consult the file but remember new requests in memory only. False when unusable (then
    // memory only). Windows: memory only, always false.
    bool setHistoryDirectory(const std::string &directory, bool readOnly);

    // Fresh: not seen before, and now remembered. Replayed: seen before. Full: refused, see above.
    Outcome checkAndRemember(const protocol::Request &request, std::int64_t nowMonotonicNs);

    struct Entry
    {
        std::int64_t measuredMonoNs = 0;
        std::uint64_t requestId = 0;
    };

private:
    Outcome decide(std::vector<Entry> &entries, const Entry &entry, std::int64_t nowMonotonicNs) const;

    std::int64_t m_windowNs;
    std::size_t m_capacity;
    std::vector<Entry> m_entries;     // memory: this process's own requests
    std::string m_historyFile;        // empty: memory only
    bool m_readOnly = false;
};

// The history file's text: one "MEASURED_MONO_NS REQUEST_ID_HEX" line per entry. Parsing skips
// malformed lines and stops after `capacity` entries (the file is root's, but bounded anyway).
std::string formatReplayEntries(const std::vector<ReplayGuard::Entry> &entries);
std::vector<ReplayGuard::Entry> parseReplayEntries(const std::string &text, std::size_t capacity);

} // namespace chronoscope::helper
