// SPDX-License-Identifier: GPL-3.0-or-later
// The helper as a Windows service under wine's Service Control Manager (README "Windows helper
// service"): chronoscope-helper.exe (argv[1]) --install-service registers the demand-start
// LocalSystem service and its Event Log source; the SCM starts it, it answers on its pipe, stops
// on request with exit status 0; --install-service again updates its command line;
// --uninstall-service removes both. The service is installed with --dry-run: it validates and
// logs, never changes the clock (every change answer carries RESPONSE_DRY_RUN), and the wine
// processes run without CAP_SYS_TIME (wine-run.sh).
// What wine does not do: its event log is a stub (the audit lines cannot be read back), it does
// not act on restart-on-crash, and it keeps no service access rights (QueryServiceObjectSecurity
// returns an empty DACL), so that interactive users may start the service is not tested here.
// The service is started the way the app's client starts it (core/correction/windowsservicestart.h).
#include <string>
#include <vector>

#include <windows.h>

#include "app/helper/systemclockreader.h"
#include "core/correction/windowsservicestart.h"
#include "core/protocol/codec.h"
#include "core/protocol/names.h"
#include "tests/windows/helperprocess.h"
#include "tests/windows/minitest.h"
#include "tests/windows/pipeclient.h"

using namespace chronoscope;
using chronoscope::testing::PipeClient;
using chronoscope::testing::runProgram;
using chronoscope::testing::windowsPath;
using protocol::Op;
using protocol::Status;

namespace {

constexpr std::int64_t S = 1'000'000'000;
constexpr wchar_t SERVICE[] = L"ChronoscopeHelper";
constexpr char EVENT_SOURCE_KEY[] = "SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\Chronoscope Helper";
std::string g_helperExe;

std::string helperCommand(const std::string &arguments)
{
    return "\"" + windowsPath(g_helperExe) + "\" " + arguments;
}

struct ServiceConfig
{
    bool exists = false;
    std::string binaryPath;
    std::string account;
    DWORD startType = 0;
    DWORD serviceType = 0;
};

ServiceConfig queryConfig()
{
    ServiceConfig config;
    SC_HANDLE manager = OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT);
    if (!manager)
        return config;
    SC_HANDLE service = OpenServiceW(manager, SERVICE, SERVICE_QUERY_CONFIG);
    if (service) {
        config.exists = true;
        std::vector<BYTE> buffer(8192);
        DWORD needed = 0;
        if (QueryServiceConfigA(service, reinterpret_cast<QUERY_SERVICE_CONFIGA *>(buffer.data()), DWORD(buffer.size()),
                                &needed)) {
            const auto *q = reinterpret_cast<QUERY_SERVICE_CONFIGA *>(buffer.data());
            config.binaryPath = q->lpBinaryPathName ? q->lpBinaryPathName : "";
            config.account = q->lpServiceStartName ? q->lpServiceStartName : "";
            config.startType = q->dwStartType;
            config.serviceType = q->dwServiceType;
        }
        CloseServiceHandle(service);
    }
    CloseServiceHandle(manager);
    return config;
}

// Waits (up to 30 s) until the service reaches `state`; its last status in `status`.
bool waitForState(SC_HANDLE service, DWORD state, SERVICE_STATUS &status)
{
    for (int i = 0; i < 300; ++i) {
        if (!QueryServiceStatus(service, &status))
            return false;
        if (status.dwCurrentState == state)
            return true;
        Sleep(100);
    }
    return false;
}

