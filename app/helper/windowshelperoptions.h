// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

namespace chronoscope::helper {

// chronoscope-helper.exe MODE [options] (Windows; the POSIX helper is helperoptions.h).
//   --service            run under the Service Control Manager (the installed service's command)
//   --console            the same service in the foreground (debugging; the tests under wine)
//   --one-shot           UAC-elevated alternative to the service: serves one connection, exits
//   --install-service    register the service (demand start) and the Event Log source
//   --uninstall-service  stop and remove both
// Options of the serving modes and of --install-service, which stores them in the service's
// command line: --group NAME|SID (its members may change the clock, besides administrators),
// --stop-w32time (the user chose to let the helper stop W32Time instead of refusing),
// --pipe NAME (default \\.\pipe\chronoscope-helper), --dry-run (a service that validates
// and logs but never changes the clock: evaluation, and the service test under wine).
// For tests only, with --console or --one-shot: --test-fake-clock (the in-memory clock),
// --audit-file PATH (instead of the Event Log), --stop-event NAME (a named event that stops it).
struct WindowsHelperOptions
{
    enum class Mode { Service, Console, OneShot, Install, Uninstall, Help, Version };
    Mode mode = Mode::Help;
    std::string pipeName = "\\\\.\\pipe\\chronoscope-helper";
    std::string group;
    bool stopTimeService = false;
    bool dryRun = false;
    bool fakeClock = false;
    std::string auditFile;
    std::string stopEvent;
};

struct ParsedWindowsHelperOptions
{
    std::optional<WindowsHelperOptions> options;
    std::string error;                // set when options is empty
};

ParsedWindowsHelperOptions parseWindowsHelperOptions(int argc, const char *const *argv);
const char *windowsHelperUsage();
// The service's command line after the executable: "--service" plus the stored options.
std::string serviceArguments(const WindowsHelperOptions &options);

} // namespace chronoscope::helper
