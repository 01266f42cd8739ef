// SPDX-License-Identifier: GPL-3.0-or-later
// Platforms without adjtimex / ntp_adjtime (Windows: the helper reads its own adjustment).
#include "core/protocol/kernelstate.h"

#include <cerrno>

namespace chronoscope::protocol {

int readKernelState(KernelState &)
{
    return ENOSYS;
}

} // namespace chronoscope::protocol
