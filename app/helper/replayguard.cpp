// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/replayguard.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cinttypes>
#include <cstdio>

#ifndef _WIN32
#  include "app/helper/securedirectory.h"

#  include <fcntl.h>
#  include <sys/file.h>
#  include <sys/stat.h>
#  include <unistd.h>
#endif

namespace chronoscope::helper {
namespace {

constexpr std::size_t MAX_LINE = 48;   // "-9223372036854775808 ffffffffffffffff\n" fits

} // namespace

std::string formatReplayEntries(const std::vector<ReplayGuard::Entry> &entries)
{
    std::string text;
    for (const ReplayGuard::Entry &e : entries) {
        char line[MAX_LINE];
        std::snprintf(line, sizeof line, "%" PRId64 " %016" PRIx64 "\n", e.measuredMonoNs, e.requestId);
        text += line;
    }
    return text;
}

std::vector<ReplayGuard::Entry> parseReplayEntries(const std::string &text, std::size_t capacity)
{
    std::vector<ReplayGuard::Entry> entries;
    const char *p = text.data();
    const char *end = p + text.size();
    while (p < end && entries.size() < capacity) {
        const char *eol = std::find(p, end, '\n');
        ReplayGuard::Entry e;
        const auto [afterTime, timeError] = std::from_chars(p, eol, e.measuredMonoNs);
        if (timeError == std::errc() && afterTime < eol && *afterTime == ' ') {
            const auto [afterId, idError] = std::from_chars(afterTime + 1, eol, e.requestId, 16);
            if (idError == std::errc() && afterId == eol)
                entries.push_back(e);
        }
        p = eol < end ? eol + 1 : end;
    }
    return entries;
}

ReplayGuard::ReplayGuard(std::int64_t windowNs, std::size_t capacity)
    : m_windowNs(windowNs)
    , m_capacity(capacity)
{
}

ReplayGuard::Outcome ReplayGuard::decide(std::vector<Entry> &entries, const Entry &entry,
                                         std::int64_t nowMonotonicNs) const
{
    // Forget what the staleness check refuses anyway, and entries of another boot (later than now).
    std::erase_if(entries, [&](const Entry &e) {
        return e.measuredMonoNs > nowMonotonicNs || nowMonotonicNs - e.measuredMonoNs > m_windowNs;
    });
    const bool seen = std::any_of(entries.begin(), entries.end(), [&](const Entry &e) {
        return e.measuredMonoNs == entry.measuredMonoNs && e.requestId == entry.requestId;
    });
    if (seen)
        return Outcome::Replayed;
    if (entries.size() >= m_capacity)
        return Outcome::Full;
    entries.push_back(entry);
    return Outcome::Fresh;
}

#ifdef _WIN32

bool ReplayGuard::setHistoryDirectory(const std::string &, bool)
{
    return false;
}

ReplayGuard::Outcome ReplayGuard::checkAndRemember(const protocol::Request &request, std::int64_t nowMonotonicNs)
{
    const Entry entry{std::int64_t(std::min<std::uint64_t>(request.measuredMonoNs, INT64_MAX)), request.requestId};
    return decide(m_entries, entry, nowMonotonicNs);
}

#else

bool ReplayGuard::setHistoryDirectory(const std::string &directory, bool readOnly)
{
    if (!ensureOwnerOnlyDirectory(directory, !readOnly))
        return false;
    m_historyFile = directory + "/requests";
    m_readOnly = readOnly;
    return true;
}

ReplayGuard::Outcome ReplayGuard::checkAndRemember(const protocol::Request &request, std::int64_t nowMonotonicNs)
{
    const Entry entry{std::int64_t(std::min<std::uint64_t>(request.measuredMonoNs, INT64_MAX)), request.requestId};
    // This process's own requests first (also all there is without a usable file).
    const Outcome own = decide(m_entries, entry, nowMonotonicNs);
    if (own != Outcome::Fresh || m_historyFile.empty())
        return own;
    const int flags = m_readOnly ? O_RDONLY : O_RDWR | O_CREAT;
    const int fd = open(m_historyFile.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return Outcome::Fresh;   // no file yet (read-only), or none possible: memory only
    flock(fd, m_readOnly ? LOCK_SH : LOCK_EX);
    std::string text(m_capacity * MAX_LINE, '\0');
    std::size_t size = 0;
    for (ssize_t n; size < text.size() && (n = read(fd, text.data() + size, text.size() - size)) > 0;)
        size += std::size_t(n);
    text.resize(size);
    std::vector<Entry> stored = parseReplayEntries(text, m_capacity);
    const Outcome outcome = decide(stored, entry, nowMonotonicNs);
    if (outcome == Outcome::Fresh && !m_readOnly) {
        const std::string updated = formatReplayEntries(stored);
        if (ftruncate(fd, 0) == 0 && lseek(fd, 0, SEEK_SET) == 0)
            (void)!write(fd, updated.data(), updated.size());
    }
    close(fd);
    return outcome;
}

#endif

} // namespace chronoscope::helper
