// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

#include <sys/socket.h>

#include "core/ntp/ntptimestamp.h"

namespace chronoscope::engine {

// What one message read from a socket's error queue (recvmsg with MSG_ERRQUEUE) says about a
// transmission: the kernel's software time stamp of it and, with SOF_TIMESTAMPING_OPT_ID, which
// send it belongs to (the socket's count of datagrams sent before it, from 0; NTP-NOTES §8.1).
struct ErrorQueueStamp
{
    std::optional<ntp::NtpTimestamp> time;
    std::optional<std::uint32_t> sendIndex;
};

// Reads the SCM_TIMESTAMPING and IP_RECVERR / IPV6_RECVERR control messages of `msg`. Other
// control messages, and an extended error that is not a transmit time stamp, are ignored.
ErrorQueueStamp readErrorQueueStamp(const msghdr &msg);

} // namespace chronoscope::engine
