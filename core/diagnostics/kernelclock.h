// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>
#include <QStringList>

#include "core/protocol/protocol.h"

namespace chronoscope::diagnostics {

// What the kernel says about the system clock's synchronisation, read without changing anything.
struct KernelClockStatus
{
    bool available = false;                 // this platform reports it
    QString error;                          // why not (empty when available)
    bool synchronized = false;              // no STA_UNSYNC and clock state ≠ TIME_ERROR
    QString state;                          // "ok", "insert_leap", "delete_leap", "leap_in_progress",
                                            // "leap_done", "error" (unsynchronised)
    std::optional<double> maxError;         // seconds: the kernel's maximum error bound
    std::optional<double> estimatedError;   // seconds
    std::optional<double> frequencyPpm;     // ppm the kernel adds to the tick; positive: runs faster
    QStringList flags;                      // status bits set: "PLL", "UNSYNC", "NANO", ...
};

// Reads the state with correction::readKernelClockState() (Linux: adjtimex with modes = 0, which only
// reads) and explains it; not available, with the reason, where the platform has no such call.
KernelClockStatus readKernelClock();
// The same explanation for a state already read (empty: not available).
KernelClockStatus kernelClockStatus(const std::optional<protocol::KernelState> &state);

} // namespace chronoscope::diagnostics
