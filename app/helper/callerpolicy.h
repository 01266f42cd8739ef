// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

#include "core/protocol/verb.h"

namespace chronoscope::helper {

// What the Windows service learnt from a pipe client's token (callertoken_win.cpp reads it).
struct CallerToken
{
    std::string account;            // "DOMAIN\\user", or the SID when it has no name
    std::string sid;                // "S-1-5-21-..."
    long pid = -1;                  // GetNamedPipeClientProcessId
    bool administrator = false;     // enabled member of BUILTIN\Administrators (a UAC-filtered,
                                    // deny-only membership does not count)
    bool inConfiguredGroup = false; // enabled member of the group given with --group
    bool sameUserAsHelper = false;  // the token's user is the helper's own (one-shot mode)
};

// How the helper was started. Service: LocalSystem, for every interactive user; only
// administrators and members of the configured group may change the clock. ElevatedOneShot:
// started by one user through UAC for one connection; the consent was the authorisation, so the
// same user may change the clock, nobody else anything.
enum class CallerMode { Service, ElevatedOneShot };

struct CallerDecision
{
    bool mayChange = false;
    protocol::Verb verbForOp(protocol::Op op) const; // the verb the request is judged under
    // What HELLO advertises to this caller (protocol::CAP_*): unlike the Linux helper, whose verb
    // allows one change op, the service authorises a caller for both.
    std::uint32_t capabilities() const;
    std::string reason;                              // for the audit line
};

// Pure: which requests this caller may make. Callers who may not change the clock still get
// HELLO and READ_STATE; their STEP and SLEW are refused as NotPermitted by HelperService's verb
// check, exactly as the Linux helper refuses an op its verb does not allow.
CallerDecision decideCaller(const CallerToken &token, CallerMode mode, bool groupConfigured);

// "DOMAIN\\user (S-1-...) authorised: administrator": the account text of the audit line.
// Quotes, control characters and bytes outside printable ASCII become '?'.
std::string describeCaller(const CallerToken &token, const CallerDecision &decision);

} // namespace chronoscope::helper
