// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace chronoscope::helper {

// Everything the time-service operations (HELPER.md §4.6) need from the machine besides plain
// file I/O under root(): where the file system starts, chronyd's command socket, the helper's
// state directory, and the two unit actions. SystemTimeServiceHost is the machine itself;
// TestRootTimeServiceHost (tests only, HELPER.md §5.5) is rooted in a temporary directory and
// records restarts instead of running systemctl.
class TimeServiceHost
{
public:
    virtual ~TimeServiceHost() = default;

    // Prefix of every fixed path ("" for the machine itself, else a directory without a
    // trailing slash): the files are root() + "/etc/chrony/sources.d/chronoscope.sources" etc.
    virtual std::string root() const = 0;
    // chronyd's command socket (bindcmdaddress).
    virtual std::string chronydSocket() const = 0;
    // Root-only directory for backups (created 0700 if missing, with its parents).
    virtual std::string stateDirectory() const = 0;
    // A directory where the helper may bind its own cmdmon client socket (root-owned).
    virtual std::string runtimeDirectory() const = 0;
    // "systemctl restart UNIT": 0 when it succeeded, else its exit status (or -1).
    virtual int restartUnit(std::string_view unit) = 0;
    // "systemctl is-active UNIT".
    virtual bool unitActive(std::string_view unit) = 0;
    // For the audit line: "system" or "test-root".
    virtual std::string_view name() const = 0;
    virtual bool isTest() const = 0;
};

} // namespace chronoscope::helper
