// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/sourcevalidation.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace chronoscope::protocol::timeservice {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Four decimal parts 0–255 without leading zeros (no octal or hex forms inet_aton would take).
std::optional<std::array<int, 4>> parseIpv4(std::string_view s)
{
    std::array<int, 4> parts{};
    std::size_t part = 0, i = 0;
    while (part < 4) {
        const std::size_t start = i;
        int value = 0;
        while (i < s.size() && isDigit(s[i]) && i - start < 3)
            value = value * 10 + (s[i++] - '0');
        const std::size_t digits = i - start;
        if (digits == 0 || value > 255 || (digits > 1 && s[start] == '0'))
            return std::nullopt;
        parts[part++] = value;
        if (part < 4) {
            if (i >= s.size() || s[i] != '.')
                return std::nullopt;
            ++i;
        }
    }
    if (i != s.size())
        return std::nullopt;
    return parts;
}

// RFC 4291 §2.2 text: eight groups of 1–4 hex digits, one "::" for a run of zero groups, and an
// IPv4 dotted quad as the last 32 bits. No zone ("%eth0"), no brackets, no prefix length.
std::optional<std::array<std::uint16_t, 8>> parseIpv6(std::string_view s)
{
    if (s.size() < 2 || s.size() > 45)
        return std::nullopt;
    std::array<std::uint16_t, 8> head{}, tail{};
    std::size_t nHead = 0, nTail = 0;
    bool compressed = false;
    std::size_t i = 0;
    if (s.substr(0, 2) == "::") {
        compressed = true;
        i = 2;
    } else if (s[0] == ':') {
        return std::nullopt;
    }
    while (i < s.size()) {
        auto &groups = compressed ? tail : head;
        std::size_t &n = compressed ? nTail : nHead;
        const std::size_t start = i;
        unsigned value = 0;
        while (i < s.size() && isHex(s[i]) && i - start < 5) {
            const char c = s[i++];
            value = value * 16 + unsigned(isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        if (i < s.size() && s[i] == '.') {
            // An embedded IPv4 address takes the last two groups.
            const std::optional<std::array<int, 4>> v4 = parseIpv4(s.substr(start));
            if (!v4 || nHead + nTail + 2 > 8)
                return std::nullopt;
            groups[n++] = std::uint16_t((*v4)[0] << 8 | (*v4)[1]);
            groups[n++] = std::uint16_t((*v4)[2] << 8 | (*v4)[3]);
            i = s.size();
            break;
        }
        const std::size_t digits = i - start;
        if (digits == 0 || digits > 4 || nHead + nTail >= 8)
            return std::nullopt;
        groups[n++] = std::uint16_t(value);
        if (i == s.size())
            break;
        if (s[i] != ':')
            return std::nullopt;
        ++i;
        if (i < s.size() && s[i] == ':') {
            if (compressed)
                return std::nullopt;
            compressed = true;
            ++i;
        } else if (i == s.size()) {
            return std::nullopt; // a single trailing ':'
        }
    }
    if (compressed ? nHead + nTail > 7 : nHead != 8)
        return std::nullopt;
    std::array<std::uint16_t, 8> out{};
    for (std::size_t k = 0; k < nHead; ++k)
        out[k] = head[k];
    for (std::size_t k = 0; k < nTail; ++k)
        out[8 - nTail + k] = tail[k];
    return out;
}

SourceError checkName(std::string_view s)
{
    std::size_t start = 0;
    std::string_view last;
    for (;;) {
        const std::size_t dot = s.find('.', start);
        const std::string_view label = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return SourceError::BadHostLabel;
        last = label;
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    // "1.2.3" or "10" would be read as an IPv4 address by the daemons' resolvers.
    if (std::all_of(last.begin(), last.end(), isDigit))
        return SourceError::BadHostLabel;
    return SourceError::None;
}

SourceError checkServer(Daemon daemon, const ServerEntry &s)
{
    const HostCheck host = checkHost(s.host);
    if (host.error != SourceError::None)
        return host.error;
    if ((s.flags & SERVER_POLL) == 0 && (s.minPoll != 0 || s.maxPoll != 0))
        return SourceError::PollWithoutFlag;
    if (daemon == Daemon::Timesyncd) {
        // timesyncd.conf NTP= takes host names and addresses, nothing else.
        if (s.flags != 0 || (s.port != 0 && s.port != 123) || s.keyId != 0)
            return SourceError::NotSupportedByDaemon;
        return SourceError::None;
    }
    if (s.flags & SERVER_POLL) {
        if (s.minPoll < MIN_POLL || s.minPoll > MAX_POLL || s.maxPoll < MIN_POLL || s.maxPoll > MAX_POLL)
            return SourceError::PollOutOfRange;
        if (s.minPoll > s.maxPoll)
            return SourceError::PollOrder;
        if (s.minPoll < MIN_POLL_PUBLIC && !isLoopbackHost(s.host))
            return SourceError::PollTooFrequent;
    }
    if ((s.flags & SERVER_NTS) && s.keyId != 0)
        return SourceError::NtsWithKey;
    if (daemon == Daemon::Ntpd) {
        if (s.port != 0 && s.port != 123)
            return SourceError::NotSupportedByDaemon;
        if (s.keyId > MAX_NTPD_KEY_ID)
            return SourceError::KeyOutOfRange;
    }
    return SourceError::None;
}

std::string lowered(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return out;
}

} // namespace

HostCheck checkHost(std::string_view host)
{
    HostCheck out;
    if (host.empty()) {
        out.error = SourceError::EmptyHost;
        return out;
    }
    if (host.size() > MAX_HOST_LENGTH) {
        out.error = SourceError::HostTooLong;
        return out;
    }
    bool colon = false, letter = false;
    for (char c : host) {
        if (c == ':')
            colon = true;
        else if (isAlpha(c))
            letter = true;
        else if (!isDigit(c) && c != '-' && c != '.') {
            out.error = SourceError::BadHostCharacter;
            return out;
        }
    }
    // The unspecified address (0.0.0.0, ::) names no server.
    if (colon) {
        const std::optional<std::array<std::uint16_t, 8>> v6 = parseIpv6(host);
        const bool valid = v6 && *v6 != std::array<std::uint16_t, 8>{};
        out.kind = valid ? HostKind::Ipv6 : HostKind::Invalid;
        out.error = valid ? SourceError::None : SourceError::BadAddress;
        return out;
    }
    if (!letter && host.find('-') == std::string_view::npos) {
        // Digits and dots only: an IPv4 literal or nothing.
        const std::optional<std::array<int, 4>> v4 = parseIpv4(host);
        const bool valid = v4 && *v4 != std::array<int, 4>{};
        out.kind = valid ? HostKind::Ipv4 : HostKind::Invalid;
        out.error = valid ? SourceError::None : SourceError::BadAddress;
        return out;
    }
    out.error = checkName(host);
    out.kind = out.error == SourceError::None ? HostKind::Name : HostKind::Invalid;
    return out;
}

bool isLoopbackHost(std::string_view host)
{
    if (const std::optional<std::array<int, 4>> v4 = parseIpv4(host))
        return (*v4)[0] == 127;
    if (lowered(host) == "localhost")
        return true;
    constexpr std::array<std::uint16_t, 8> LOOPBACK6{0, 0, 0, 0, 0, 0, 0, 1};
    const std::optional<std::array<std::uint16_t, 8>> v6 = parseIpv6(host);
    return v6 && *v6 == LOOPBACK6;
}

SourcesCheck validateSources(Daemon daemon, const std::vector<ServerEntry> &servers)
{
    SourcesCheck out;
    if (servers.empty()) {
        out.error = SourceError::NoServers;
        return out;
    }
    if (servers.size() > MAX_SERVERS) {
        out.error = SourceError::TooManyServers;
        return out;
    }
    for (std::size_t i = 0; i < servers.size(); ++i) {
        out.error = checkServer(daemon, servers[i]);
        if (out.error == SourceError::None) {
            for (std::size_t j = 0; j < i; ++j)
                if (lowered(servers[j].host) == lowered(servers[i].host) && servers[j].port == servers[i].port)
                    out.error = SourceError::DuplicateHost;
        }
        if (out.error != SourceError::None) {
            out.index = i;
            return out;
        }
    }
    return out;
}

} // namespace chronoscope::protocol::timeservice
