// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/protocol.h"

namespace chronoscope::protocol {

// Reads the kernel clock's discipline state without changing anything (adjtimex / ntp_adjtime
// with modes = 0): the one place that maps `struct timex` to KernelState, shared by the helper
// (READ_STATE) and core (the correction path and the Diagnostics page), neither of which needs
// privileges for it. Returns 0, or the errno of the failed call (`state` is then unchanged).
// Linux and macOS; elsewhere ENOSYS.
int readKernelState(KernelState &state);

} // namespace chronoscope::protocol
