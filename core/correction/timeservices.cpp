// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/correction/timeservices.h"

#include <QDir>
#include <QFile>

#include "core/correction/kernelclock.h"

using namespace Qt::StringLiterals;

namespace chronoscope::correction {
namespace {

// /proc/<pid>/comm holds at most 15 characters: "systemd-timesyncd" reads "systemd-timesyn".
QString serviceForComm(const QString &comm)
{
    if (comm == u"chronyd"_s)
        return u"chronyd"_s;
    if (comm == u"ntpd"_s || comm == u"ntpsec"_s)
        return u"ntpd"_s;
    if (comm == u"systemd-timesyn"_s || comm == u"systemd-timesyncd"_s)
        return u"systemd-timesyncd"_s;
    if (comm == u"ntp-daemon"_s || comm == u"ntpd-rs"_s)
        return u"ntpd-rs"_s;
    return {};
}

} // namespace

CompetingTimeServices detectTimeServices(const QString &procRoot)
{
    return detectTimeServices(procRoot, readKernelClockState());
}

CompetingTimeServices detectTimeServices(const QString &procRoot, const std::optional<protocol::KernelState> &kernel)
{
    CompetingTimeServices services;
    const QDir proc(procRoot);
    const QStringList entries = proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile comm(proc.filePath(entry + u"/comm"_s));
        if (!comm.open(QIODevice::ReadOnly))
            continue;
        const QString service = serviceForComm(QString::fromUtf8(comm.read(64)).trimmed());
        if (!service.isEmpty() && !services.running.contains(service))
            services.running.append(service);
    }
    services.running.sort();
    services.kernel = kernel;
    if (kernel) {
        services.kernelSynchronised = kernelReportsSynchronised(*kernel);
        services.kernelPll = kernelPllActive(*kernel);
    }
    return services;
}

QString timeServiceAdvice(const QString &service)
{
    if (service == u"chronyd"_s)
        return u"chronyd is running and will slew or step the clock back to its own estimate. "
               "Let it do the job (chronyc makestep), or stop it first (systemctl stop chrony)."_s;
    if (service == u"ntpd"_s)
        return u"ntpd is running and will undo the change. Stop it first (systemctl stop ntpsec or ntp)."_s;
    if (service == u"systemd-timesyncd"_s)
        return u"systemd-timesyncd is running and will undo the change at its next poll. "
               "Turn it off first (timedatectl set-ntp false)."_s;
    if (service == u"ntpd-rs"_s)
        return u"ntpd-rs is running and will undo the change. Stop it first (systemctl stop ntpd-rs)."_s;
    return u"%1 is running and may undo the change."_s.arg(service);
}

} // namespace chronoscope::correction
