// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/chronydprobe.h"

#include <array>
#include <cstring>

#include "core/sysservice/cmdmonprotocol.h"

namespace chronoscope::helper {

namespace cmdmon = sysservice::cmdmon;

namespace {

constexpr std::size_t DATA = cmdmon::REPLY_HEADER_SIZE;
// SOURCE_DATA reply: address (20), poll i16, stratum u16, state u16, mode u16, flags u16,
// reachability u16, ...
constexpr std::size_t SD_MODE = 26, SD_REACH = 30;
constexpr std::uint16_t MODE_REFCLOCK = 2;

std::uint16_t get16(const std::vector<std::uint8_t> &b, std::size_t at)
{
    return std::uint16_t(b[at] << 8 | b[at + 1]);
}

bool good(const std::optional<std::vector<std::uint8_t>> &reply, std::uint16_t code, int size)
{
    return reply && CmdmonSocket::replyStatus(*reply) == cmdmon::STT_SUCCESS
        && CmdmonSocket::replyCode(*reply) == code && reply->size() >= DATA + std::size_t(size);
}

} // namespace

std::optional<std::vector<ChronydSource>> readChronydSources(CmdmonSocket &socket)
{
    const auto count = socket.exchange(cmdmon::REQ_N_SOURCES, {}, cmdmon::N_SOURCES_SIZE);
    if (!good(count, cmdmon::RPY_N_SOURCES, cmdmon::N_SOURCES_SIZE))
        return std::nullopt;
    const std::uint32_t n = std::uint32_t(get16(*count, DATA)) << 16 | get16(*count, DATA + 2);
    if (n > cmdmon::MAX_SOURCES)
        return std::nullopt;
    std::vector<ChronydSource> sources;
    sources.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::array<std::uint8_t, 4> index{std::uint8_t(i >> 24), std::uint8_t(i >> 16), std::uint8_t(i >> 8),
                                                std::uint8_t(i)};
        const auto data = socket.exchange(cmdmon::REQ_SOURCE_DATA, index, cmdmon::SOURCE_DATA_SIZE);
        if (!good(data, cmdmon::RPY_SOURCE_DATA, cmdmon::SOURCE_DATA_SIZE))
            return std::nullopt;
        ChronydSource source;
        source.reachability = get16(*data, DATA + SD_REACH);
        if (get16(*data, DATA + SD_MODE) != MODE_REFCLOCK) {
            const std::span<const std::uint8_t> address(data->data() + DATA, cmdmon::ADDRESS_SIZE);
            const auto name = socket.exchange(cmdmon::REQ_NTP_SOURCE_NAME, address, cmdmon::SOURCE_NAME_SIZE);
            if (good(name, cmdmon::RPY_NTP_SOURCE_NAME, cmdmon::SOURCE_NAME_SIZE)) {
                const char *text = reinterpret_cast<const char *>(name->data() + DATA);
                source.name.assign(text, strnlen(text, cmdmon::SOURCE_NAME_SIZE));
            }
        }
        sources.push_back(std::move(source));
    }
    return sources;
}

std::optional<std::uint16_t> reloadChronydSources(CmdmonSocket &socket)
{
    const auto reply = socket.exchange(cmdmon::REQ_RELOAD_SOURCES, {}, 0);
    if (!reply)
        return std::nullopt;
    return CmdmonSocket::replyStatus(*reply);
}

} // namespace chronoscope::helper
