// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "app/helper/auditrecord.h"
#include "app/helper/auditsink.h"
#include "app/helper/callerpolicy.h"
#include "app/helper/clockops.h"
#include "app/helper/helperconfig.h"
#include "app/helper/ratelimiter.h"
#include "app/helper/replayguard.h"
#include "core/protocol/protocol.h"

namespace chronoscope::helper {

// One connected caller of a long-running helper (the Windows service's pipe, the macOS daemon's
// Unix socket): the caller was judged once, when it connected (callerpolicy.h); each of its
// frames is answered by a HelperService under the verb that judgement allows for the frame's
// op, with the server's clock, limits, rate limit, replay guard and audit, which outlive the
// connection. Plain C++, compiled on every system.
class CallerSession
{
public:
    CallerSession(ClockOps &clock, const HelperConfig &config, RateLimiter &limiter, ReplayGuard &replays,
                  AuditSink &audit, const CallerDecision &decision, CallerIdentity caller);

    // A whole message or frame of `frame.size()` bytes: fewer than REQUEST_SIZE is a truncated
    // frame; more is refused as malformed (wrong size).
    protocol::Response answer(std::span<const std::uint8_t> frame);
    // A stream transport's frame that stopped after `received` bytes.
    protocol::Response answerTruncated(std::size_t received, bool inputClosed);

private:
    ClockOps &m_clock;
    const HelperConfig &m_config;
    RateLimiter &m_limiter;
    ReplayGuard &m_replays;
    AuditSink &m_audit;
    CallerDecision m_decision;
    CallerIdentity m_caller;
};

} // namespace chronoscope::helper
