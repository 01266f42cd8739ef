// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "app/helper/configdirectory.h"
#include "app/helper/timeservicehost.h"
#include "core/protocol/timeservice.h"

namespace chronoscope::helper {

// The one file a daemon's servers go to (HELPER.md §4.6), under the host's root.
struct DaemonTarget
{
    protocol::timeservice::Daemon daemon = protocol::timeservice::Daemon::Chronyd;
    std::string directory;    // root + "/etc/chrony/sources.d", ...
    std::string fileName;     // "chronoscope.sources", "chronoscope.conf", "ntp.conf"
    std::string unit;         // the systemd unit to restart (empty for chronyd: cmdmon reload)
    bool createDirectory = false; // timesyncd.conf.d may be created below /etc/systemd
    bool wholeFile = false;   // ntpd: our block inside the daemon's own file
    bool ntpsec = false;      // ntpd: /etc/ntpsec/ntp.conf (takes `nts`)

    std::string path() const { return directory + "/" + fileName; }
};

// The target for `daemon`. For ntpd: /etc/ntpsec/ntp.conf when it exists, else /etc/ntp.conf;
// neither → ConfigMissing.
ConfigDirectory::Result resolveDaemonTarget(const TimeServiceHost &host, protocol::timeservice::Daemon daemon,
                                            DaemonTarget &target);

// chronyd reads sources.d only when chrony.conf (or a file in one of its `confdir`
// directories) has `sourcedir /etc/chrony/sources.d`: NotIncluded otherwise (the helper never
// edits chrony.conf), ConfigMissing when there is no chrony.conf.
ConfigDirectory::Result checkChronySourcedir(const TimeServiceHost &host);

} // namespace chronoscope::helper
