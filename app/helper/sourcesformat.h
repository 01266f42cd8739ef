// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/protocol/timeservice.h"

// The files the helper writes for each daemon (HELPER.md §4.6), rendered from validated servers
// only, and the strict parsers that read them back: the helper re-parses what it rendered and
// writes nothing unless it gets exactly the same servers.
namespace chronoscope::helper::sourcesformat {

using protocol::timeservice::ServerEntry;

inline constexpr std::string_view NTP_BEGIN = "# BEGIN chronoscope";
inline constexpr std::string_view NTP_END = "# END chronoscope";

// The servers as `daemon`'s format keeps them, i.e. what its parser gives back: timesyncd keeps
// the host only, ntpd has no port (validateSources allows only the default there).
std::vector<ServerEntry> keptBy(protocol::timeservice::Daemon daemon, const std::vector<ServerEntry> &servers);

// chrony sources.d: "server HOST [port P] [iburst] [prefer] [nts] [minpoll N] [maxpoll N] [key K]".
std::string renderChrony(const std::vector<ServerEntry> &servers);
std::optional<std::vector<ServerEntry>> parseChrony(std::string_view text);

// timesyncd.conf.d: "[Time]" and "NTP=HOST HOST ...".
std::string renderTimesyncd(const std::vector<ServerEntry> &servers);
std::optional<std::vector<ServerEntry>> parseTimesyncd(std::string_view text);

// ntp.conf block between NTP_BEGIN and NTP_END lines:
// "server HOST [iburst] [prefer] [minpoll N] [maxpoll N] [key K] [nts]".
std::string renderNtpBlock(const std::vector<ServerEntry> &servers);

struct Spliced
{
    std::optional<std::string> text;   // the whole new file
    std::string error;                 // when text is empty: what is wrong with the old file
};
// `original` with its block replaced by `block` (or `block` appended, after a newline if the
// file does not end with one). Every byte outside the block is kept. Refused when the markers
// are unbalanced, nested or repeated.
Spliced spliceNtpBlock(std::string_view original, std::string_view block);
// The block of a whole ntp.conf, markers included ("" when it has none; nothing when the
// markers are broken).
std::optional<std::string> ntpBlockOf(std::string_view file);
// The servers in the block of a whole ntp.conf (nothing when there is no single block).
std::optional<std::vector<ServerEntry>> parseNtpBlock(std::string_view file);

} // namespace chronoscope::helper::sourcesformat
