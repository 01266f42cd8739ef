// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/systemoptions.h"

namespace chronoscope::cli {

// `system`: reads chronyd (its Unix socket, else its UDP command port on 127.0.0.1 and ::1),
// ntpd/ntpsec over mode 6 on loopback (--ntpd), or systemd-timesyncd over D-Bus (--timesyncd);
// without a daemon option the first of them that answers, in that order. Prints what it does as
// text or one JSON document. Exit status as systemUsageText() says.
int runSystem(const SystemOptions &options);

} // namespace chronoscope::cli
