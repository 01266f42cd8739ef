// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "app/helper/auditrecord.h"
#include "app/helper/auditsink.h"
#include "app/helper/clockops.h"
#include "app/helper/helperconfig.h"
#include "app/helper/ratelimiter.h"
#include "app/helper/replayguard.h"
#include "core/protocol/protocol.h"
#include "core/protocol/verb.h"

namespace chronoscope::helper {

// The helper's logic without its I/O: one frame in, one response out. Decodes, checks the verb,
// validates (whatever the client already checked), refuses a replayed request (ReplayGuard),
// applies through the backend and writes an audit record for every change and every refusal.
// Single-threaded; one request at a time.
class HelperService
{
public:
    HelperService(protocol::Verb verb, ClockOps &clock, const HelperConfig &config, RateLimiter &limiter,
                  AuditSink &audit, CallerIdentity caller);

    // Check STEP/SLEW requests for replays against `guard` (one that outlives the session, e.g.
    // with a history file) instead of this service's own in-memory one.
    void setReplayGuard(ReplayGuard &guard) { m_replay = &guard; }

    protocol::Response handle(std::span<const std::uint8_t> frame);
    // A frame stopped after `received` bytes: the input closed, or it stalled too long.
    protocol::Response handleTruncated(std::size_t received, bool inputClosed);
    // After these the one-shot helper stops reading (HELPER.md §4.3: reply, then exit).
    static bool endsSession(const protocol::Response &response);

private:
    protocol::Response refuse(const protocol::Request &request, protocol::Status status, std::string detail);
    protocol::Response hello(const protocol::Request &request);
    protocol::Response readState(const protocol::Request &request);
    protocol::Response change(const protocol::Request &request);
    protocol::Response baseResponse(const protocol::Request &request) const;
    AuditRecord baseRecord(const protocol::Request &request) const;

    protocol::Verb m_verb;
    ClockOps &m_clock;
    HelperConfig m_config;
    RateLimiter &m_limiter;
    AuditSink &m_audit;
    CallerIdentity m_caller;
    ReplayGuard m_ownReplayGuard;
    ReplayGuard *m_replay;
};

} // namespace chronoscope::helper
