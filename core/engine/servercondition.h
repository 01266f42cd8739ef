// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace chronoscope::engine {

// What an association knows about its server from its own requests and replies, before
// selection looks at it. Written only by ServerAssociation (and by SyncEngine for names that
// are still resolving); the ServerState shown to users is derived from it by ServerStateRule.
enum class ServerCondition {
    Waiting,         // no reply yet (or the name is still resolving)
    Answering,       // replies are accepted; selection judges the samples
    UnusableReplies, // answers, but the last reply was not usable (tests 6–7, delay limit)
    Unreachable,     // no valid reply for 8 polls, refused, or the name did not resolve
    RateLimited,     // kiss code RATE: backing off
    Denied,          // kiss code DENY or RSTR: no longer polled
    AuthFailed,      // no authentic reply, a crypto-NAK, or no key to send with
};

} // namespace chronoscope::engine
