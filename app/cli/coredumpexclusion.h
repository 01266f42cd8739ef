// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace chronoscope::cli {

// Keeps the secrets a `keys` command holds out of core files and away from other processes of
// the same user: no core file (RLIMIT_CORE 0, soft and hard), and on Linux not dumpable
// (PR_SET_DUMPABLE 0: no ptrace attach, no /proc/PID/mem by the user). Returns false when the
// system refused; the command then goes on (it is the user's own key store) with a warning.
bool excludeFromCoreDumps();

} // namespace chronoscope::cli
