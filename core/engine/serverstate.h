// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronoscope::engine {

// A server's standing, in the contract's vocabulary (ARCHITECTURE.md §3).
enum class ServerState {
    SysPeer,      // the system peer
    Candidate,    // survived selection and is combined
    Outlier,      // selectable, not combined
    Falseticker,  // disagrees with the majority
    Jittery,      // too variable to use
    Unusable,     // reachable but not usable; the reason says why
    Unreachable,  // no valid reply (timeout, refused, name not resolved)
    KodRate,      // asked us to slow down; backing off
    KodDeny,      // denied or restricted access; no longer polled
    AuthFailed,   // replies failed authentication
};

// "sys_peer", "candidate", ... as in the JSON contract.
QString serverStateId(ServerState state);

} // namespace chronoscope::engine
