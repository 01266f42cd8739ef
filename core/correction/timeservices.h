// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QMetaType>
#include <QString>
#include <QStringList>

#include "core/protocol/protocol.h"

namespace chronoscope::correction {

// Other time services that would fight a manual change (HELPER.md §1.6): a running chronyd,
// ntpd or systemd-timesyncd undoes a step within minutes, or slews it away. Found by process
// name under /proc (no privileges, no D-Bus) plus the kernel's adjtimex status.
struct CompetingTimeServices
{
    QStringList running;   // "chronyd", "ntpd", "systemd-timesyncd", "ntpd-rs"; sorted, unique
    std::optional<protocol::KernelState> kernel;
    bool kernelSynchronised = false; // STA_UNSYNC clear: a daemon is disciplining the clock
    bool kernelPll = false;          // STA_PLL set

    // True when a change would be fought: a service runs, or the kernel says someone disciplines.
    bool hasConflict() const { return !running.isEmpty() || kernelSynchronised; }
};

// `procRoot` is /proc, or a directory laid out like it in tests. `kernel` overrides the kernel
// state read (tests); by default it is read with readKernelClockState().
CompetingTimeServices detectTimeServices(const QString &procRoot = QStringLiteral("/proc"));
CompetingTimeServices detectTimeServices(const QString &procRoot, const std::optional<protocol::KernelState> &kernel);

// What to do about each service, in plain English (the CLI prints it; the GUI has its own
// translated text keyed by the same service names).
QString timeServiceAdvice(const QString &service);

} // namespace chronoscope::correction

Q_DECLARE_METATYPE(chronoscope::correction::CompetingTimeServices)
