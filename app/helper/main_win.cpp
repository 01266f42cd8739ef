// SPDX-License-Identifier: GPL-3.0-or-later
// chronoscope-helper.exe: the Windows clock helper (README "Windows helper service"). The same
// HelperService as the Linux helper behind a named pipe (PipeServer), as a LocalSystem service
// or, alternatively, started elevated through UAC for one connection (--one-shot).
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>

#include <windows.h>

#include "app/helper/dryrunclockops.h"
#include "app/helper/eventlogauditsink.h"
#include "app/helper/fakeclockops.h"
#include "app/helper/fileauditsink.h"
#include "app/helper/frameio.h"
#include "app/helper/helperconfig.h"
#include "app/helper/pipeserver.h"
#include "app/helper/ratelimiter.h"
#include "app/helper/securedirectory.h"
#include "app/helper/serviceinstaller.h"
#include "app/helper/systemwindowstimeapi.h"
#include "app/helper/windowsclockops.h"
#include "app/helper/windowshelperoptions.h"
#include "app/helper/callertoken.h"

using namespace chronoscope::helper;

namespace {

WindowsHelperOptions g_options;
SERVICE_STATUS_HANDLE g_statusHandle = nullptr;
HANDLE g_stopEvent = nullptr;

bool processIsElevated()
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return false;
    TOKEN_ELEVATION elevation{};
    DWORD size = 0;
    const bool ok = GetTokenInformation(token, TokenElevation, &elevation, sizeof elevation, &size);
    CloseHandle(token);
    return ok && elevation.TokenIsElevated;
}

std::unique_ptr<AuditSink> openAudit(const WindowsHelperOptions &options, const std::string &helperDir,
                                     bool haveHelperDir)
{
    const bool console = options.mode != WindowsHelperOptions::Mode::Service;
    if (!options.auditFile.empty())
        return std::make_unique<FileAuditSink>(options.auditFile, console);
    if (EventLogAuditSink::sourceInstalled() || !haveHelperDir)
        return std::make_unique<EventLogAuditSink>();
    return std::make_unique<FileAuditSink>(helperDir + "\\audit.log", console);
}

// Serves until `stop` is signalled (or, one-shot, after one connection). Returns an ExitStatus.
int serve(const WindowsHelperOptions &options, HANDLE stop)
{
    using Mode = WindowsHelperOptions::Mode;
    const HelperConfig config = defaultHelperConfig();
    RateLimiter limiter(config.minChangeIntervalNs, config.rateWindowNs, config.maxChangesPerWindow);
    const std::string dataDir = programDataDirectory();
    const std::string helperDir = dataDir + "\\helper";

    if (options.mode == Mode::OneShot && !processIsElevated()) {
        std::fputs("chronoscope-helper: --one-shot must be started elevated (UAC)\n", stderr);
        return ExitRefusedSetup;
    }
    std::unique_ptr<SystemWindowsTimeApi> api;
    std::unique_ptr<ClockOps> clock;
    std::function<int()> tick;
    bool haveHelperDir = false;
    if (options.fakeClock) {
        // The in-memory clock's history lives and dies with this process.
        clock = std::make_unique<FakeClockOps>(FakeClockOps::followingSystemClock());
    } else {
        haveHelperDir = ensureAdministratorsDirectory(dataDir, !options.dryRun, true)
            && limiter.setHistoryDirectory(helperDir, options.dryRun);
        if (options.dryRun) {
            clock = std::make_unique<DryRunClockOps>();
        } else {
            // Test suites set this so that no mistake in a test can ever reach the real clock.
            if (std::getenv("CHRONOSCOPE_FORBID_CLOCK_CHANGES")) {
                std::fputs("chronoscope-helper: clock changes are forbidden in this environment "
                           "(CHRONOSCOPE_FORBID_CLOCK_CHANGES); use --dry-run\n", stderr);
                return ExitRefusedSetup;
            }
            api = std::make_unique<SystemWindowsTimeApi>();
            WindowsClockOps::Options clockOptions;
            clockOptions.mayStopTimeService = options.stopTimeService;
            if (haveHelperDir)
                clockOptions.stateFile = helperDir + "\\slew-state";
            auto windows = std::make_unique<WindowsClockOps>(*api, clockOptions);
            WindowsClockOps *ops = windows.get();
            tick = [ops] { return ops->poll(); };
            clock = std::move(windows);
        }
    }
    const std::unique_ptr<AuditSink> audit = openAudit(options, helperDir, haveHelperDir);

    PipeServer::Options server;
    server.pipeName = options.pipeName;
    server.mode = options.mode == Mode::OneShot ? CallerMode::ElevatedOneShot : CallerMode::Service;
    server.groupSid = resolveGroupSid(options.group);
    if (!options.group.empty() && server.groupSid.empty())
        std::fprintf(stderr, "chronoscope-helper: unknown group '%s': administrators only\n", options.group.c_str());
    server.maxConnections = options.mode == Mode::OneShot ? 1 : -1;
    server.stopEvent = stop;
    server.tick = tick;
    PipeServer pipe(*clock, config, limiter, *audit, server);
    const int error = pipe.run();
    if (error != 0) {
        std::fprintf(stderr, "chronoscope-helper: cannot create %s (error %d)\n", options.pipeName.c_str(), error);
        return ExitIo;
    }
    return ExitOk; // the clock's destructor puts back an adjustment it owns
}

