// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/timeservices.h"

#include "core/report/humanformat.h"

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

QString kernelSentence(const KernelClockStatus &kernel)
{
    if (!kernel.available)
        return u"Whether the kernel considers the clock synchronised is unknown here (%1)."_s.arg(kernel.error);
    if (kernel.synchronized) {
        return kernel.maxError ? u"The kernel reports the clock synchronised (maximum error %1)."_s.arg(
                                     report::formatSeconds(*kernel.maxError))
                               : u"The kernel reports the clock synchronised."_s;
    }
    return u"The kernel reports the clock unsynchronised."_s;
}

} // namespace

TimeServicesFindings checkTimeServices()
{
    TimeServicesFindings findings;
    Result<QList<TimeServiceStatus>> services = listPlatformTimeServices();
    if (services)
        findings.services = *services;
    else
        findings.servicesError = services.errorMessage();
    findings.kernel = readKernelClock();
    summariseTimeServices(findings);
    return findings;
}

void summariseTimeServices(TimeServicesFindings &findings)
{
    QStringList running;
    for (const TimeServiceStatus &service : std::as_const(findings.services)) {
        if (service.running)
            running << service.name;
    }
    const KernelClockStatus &kernel = findings.kernel;
    const QString kernelText = kernelSentence(kernel);
    QString services;
    if (!findings.servicesError.isEmpty()) {
        services = u"Could not list the time services: %1."_s.arg(findings.servicesError);
    } else if (running.isEmpty()) {
        if (kernel.available && kernel.synchronized)
            services = u"No known time service is running, yet something keeps the clock in step (a hypervisor, "
                       "PTP, or a service Chronoscope does not know)."_s;
        else if (kernel.available)
            services = u"No time service is running: nothing keeps this clock in step. Enable one (chrony or "
                       "systemd-timesyncd), or let Chronoscope correct the clock."_s;
        else
            services = u"No known time service is running."_s;
    } else if (running.size() > 1) {
        services = u"%1 are all running: two services disciplining one clock fight each other; keep one."_s.arg(
            running.join(u", "_s));
    } else if (kernel.available && !kernel.synchronized) {
        services = u"%1 is running, but the clock is not synchronised yet: it may still be starting, not reach "
                   "its servers, or run without clock control (chronyd -x)."_s.arg(running.first());
    } else {
        services = u"%1 is running."_s.arg(running.first());
    }
    findings.summary = services + u' ' + kernelText;
}

} // namespace chronoscope::diagnostics
