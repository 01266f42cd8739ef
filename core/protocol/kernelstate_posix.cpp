// SPDX-License-Identifier: GPL-3.0-or-later
// Linux (adjtimex) and macOS (ntp_adjtime, since macOS 10.13); the macOS branch is not built on
// the Linux build machines.
#include "core/protocol/kernelstate.h"

#include <cerrno>

#include <sys/timex.h>

namespace chronoscope::protocol {

int readKernelState(KernelState &state)
{
    timex tx{};
    tx.modes = 0; // read only: never add a mode bit here
#if defined(__APPLE__)
    const int result = ntp_adjtime(&tx);
#else
    const int result = adjtimex(&tx);
#endif
    if (result < 0)
        return errno;
    // With STA_NANO the offset is in ns, otherwise in µs.
    state.offsetNs = (tx.status & STA_NANO) ? std::int64_t(tx.offset) : std::int64_t(tx.offset) * 1000;
    state.freqScaledPpm = tx.freq; // ppm scaled by 2^16
    state.maxErrorUs = std::int32_t(tx.maxerror);
    state.estErrorUs = std::int32_t(tx.esterror);
    state.status = std::uint32_t(tx.status);
    state.clockState = result; // TIME_OK, TIME_INS, ... TIME_ERROR
    return 0;
}

} // namespace chronoscope::protocol