bool eventSourceRegistered()
{
    HKEY key = nullptr;
    if (RegOpenKeyExA(HKEY_LOCAL_MACHINE, EVENT_SOURCE_KEY, 0, KEY_READ, &key) != ERROR_SUCCESS)
        return false;
    char value[1024];
    DWORD size = sizeof value, type = 0;
    const bool ok = RegQueryValueExA(key, "EventMessageFile", nullptr, &type, reinterpret_cast<BYTE *>(value), &size)
            == ERROR_SUCCESS
        && std::string(value).find("chronoscope-helper.exe") != std::string::npos;
    RegCloseKey(key);
    return ok;
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST(serviceModeOutsideTheServiceControlManagerIsRefused)
{
    CHECK_EQ(runProgram(helperCommand("--service")), 7); // ExitRefusedSetup
    CHECK_EQ(runProgram(helperCommand("--install-service --test-fake-clock")), 2); // ExitUsage: no fake clock here
}

TEST(installStartServeStopUninstall)
{
    const std::string pipe = "\\\\.\\pipe\\chronoscope-svctest-" + std::to_string(GetCurrentProcessId());
    runProgram(helperCommand("--uninstall-service")); // a previous, aborted run's service

    // Installed: demand start, own process, LocalSystem, "--service" with the stored options.
    CHECK_EQ(runProgram(helperCommand("--install-service --dry-run --pipe " + pipe)), 0);
    ServiceConfig config = queryConfig();
    CHECK(config.exists);
    CHECK_EQ(config.startType, DWORD(SERVICE_DEMAND_START));
    CHECK(config.serviceType & SERVICE_WIN32_OWN_PROCESS);
    CHECK_EQ(config.account, std::string("LocalSystem"));
    CHECK(contains(config.binaryPath, "chronoscope-helper.exe\" --service --pipe " + pipe + " --dry-run"));
    CHECK(eventSourceRegistered());

    // Started by the SCM; answers on its pipe; a STEP is validated and logged, nothing changes.
    SC_HANDLE manager = OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT);
    SC_HANDLE service = manager ? OpenServiceW(manager, SERVICE, SERVICE_START | SERVICE_STOP | SERVICE_QUERY_STATUS)
                                : nullptr;
    CHECK(service != nullptr);
    if (!service)
        return;
    using correction::ServiceStart;
    CHECK(correction::startWindowsService(L"ChronoscopeHelper-no-such-service").result == ServiceStart::NotInstalled);
    CHECK(correction::startWindowsService(SERVICE).result == ServiceStart::Started);
    SERVICE_STATUS status{};
    CHECK(waitForState(service, SERVICE_RUNNING, status));
    CHECK(correction::startWindowsService(SERVICE).result == ServiceStart::Started); // already running
    CHECK(status.dwControlsAccepted & SERVICE_ACCEPT_STOP);
    {
        PipeClient client(pipe);
        CHECK(client.connected());
        protocol::Request hello;
        hello.op = Op::Hello;
        hello.requestId = 1;
        const std::optional<protocol::Response> answer = client.transact(hello);
        CHECK(answer.has_value() && answer->status == Status::Ok);
        if (answer)
            CHECK_EQ(answer->flags, protocol::RESPONSE_DRY_RUN);
        protocol::Request step;
        step.op = Op::Step;
        step.requestId = 2;
        step.offsetNs = S / 4;
        step.errorBoundNs = 2'000'000;
        step.measuredMonoNs = std::uint64_t(helper::SystemClockReader::monotonicNs() - S / 10);
        step.maxAgeMs = 5000;
        const std::optional<protocol::Response> stepped = client.transact(step);
        CHECK(stepped.has_value());
        if (stepped) {
            CHECK_EQ(std::string(protocol::statusName(stepped->status)), std::string("ok"));
            CHECK_EQ(stepped->flags, protocol::RESPONSE_DRY_RUN);
        }
    }

    // Stopped on request, cleanly.
    CHECK(ControlService(service, SERVICE_CONTROL_STOP, &status));
    CHECK(waitForState(service, SERVICE_STOPPED, status));
    CHECK_EQ(status.dwWin32ExitCode, DWORD(NO_ERROR));
    CloseServiceHandle(service);
    CloseServiceHandle(manager);
    {
        PipeClient gone(pipe, 500);
        CHECK(!gone.connected());
    }

    // Installing again updates the command line.
    CHECK_EQ(runProgram(helperCommand("--install-service --group S-1-5-32-545 --dry-run --pipe " + pipe)), 0);
    config = queryConfig();
    CHECK(contains(config.binaryPath, "--service --group \"S-1-5-32-545\" --pipe " + pipe + " --dry-run"));

    // Removed, with its event source; removing it again is not an error.
    CHECK_EQ(runProgram(helperCommand("--uninstall-service")), 0);
    CHECK(!queryConfig().exists);
    CHECK(!eventSourceRegistered());
    CHECK_EQ(runProgram(helperCommand("--uninstall-service")), 0);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: tst_win_service.exe PATH-OF-chronoscope-helper.exe [TEST...]\n");
        return 2;
    }
    g_helperExe = argv[1];
    argv[1] = argv[0];
    return minitest::runAll(argc - 1, argv + 1);
}
