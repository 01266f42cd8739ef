// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/errorqueuestamp_linux.h"

#include <cstring>

#include <linux/errqueue.h>
#include <netinet/in.h>

namespace chronoscope::engine {

ErrorQueueStamp readErrorQueueStamp(const msghdr &msg)
{
    ErrorQueueStamp stamp;
    auto &header = const_cast<msghdr &>(msg); // CMSG_NXTHDR takes a non-const pointer; nothing is written
    for (cmsghdr *c = CMSG_FIRSTHDR(&header); c; c = CMSG_NXTHDR(&header, c)) {
        const std::size_t payload = c->cmsg_len - CMSG_LEN(0);
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPING && payload >= sizeof(scm_timestamping)) {
            scm_timestamping stamps{};
            std::memcpy(&stamps, CMSG_DATA(c), sizeof(stamps));
            const timespec &ts = stamps.ts[0]; // software time stamp; zero when absent
            if (ts.tv_sec != 0 || ts.tv_nsec != 0)
                stamp.time = ntp::NtpTimestamp::fromUnix(ts.tv_sec, std::uint32_t(ts.tv_nsec));
        } else if (((c->cmsg_level == SOL_IP && c->cmsg_type == IP_RECVERR)
                    || (c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_RECVERR))
                   && payload >= sizeof(sock_extended_err)) {
            sock_extended_err error{};
            std::memcpy(&error, CMSG_DATA(c), sizeof(error));
            if (error.ee_origin == SO_EE_ORIGIN_TIMESTAMPING && error.ee_info == SCM_TSTAMP_SND)
                stamp.sendIndex = error.ee_data; // OPT_ID: the send's index on this socket
        }
    }
    return stamp;
}

} // namespace chronoscope::engine
