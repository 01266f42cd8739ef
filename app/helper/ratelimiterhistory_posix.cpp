// SPDX-License-Identifier: GPL-3.0-or-later
// The rate limit's history file (see ratelimiter.h), POSIX: a root-only directory on /run.
#include "app/helper/ratelimiter.h"
#include "app/helper/securedirectory.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace chronoscope::helper {
namespace {

constexpr std::size_t MAX_HISTORY_BYTES = 64 * 1024;

} // namespace

bool RateLimiter::setHistoryDirectory(const std::string &directory, bool readOnly)
{
    if (!ensureOwnerOnlyDirectory(directory, !readOnly))
        return false;
    m_historyFile = directory + "/changes";
    m_readOnly = readOnly;
    return true;
}

void RateLimiter::loadHistory()
{
    if (m_historyFile.empty())
        return;
    const int fd = open(m_historyFile.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    flock(fd, LOCK_SH);
    std::string text(MAX_HISTORY_BYTES, '\0');
    std::size_t size = 0;
    for (ssize_t n; size < text.size() && (n = read(fd, text.data() + size, text.size() - size)) > 0;)
        size += std::size_t(n);
    close(fd);
    text.resize(size);
    addHistoryLines(text);
}

void RateLimiter::appendHistory(std::int64_t value)
{
    if (m_historyFile.empty() || m_readOnly)
        return;
    const int fd = open(m_historyFile.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    flock(fd, LOCK_EX);
    struct stat st{};
    if (fstat(fd, &st) == 0 && std::size_t(st.st_size) > MAX_HISTORY_BYTES / 2) {
        // Keep only what still matters: the changes within the window.
        std::string kept;
        for (std::int64_t change : m_changes) {
            if (value - change <= m_windowNs)
                kept += std::to_string(change) + '\n';
        }
        if (ftruncate(fd, 0) == 0 && !kept.empty())
            (void)!write(fd, kept.data(), kept.size());
    }
    const std::string line = std::to_string(value) + '\n';
    (void)!write(fd, line.data(), line.size());
    close(fd);
}

} // namespace chronoscope::helper
