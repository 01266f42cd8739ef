// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "app/helper/clockops.h"

namespace chronoscope::helper {

// The real backend of this platform; defined once in each clockops_<os>.cpp (the single
// selection point is which of those files CMake compiles). Windows has none: its service
// (main_win.cpp) owns a WindowsClockOps, which must be polled to end its slews.
std::unique_ptr<ClockOps> createPlatformClockOps();

} // namespace chronoscope::helper
