// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

namespace chronoscope::helper {

// What the POSIX helper takes from its environment. Nothing else in it is trusted or used.
struct HelperEnvironment
{
    std::optional<std::string> pkexecUid;   // PKEXEC_UID as pkexec set it (validated by callerUid)
    bool forbidClockChanges = false;        // CHRONOSCOPE_FORBID_CLOCK_CHANGES (test suites)
};

// Reads the two variables above, then empties the environment and sets only
// PATH=/usr/sbin:/usr/bin:/sbin:/bin, so that nothing the caller put there (TZ, LC_*, NLSPATH,
// LOCPATH, MALLOC_*, ...) reaches the libc calls the helper makes while it runs as root.
HelperEnvironment takeHelperEnvironment();

// Makes the process non-dumpable (PR_SET_DUMPABLE 0: no core file, and the invoking user cannot
// ptrace or read /proc/PID/mem of this root process) and sets RLIMIT_CORE to 0. False when a
// call failed (the helper refuses to serve then).
bool hardenProcess();

// The caller's uid for the audit log. pkexec runs the helper as root with PKEXEC_UID set to the
// invoking user's uid: it is used only when this process's real uid is 0 (so it came from pkexec
// or root) and it is a plain decimal uid below 2^32 − 1 without sign, spaces or leading zeros.
// Otherwise the real uid (a user starting the helper directly cannot claim to be someone else).
long callerUid(const std::optional<std::string> &pkexecUid, long realUid);

} // namespace chronoscope::helper