void reportStatus(DWORD state, DWORD exitCode)
{
    SERVICE_STATUS status{};
    status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
    status.dwCurrentState = state;
    status.dwControlsAccepted = state == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN : 0;
    status.dwWin32ExitCode = exitCode == 0 ? NO_ERROR : ERROR_SERVICE_SPECIFIC_ERROR;
    status.dwServiceSpecificExitCode = exitCode;
    status.dwWaitHint = state == SERVICE_RUNNING || state == SERVICE_STOPPED ? 0 : 10'000;
    SetServiceStatus(g_statusHandle, &status);
}

DWORD WINAPI serviceControl(DWORD control, DWORD, LPVOID, LPVOID)
{
    switch (control) {
    case SERVICE_CONTROL_STOP:
    case SERVICE_CONTROL_SHUTDOWN:
        reportStatus(SERVICE_STOP_PENDING, 0);
        SetEvent(g_stopEvent);
        return NO_ERROR;
    case SERVICE_CONTROL_INTERROGATE:
        return NO_ERROR;
    default:
        return ERROR_CALL_NOT_IMPLEMENTED;
    }
}

void WINAPI serviceMain(DWORD, LPWSTR *)
{
    g_statusHandle = RegisterServiceCtrlHandlerExW(SERVICE_NAME, serviceControl, nullptr);
    if (!g_statusHandle)
        return;
    g_stopEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    reportStatus(SERVICE_RUNNING, 0);
    const int status = serve(g_options, g_stopEvent);
    reportStatus(SERVICE_STOPPED, DWORD(status));
}

BOOL WINAPI consoleControl(DWORD)
{
    SetEvent(g_stopEvent);
    return TRUE;
}

} // namespace

int main(int argc, char *argv[])
{
    const ParsedWindowsHelperOptions parsed = parseWindowsHelperOptions(argc, argv);
    if (!parsed.options) {
        std::fprintf(stderr, "chronoscope-helper: %s\n%s", parsed.error.c_str(), windowsHelperUsage());
        return ExitUsage;
    }
    g_options = *parsed.options;
    using Mode = WindowsHelperOptions::Mode;
    switch (g_options.mode) {
    case Mode::Help:
        std::fputs(windowsHelperUsage(), stdout);
        return ExitOk;
    case Mode::Version:
        std::printf("chronoscope-helper %s (protocol %u, windows)\n", CHRONOSCOPE_VERSION,
                    unsigned(chronoscope::protocol::VERSION));
        return ExitOk;
    case Mode::Install:
    case Mode::Uninstall: {
        const int error = g_options.mode == Mode::Install ? installService(g_options) : uninstallService();
        if (error != 0)
            std::fprintf(stderr, "chronoscope-helper: %s failed (error %d)\n", g_options.mode == Mode::Install
                         ? "installing the service" : "removing the service", error);
        return error == 0 ? ExitOk : ExitRefusedSetup;
    }
    case Mode::Service: {
        wchar_t name[] = L"ChronoscopeHelper";
        const SERVICE_TABLE_ENTRYW table[] = {{name, serviceMain}, {nullptr, nullptr}};
        if (!StartServiceCtrlDispatcherW(table)) {
            std::fprintf(stderr, "chronoscope-helper: --service is for the Service Control Manager (error %lu); "
                                 "use --console\n", GetLastError());
            return ExitRefusedSetup;
        }
        return ExitOk;
    }
    case Mode::Console:
    case Mode::OneShot:
        break;
    }
    g_stopEvent = g_options.stopEvent.empty()
        ? CreateEventW(nullptr, TRUE, FALSE, nullptr)
        : CreateEventA(nullptr, TRUE, FALSE, g_options.stopEvent.c_str());
    SetConsoleCtrlHandler(consoleControl, TRUE);
    return serve(g_options, g_stopEvent);
}
