// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <string>

#include "app/helper/auditsink.h"
#include "app/helper/callerpolicy.h"
#include "app/helper/clockops.h"
#include "app/helper/helperconfig.h"
#include "app/helper/ratelimiter.h"
#include "app/helper/replayguard.h"

namespace chronoscope::helper {

// The Windows service's front end (pipeserver_win.cpp): one named pipe in message mode, one
// client at a time, one request message answered by one response message, judged by the same
// HelperService (decoder, validator, bounds, rate limit, replay guard, audit) as the Linux
// helper, through CallerSession.
//   - The pipe: first instance only (no squatting), local clients only; its DACL lets SYSTEM
//     and Administrators do anything and interactive users (one-shot: the starting user) read
//     and write.
//   - Each client's token decides what it may do (callerpolicy.h).
//   - A message longer than a request frame is decoded at REQUEST_SIZE + 1 bytes (refused as
//     malformed, wrong size); a shorter one is a truncated frame. Either ends the connection,
//     like a malformed, unknown-op or wrong-version frame (HelperService::endsSession).
//   - A client that sends nothing for `idleMs` is disconnected.
class PipeServer
{
public:
    struct Options
    {
        std::string pipeName;            // \\.\pipe\...
        CallerMode mode = CallerMode::Service;
        std::string groupSid;            // configured group (empty: administrators only)
        int idleMs = 10'000;
        int maxConnections = -1;         // one-shot: 1; -1: until stopped
        void *stopEvent = nullptr;       // HANDLE; signalled: stop after the current request
        // Called between waits; returns the ms until it wants to be called again (-1: no
        // deadline). The service ends finished slews here (WindowsClockOps::poll).
        std::function<int()> tick;
    };

    PipeServer(ClockOps &clock, const HelperConfig &config, RateLimiter &limiter, AuditSink &audit, Options options);

    // 0 when stopped or done, else the Win32 error that made it give up (creating the pipe).
    int run();

private:
    int waitMs(int limitMs) const;
    void serveClient(void *pipe, void *event);

    ClockOps &m_clock;
    HelperConfig m_config;
    RateLimiter &m_limiter;
    AuditSink &m_audit;
    Options m_options;
    ReplayGuard m_replays; // for every connection (HELPER.md §4.3); in memory, like the service
};

} // namespace chronoscope::helper
