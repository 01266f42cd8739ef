// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/systemoptions.h"

namespace chronoscope::cli {

// `chronoscope-cli system apply` and `system revert` (issue 15 item 3): Chronoscope's server
// list from the desktop app's settings, shown as the lines the helper will write, confirmed
// (--yes or on the terminal), then applied or reverted through the helper (HELPER.md §4.5).
// Exit status 0 done, 1 not done, as in ARCHITECTURE.md §3.3.
int runSystemApply(const SystemOptions &options);
int runSystemRevert(const SystemOptions &options);

} // namespace chronoscope::cli
