// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/helper/timeservicehost.h"

namespace chronoscope::helper {

// The machine itself: paths from /, chronyd's socket /run/chrony/chronyd.sock, backups under
// /var/lib/chronoscope-helper/time-service, and systemctl run with a fixed argument vector
// (no shell, no PATH lookup, the helper's emptied environment).
class SystemTimeServiceHost final : public TimeServiceHost
{
public:
    std::string root() const override { return {}; }
    std::string chronydSocket() const override { return "/run/chrony/chronyd.sock"; }
    std::string stateDirectory() const override { return "/var/lib/chronoscope-helper/time-service"; }
    std::string runtimeDirectory() const override { return "/run"; }
    int restartUnit(std::string_view unit) override;
    bool unitActive(std::string_view unit) override;
    std::string_view name() const override { return "system"; }
    bool isTest() const override { return false; }
};

// Runs `program` with `arguments` (argv[1...]), stdin from /dev/null and stdout to /dev/null,
// and waits for it: its exit status, or -1 when it could not run or was killed.
int runProgram(const char *program, const char *const *arguments);

} // namespace chronoscope::helper
