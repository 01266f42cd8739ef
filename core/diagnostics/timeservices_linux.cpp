// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/timeservices.h"

#include "core/correction/timeservices.h"

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {

Result<QList<TimeServiceStatus>> listPlatformTimeServices()
{
    // The process scan is shared with the clock-correction code (core/correction/timeservices.h).
    const QStringList running = correction::detectTimeServices().running;
    QList<TimeServiceStatus> services{
        {u"chronyd"_s, false, u"chrony's daemon: an NTP client and server that disciplines the clock"_s},
        {u"ntpd"_s, false, u"the reference ntpd, ntpsec or OpenNTPD: an NTP client and server that disciplines "
                           "the clock"_s},
        {u"systemd-timesyncd"_s, false, u"systemd's SNTP client: sets and slews the clock from one server"_s},
        {u"ntpd-rs"_s, false, u"ntpd-rs: an NTP client and server that disciplines the clock"_s},
    };
    for (TimeServiceStatus &service : services)
        service.running = running.contains(service.name);
    return services;
}

} // namespace chronoscope::diagnostics
