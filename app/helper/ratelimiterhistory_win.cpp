// SPDX-License-Identifier: GPL-3.0-or-later
// The rate limit's history file (see ratelimiter.h), Windows: %ProgramData%\Chronoscope\helper,
// a directory only SYSTEM and Administrators may write, so that the limit holds across
// restarts of the service and across one-shot runs. QueryPerformanceCounter restarts at boot,
// like CLOCK_MONOTONIC, so entries from an earlier boot are "from the future" and ignored.
#include "app/helper/ratelimiter.h"

#include <algorithm>
#include <fstream>

#include "app/helper/securedirectory.h"

namespace chronoscope::helper {
namespace {

constexpr std::size_t MAX_HISTORY_BYTES = 64 * 1024;

} // namespace

bool RateLimiter::setHistoryDirectory(const std::string &directory, bool readOnly)
{
    if (!ensureAdministratorsDirectory(directory, !readOnly, false))
        return false;
    m_historyFile = directory + "\\changes";
    m_readOnly = readOnly;
    return true;
}

void RateLimiter::loadHistory()
{
    if (m_historyFile.empty())
        return;
    std::ifstream in(m_historyFile, std::ios::binary);
    if (!in)
        return;
    std::string text(MAX_HISTORY_BYTES, '\0');
    in.read(text.data(), std::streamsize(text.size()));
    text.resize(std::size_t(in.gcount()));
    addHistoryLines(text);
}

void RateLimiter::appendHistory(std::int64_t value)
{
    if (m_historyFile.empty() || m_readOnly)
        return;
    // One writer at a time: the service, or one elevated one-shot run. Rewrite what still
    // counts (the window) plus the new entry, so the file stays small.
    std::string kept;
    for (std::int64_t change : m_changes) {
        if (value - change <= m_windowNs && change != value)
            kept += std::to_string(change) + '\n';
    }
    kept += std::to_string(value) + '\n';
    std::ofstream out(m_historyFile, std::ios::binary | std::ios::trunc);
    out << kept;
}

} // namespace chronoscope::helper
