// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/sourcesformat.h"

#include <charconv>

namespace chronoscope::helper::sourcesformat {

using namespace protocol::timeservice;

namespace {

constexpr std::string_view HEADER =
        "# Written by chronoscope-helper from the server list applied in Chronoscope.\n"
        "# Chronoscope's Revert restores the previous configuration; edits here are overwritten.\n";

std::vector<std::string_view> lines(std::string_view text)
{
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        out.push_back(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    }
    return out;
}

std::vector<std::string_view> words(std::string_view line)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ')
            ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ')
            ++i;
        if (i > start)
            out.push_back(line.substr(start, i - start));
    }
    return out;
}

template <typename T>
bool number(std::string_view text, T &value)
{
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

// "server HOST option..." with the options of both chrony and ntpd: one server entry.
std::optional<ServerEntry> parseServerLine(std::string_view line)
{
    const std::vector<std::string_view> w = words(line);
    if (w.size() < 2 || w[0] != "server")
        return std::nullopt;
    ServerEntry s;
    s.host = std::string(w[1]);
    for (std::size_t i = 2; i < w.size(); ++i) {
        if (w[i] == "iburst") {
            s.flags |= SERVER_IBURST;
        } else if (w[i] == "prefer") {
            s.flags |= SERVER_PREFER;
        } else if (w[i] == "nts") {
            s.flags |= SERVER_NTS;
        } else if (i + 1 < w.size() && (w[i] == "minpoll" || w[i] == "maxpoll")) {
            int v = 0;
            if (!number(w[i + 1], v) || v < -128 || v > 127)
                return std::nullopt;
            s.flags |= SERVER_POLL;
            (w[i] == "minpoll" ? s.minPoll : s.maxPoll) = std::int8_t(v);
            ++i;
        } else if (i + 1 < w.size() && w[i] == "port") {
            if (!number(w[++i], s.port) || s.port == 0)
                return std::nullopt;
        } else if (i + 1 < w.size() && w[i] == "key") {
            if (!number(w[++i], s.keyId) || s.keyId == 0)
                return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    return s;
}

void appendOptions(std::string &out, const ServerEntry &s, bool withPort)
{
    if (withPort && s.port != 0)
        out += " port " + std::to_string(s.port);
    if (s.flags & SERVER_IBURST)
        out += " iburst";
    if (s.flags & SERVER_PREFER)
        out += " prefer";
    if (s.flags & SERVER_NTS)
        out += " nts";
    if (s.flags & SERVER_POLL)
        out += " minpoll " + std::to_string(s.minPoll) + " maxpoll " + std::to_string(s.maxPoll);
    if (s.keyId != 0)
        out += " key " + std::to_string(s.keyId);
}

bool isComment(std::string_view line)
{
    return line.empty() || line.front() == '#';
}

} // namespace

std::vector<ServerEntry> keptBy(Daemon daemon, const std::vector<ServerEntry> &servers)
{
    std::vector<ServerEntry> kept;
    for (const ServerEntry &s : servers) {
        if (daemon == Daemon::Timesyncd) {
            kept.push_back(ServerEntry{s.host});
        } else {
            kept.push_back(s);
            if (daemon == Daemon::Ntpd)
                kept.back().port = 0;
        }
    }
    return kept;
}

std::string renderChrony(const std::vector<ServerEntry> &servers)
{
    std::string out(HEADER);
    for (const ServerEntry &s : servers) {
        out += "server " + s.host;
        appendOptions(out, s, true);
        out += '\n';
    }
    return out;
}

std::optional<std::vector<ServerEntry>> parseChrony(std::string_view text)
{
    std::vector<ServerEntry> servers;
    for (std::string_view line : lines(text)) {
        if (isComment(line))
            continue;
        std::optional<ServerEntry> s = parseServerLine(line);
        if (!s)
            return std::nullopt;
        servers.push_back(std::move(*s));
    }
    return servers;
}

std::string renderTimesyncd(const std::vector<ServerEntry> &servers)
{
    std::string out(HEADER);
    out += "[Time]\nNTP=";
    for (std::size_t i = 0; i < servers.size(); ++i)
        out += (i ? " " : "") + servers[i].host;
    out += '\n';
    return out;
}

std::optional<std::vector<ServerEntry>> parseTimesyncd(std::string_view text)
{
    std::optional<std::vector<ServerEntry>> servers;
    bool inTime = false;
    for (std::string_view line : lines(text)) {
        if (isComment(line))
            continue;
        if (line == "[Time]") {
            inTime = true;
        } else if (inTime && line.substr(0, 4) == "NTP=" && !servers) {
            servers.emplace();
            for (std::string_view host : words(line.substr(4)))
                servers->push_back(ServerEntry{std::string(host)});
        } else {
            return std::nullopt;
        }
    }
    return servers;
}

std::string renderNtpBlock(const std::vector<ServerEntry> &servers)
{
    std::string out(NTP_BEGIN);
    out += " (written by chronoscope-helper; Revert in Chronoscope restores the previous file)\n";
    for (const ServerEntry &s : servers) {
        out += "server " + s.host;
        appendOptions(out, s, false);
        out += '\n';
    }
    out += NTP_END;
    out += '\n';
    return out;
}

namespace {

struct BlockPosition
{
    std::size_t begin = std::string_view::npos;  // offset of the BEGIN line
    std::size_t end = std::string_view::npos;    // offset just past the END line's newline
    bool broken = false;
};

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

BlockPosition findBlock(std::string_view file)
{
    BlockPosition at;
    std::size_t offset = 0;
    while (offset < file.size()) {
        const std::size_t nl = file.find('\n', offset);
        const std::size_t next = nl == std::string_view::npos ? file.size() : nl + 1;
        const std::string_view line = file.substr(offset, next - offset);
        if (startsWith(line, NTP_BEGIN)) {
            if (at.begin != std::string_view::npos)
                at.broken = true;   // repeated or nested
            at.begin = offset;
        } else if (startsWith(line, NTP_END)) {
            if (at.begin == std::string_view::npos || at.end != std::string_view::npos)
                at.broken = true;
            at.end = next;
        }
        offset = next;
    }
    if ((at.begin == std::string_view::npos) != (at.end == std::string_view::npos))
        at.broken = true;
    return at;
}

} // namespace

Spliced spliceNtpBlock(std::string_view original, std::string_view block)
{
    Spliced out;
    const BlockPosition at = findBlock(original);
    if (at.broken) {
        out.error = "the file's '# BEGIN chronoscope' / '# END chronoscope' lines are unbalanced or repeated";
        return out;
    }
    std::string text;
    if (at.begin == std::string_view::npos) {
        text = std::string(original);
        if (!text.empty() && text.back() != '\n')
            text += '\n';
        text += block;
    } else {
        text = std::string(original.substr(0, at.begin));
        text += block;
        text += original.substr(at.end);
    }
    out.text = std::move(text);
    return out;
}

std::optional<std::string> ntpBlockOf(std::string_view file)
{
    const BlockPosition at = findBlock(file);
    if (at.broken)
        return std::nullopt;
    if (at.begin == std::string_view::npos)
        return std::string();
    return std::string(file.substr(at.begin, at.end - at.begin));
}

std::optional<std::vector<ServerEntry>> parseNtpBlock(std::string_view file)
{
    const BlockPosition at = findBlock(file);
    if (at.broken || at.begin == std::string_view::npos)
        return std::nullopt;
    std::vector<ServerEntry> servers;
    const std::vector<std::string_view> blockLines = lines(file.substr(at.begin, at.end - at.begin));
    for (std::size_t i = 1; i + 1 < blockLines.size(); ++i) {
        std::optional<ServerEntry> s = parseServerLine(blockLines[i]);
        if (!s)
            return std::nullopt;
        servers.push_back(std::move(*s));
    }
    return servers;
}

} // namespace chronoscope::helper::sourcesformat
