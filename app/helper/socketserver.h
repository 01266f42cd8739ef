// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "app/helper/auditsink.h"
#include "app/helper/clockops.h"
#include "app/helper/frameio.h"
#include "app/helper/helperconfig.h"
#include "app/helper/ratelimiter.h"
#include "app/helper/replayguard.h"

namespace chronoscope::helper {

// The macOS launchd daemon's front end (HELPER.md §2.1; main_launchd.cpp), plain POSIX so that it
// is built and tested on Linux as well (socketserver_posix.cpp): a listening AF_UNIX stream
// socket, one client at a time, the same fixed-size frames as the pkexec'd helper's stdin, read
// with the same code (frameio.h), judged per connection by the kernel's peer credentials
// (peercredentials.h) and the Windows service's caller policy (callerpolicy.h), answered by
// CallerSession. A malformed, unknown-op, wrong-version or truncated frame ends the connection.
class SocketServer
{
public:
    struct Options
    {
        std::string adminGroup = "admin";   // its members (and root) may change the clock
        std::string configuredGroup;        // --group: may change it too (empty: none)
        FrameTimeouts timeouts{10'000, 2'000}; // a client idle this long is disconnected
        int idleExitMs = -1;                // no connection for this long: run() returns (-1: never)
    };

    SocketServer(ClockOps &clock, const HelperConfig &config, RateLimiter &limiter, ReplayGuard &replays,
                 AuditSink &audit, Options options);

    // Accepts and serves connections on `listenFd` until `stopFd` (-1: none) becomes readable or
    // closes, or idleExitMs passes without a connection. 0, or the errno that made accept fail.
    int run(int listenFd, int stopFd);
    // Serves one connected client until it closes, idles out or sends a frame that ends it.
    void serveClient(int clientFd);

private:
    ClockOps &m_clock;
    HelperConfig m_config;
    RateLimiter &m_limiter;
    ReplayGuard &m_replays;
    AuditSink &m_audit;
    Options m_options;
};

// A listening AF_UNIX stream socket at `path` (an old socket file there is replaced) with file
// mode `mode`; the fd, or -1 with errno set (also for a path too long for sockaddr_un).
int listenUnixSocket(const std::string &path, unsigned mode);

} // namespace chronoscope::helper
