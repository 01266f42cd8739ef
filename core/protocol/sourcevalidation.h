// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/protocol/timeservice.h"

// The rules every server in an ApplySources request must pass (HELPER.md §4.6), shared by the
// app (to say what is wrong before asking for a password) and the helper (which checks again,
// whatever the app did). Plain C++, no resolver, no locale.
namespace chronoscope::protocol::timeservice {

enum class HostKind { Invalid, Ipv4, Ipv6, Name };

struct HostCheck
{
    HostKind kind = HostKind::Invalid;
    SourceError error = SourceError::None;
};

// An IPv4 literal (four decimal parts 0–255, no leading zeros), an IPv6 literal (RFC 4291 text,
// no zone, no brackets), neither the unspecified address (0.0.0.0, ::), or a host name of LDH labels (1–63 characters each, letters, digits and
// '-' not at either end, no trailing dot, the last label not all digits); at most
// MAX_HOST_LENGTH bytes. Nothing else: no spaces, quotes, '#', control characters or non-ASCII.
HostCheck checkHost(std::string_view host);
// 127.0.0.0/8, ::1 or "localhost".
bool isLoopbackHost(std::string_view host);

struct SourcesCheck
{
    SourceError error = SourceError::None;
    std::size_t index = 0;   // the offending server (for NoServers/TooManyServers: 0)
    bool ok() const { return error == SourceError::None; }
};

// Every server of the list for `daemon`: host, poll range and order, pool etiquette, NTS
// against keys, duplicates, and what the daemon's format can express (timesyncd: host and
// nothing else; ntpd: no port, key ≤ MAX_NTPD_KEY_ID).
SourcesCheck validateSources(Daemon daemon, const std::vector<ServerEntry> &servers);

} // namespace chronoscope::protocol::timeservice
