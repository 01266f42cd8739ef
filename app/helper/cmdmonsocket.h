// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace chronoscope::helper {

// chronyd's command socket, spoken by the root helper in plain C++ (no Qt; the protocol's
// constants come from core/sysservice/cmdmonprotocol.h, HELPER.md §4.6). One exchange at a
// time, each with its own sequence number, retried on silence.
class CmdmonSocket
{
public:
    enum class OpenError { None, Missing, UnsafePath, Dead, Failed };
    struct Opened
    {
        OpenError error = OpenError::None;
        int sysErrno = 0;
        std::string detail;  // for the audit line
    };

    CmdmonSocket() = default;
    ~CmdmonSocket();
    CmdmonSocket(const CmdmonSocket &) = delete;
    CmdmonSocket &operator=(const CmdmonSocket &) = delete;

    // Connects to `serverPath`, which must be a socket (not a link) owned by root or by the
    // owner of its directory (chronyd's user), in a directory nobody else may write to; checked
    // again after connecting. The client socket is bound in a private directory under
    // `clientDirectory`.
    Opened open(const std::string &serverPath, const std::string &clientDirectory);
    void close();

    // Sends `command` with `data`, padded so that a reply of `replyDataSize` bytes fits, and
    // returns the whole reply datagram (header checked: version, type, command, sequence), or
    // nothing after `attempts` silences of `timeoutMs` each.
    std::optional<std::vector<std::uint8_t>> exchange(std::uint16_t command, std::span<const std::uint8_t> data,
                                                      int replyDataSize, int timeoutMs = 1000, int attempts = 3);

    // Helpers on a checked reply datagram.
    static std::uint16_t replyStatus(std::span<const std::uint8_t> reply);
    static std::uint16_t replyCode(std::span<const std::uint8_t> reply);

private:
    int m_fd = -1;
    std::string m_clientDir;
    std::string m_clientPath;
    std::uint32_t m_sequence = 0;
};

} // namespace chronoscope::helper
