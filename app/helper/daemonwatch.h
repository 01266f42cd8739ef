// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/helper/daemontarget.h"
#include "app/helper/timeservicehost.h"
#include "core/protocol/timeservice.h"

namespace chronoscope::helper {

// The daemon side of HELPER.md §4.6: is the daemon up before a change, make it read the changed
// file (chronyd: cmdmon RELOAD_SOURCES; timesyncd, ntpd: restart the unit), and watch it for the
// grace period.
class DaemonWatch
{
public:
    struct Seen
    {
        std::uint32_t sourcesSeen = 0;  // chronyd's source count at the last look
        std::uint32_t reachable = 0;    // applied servers whose reachability register is not 0
    };

    DaemonWatch(TimeServiceHost &host, int graceMs, int pollMs);

    // Ok, DaemonNotRunning, UnsafePath (a foreign socket) or Failed; `detail` for the audit line.
    protocol::timeservice::Status checkRunning(const DaemonTarget &target, int &sysErrno, std::string &detail);
    // Reloads or restarts. With `servers` it then watches until the daemon passes (chronyd:
    // sources, every applied server among them, one of them answering; a unit: active for the
    // whole grace period) or the grace period ends; without, it only checks the reload/restart.
    // None when the daemon passed, else why not.
    protocol::timeservice::RollbackReason applyAndWatch(const DaemonTarget &target,
                                                        const std::vector<protocol::timeservice::ServerEntry> *servers,
                                                        Seen &seen);

private:
    TimeServiceHost &m_host;
    int m_graceMs;
    int m_pollMs;
};

} // namespace chronoscope::helper
