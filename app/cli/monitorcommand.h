// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/clioptions.h"

namespace chronoscope::cli {

// `monitor`: poll until --duration has passed or the user interrupts (Ctrl+C), printing one
// line (JSON Lines with --json) per processed reply and per change of the system state.
int runMonitor(const CliOptions &options);

} // namespace chronoscope::cli
