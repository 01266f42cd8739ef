// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/helper/frameio.h"
#include "app/helper/timeserviceoperations.h"

namespace chronoscope::helper {

// Serves time-service frames (HELPER.md §4.5) from `inFd` until the input closes: reads the
// fixed header, checks it (size bound first), reads exactly the body it announces, answers on
// `outFd`, one request at a time. Exit statuses as serveFrames (frameio.h).
int serveTimeServiceFrames(TimeServiceOperations &operations, int inFd, int outFd, const FrameTimeouts &timeouts);

} // namespace chronoscope::helper
