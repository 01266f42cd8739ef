// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/clioptions.h"

namespace chronoscope::cli {

// `check`: measure every server `samples` times, select, print, return the exit status
// (0: a system offset was determined, 1: none could be).
int runCheck(const CliOptions &options);

} // namespace chronoscope::cli
