// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/windowshelperoptions.h"

#include <string_view>

namespace chronoscope::helper {
namespace {

constexpr std::size_t MAX_ARGUMENT_LENGTH = 256;

bool validPipeName(std::string_view name)
{
    constexpr std::string_view prefix = "\\\\.\\pipe\\";
    if (name.size() <= prefix.size() || name.substr(0, prefix.size()) != prefix)
        return false;
    for (char c : name.substr(prefix.size())) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

ParsedWindowsHelperOptions parseWindowsHelperOptions(int argc, const char *const *argv)
{
    ParsedWindowsHelperOptions parsed;
    WindowsHelperOptions options;
    if (argc < 2) {
        parsed.error = "missing mode (--service, --console, --one-shot, --install-service or --uninstall-service)";
        return parsed;
    }
    const std::string_view first = argv[1];
    if (first == "--help" || first == "-h")
        options.mode = WindowsHelperOptions::Mode::Help;
    else if (first == "--version")
        options.mode = WindowsHelperOptions::Mode::Version;
    else if (first == "--service")
        options.mode = WindowsHelperOptions::Mode::Service;
    else if (first == "--console")
        options.mode = WindowsHelperOptions::Mode::Console;
    else if (first == "--one-shot")
        options.mode = WindowsHelperOptions::Mode::OneShot;
    else if (first == "--install-service")
        options.mode = WindowsHelperOptions::Mode::Install;
    else if (first == "--uninstall-service")
        options.mode = WindowsHelperOptions::Mode::Uninstall;
    else {
        parsed.error = "unknown mode '" + std::string(first) + "'";
        return parsed;
    }
    using Mode = WindowsHelperOptions::Mode;
    const bool serving = options.mode == Mode::Service || options.mode == Mode::Console || options.mode == Mode::OneShot;
    const bool testable = options.mode == Mode::Console || options.mode == Mode::OneShot;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&](std::string &out) {
            if (i + 1 >= argc) {
                parsed.error = std::string(arg) + " needs a value";
                return false;
            }
            out = argv[++i];
            if (out.empty() || out.size() > MAX_ARGUMENT_LENGTH) {
                parsed.error = std::string(arg) + ": value empty or longer than 256 characters";
                return false;
            }
            return true;
        };
        const bool configurable = serving || options.mode == Mode::Install;
        if (configurable && arg == "--group") {
            if (!value(options.group))
                return parsed;
            if (options.group.find('"') != std::string::npos) {
                parsed.error = "--group: a name with '\"' cannot be stored in the service's command line";
                return parsed;
            }
        } else if (configurable && arg == "--stop-w32time") {
            options.stopTimeService = true;
        } else if (configurable && arg == "--pipe") {
            if (!value(options.pipeName))
                return parsed;
            if (!validPipeName(options.pipeName)) {
                parsed.error = "--pipe: '" + options.pipeName + "' is not \\\\.\\pipe\\ followed by [A-Za-z0-9._-]";
                return parsed;
            }
        } else if (configurable && arg == "--dry-run") {
            options.dryRun = true;
        } else if (testable && arg == "--test-fake-clock") {
            options.fakeClock = true;
        } else if (testable && arg == "--audit-file") {
            if (!value(options.auditFile))
                return parsed;
        } else if (testable && arg == "--stop-event") {
            if (!value(options.stopEvent))
                return parsed;
        } else {
            parsed.error = "unknown argument '" + std::string(arg) + "' for " + std::string(first);
            return parsed;
        }
    }
    if (options.dryRun && options.fakeClock) {
        parsed.error = "--dry-run and --test-fake-clock exclude each other";
        return parsed;
    }
    parsed.options = options;
    return parsed;
}

std::string serviceArguments(const WindowsHelperOptions &options)
{
    std::string arguments = "--service";
    if (!options.group.empty())
        arguments += " --group \"" + options.group + "\"";
    if (options.stopTimeService)
        arguments += " --stop-w32time";
    if (options.pipeName != WindowsHelperOptions().pipeName)
        arguments += " --pipe " + options.pipeName; // [A-Za-z0-9._-] after the prefix: no quotes needed
    if (options.dryRun)
        arguments += " --dry-run";
    return arguments;
}

const char *windowsHelperUsage()
{
    return "Usage: chronoscope-helper.exe --service | --console | --one-shot [--group NAME|SID]\n"
           "                              [--stop-w32time] [--pipe \\\\.\\pipe\\NAME] [--dry-run]\n"
           "       chronoscope-helper.exe --install-service [--group NAME|SID] [--stop-w32time]\n"
           "                              [--pipe \\\\.\\pipe\\NAME] [--dry-run]\n"
           "       chronoscope-helper.exe --uninstall-service\n"
           "\n"
           "The privileged half of Chronoscope on Windows: a service that answers fixed-size\n"
           "binary requests on a named pipe. Administrators (and members of --group) may step\n"
           "or slew the clock; other interactive users may only read its state.\n"
           "\n"
           "  --stop-w32time  stop the Windows Time service before changing the clock\n"
           "                  (without it, changes are refused while W32Time runs)\n"
           "  --one-shot      started elevated through UAC: serve one connection, then exit\n"
           "  --dry-run       validate and log every request, change nothing\n"
           "\n"
           "Every change and every refusal goes to the Application event log (source\n"
           "\"Chronoscope Helper\"), or to %ProgramData%\\Chronoscope\\helper\\audit.log when\n"
           "the event source is not installed.\n";
}

} // namespace chronoscope::helper
