// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "core/diagnostics/kernelclock.h"
#include "core/result.h"

namespace chronoscope::diagnostics {

// One time service this platform may run.
struct TimeServiceStatus
{
    QString name;              // "chronyd", "ntpd", "systemd-timesyncd", "ntpd-rs", "w32time"
    bool running = false;
    QString description;       // what it is, in words
};

// Which time services run on this computer and what the kernel says about the clock.
struct TimeServicesFindings
{
    QList<TimeServiceStatus> services;
    QString servicesError;     // why services could not be listed (empty when they were)
    KernelClockStatus kernel;
    QString summary;           // in words: who keeps the clock in step, and whether it is
};

// The platform's known time services and whether each runs, for the Diagnostics page (the
// correction path asks correction::detectTimeServices, which this uses on Linux). Read-only. One file
// per platform:
//   timeservices_linux.cpp  chronyd, ntpd, systemd-timesyncd, ntpd-rs by process name
//                           (correction::detectTimeServices)
//   timeservices_win.cpp    w32time from the service manager, ntpd/chronyd processes (not built
//                           on Linux)
//   timeservices_other.cpp  an Error saying it is not available on this platform
Result<QList<TimeServiceStatus>> listPlatformTimeServices();

// listPlatformTimeServices() + readKernelClock() + summary.
TimeServicesFindings checkTimeServices();
// Fills findings.summary from services, servicesError and kernel.
void summariseTimeServices(TimeServicesFindings &findings);

} // namespace chronoscope::diagnostics
