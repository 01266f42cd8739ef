// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/systemoptions.h"

namespace chronoscope::cli {

// `system`: reads chronyd (its Unix socket, else its UDP command port on 127.0.0.1) or, with
// --ntpd, ntpd over mode 6, and prints what it does as text or one JSON document. Exit status as
// systemUsageText() says.
int runSystem(const SystemOptions &options);

} // namespace chronoscope::cli
