// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/clioptions.h"

namespace chronoscope::cli {

// `step`: measure like `check`, propose a correction (slew small offsets, step large ones after
// --yes, very large ones after --yes-very-large as well), apply it through the privileged
// helper, then verify with a fresh measurement. Returns 0 when the clock was corrected (or the
// dry run accepted, or nothing needed doing), 1 when refused, cancelled, failed or no offset
// could be determined.
int runStep(const CliOptions &options);

} // namespace chronoscope::cli
