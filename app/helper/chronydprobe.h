// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/helper/cmdmonsocket.h"

namespace chronoscope::helper {

// What the helper asks chronyd while it watches an applied configuration (HELPER.md §4.6):
// its sources, each with the name it was configured with and its reachability register.
struct ChronydSource
{
    std::string name;          // NTP_SOURCE_NAME ("127.0.0.2", "ntp.example.org"); empty for refclocks
    std::uint16_t reachability = 0; // 8-bit register: bit set = a reply came for that poll
};

// Reads N_SOURCES, then SOURCE_DATA and NTP_SOURCE_NAME for each source (at most
// cmdmon::MAX_SOURCES). Nothing when chronyd does not answer or answers with an error.
std::optional<std::vector<ChronydSource>> readChronydSources(CmdmonSocket &socket);
// RELOAD_SOURCES: the cmdmon status (0 = success), or nothing when chronyd did not answer.
std::optional<std::uint16_t> reloadChronydSources(CmdmonSocket &socket);

} // namespace chronoscope::helper
