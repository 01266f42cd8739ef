// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sysservice/systemservicereading.h"
#include "core/sysservice/timesyncd/timesyncdsnapshot.h"

namespace chronoscope::sysservice {

// timesyncd in the shared view: its one server is the selected source (state "selected" once it
// has a reply, "not selectable" before); the configured lists become sources without states.
SystemServiceReading readingFromTimesyncd(const TimesyncdSnapshot &snapshot);
// Reads timesyncd on the system bus into the shared view ("not running" as its error).
SystemServiceReading readTimesyncdOnSystemBus();

} // namespace chronoscope::sysservice
