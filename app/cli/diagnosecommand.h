// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/clioptions.h"

namespace chronoscope::cli {

// `diagnose`: the local UDP port check, time services, reachability of the SERVERs and the
// exposure probe of --probe, printed as text or one JSON document. Returns 0 when nothing needs
// attention, 1 when something does (see usageText()).
int runDiagnose(const CliOptions &options);

} // namespace chronoscope::cli
