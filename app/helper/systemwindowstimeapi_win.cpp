// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/systemwindowstimeapi.h"

#include <windows.h>

#include "app/helper/systemclockreader.h"

namespace chronoscope::helper {
namespace {

constexpr wchar_t TIME_SERVICE[] = L"W32Time";

// The Precise forms (Windows 10+) are looked up at run time: mingw-w64 does not declare them,
// and without them (older systems, wine) the DWORD forms do the same in 100 ns units too.
using GetAdjustmentPrecise = BOOL(WINAPI *)(PDWORD64, PDWORD64, PBOOL);
using SetAdjustmentPrecise = BOOL(WINAPI *)(DWORD64, BOOL);

template <typename Function>
Function kernel32Function(const char *name)
{
    const HMODULE kernel32 = GetModuleHandleW(L"kernel32.dll");
    return kernel32 ? reinterpret_cast<Function>(reinterpret_cast<void *>(GetProcAddress(kernel32, name))) : nullptr;
}

// An open service handle, closed with its manager.
class ServiceHandle
{
public:
    explicit ServiceHandle(DWORD access)
    {
        m_manager = OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT);
        if (m_manager)
            m_service = OpenServiceW(m_manager, TIME_SERVICE, access);
    }
    ~ServiceHandle()
    {
        if (m_service)
            CloseServiceHandle(m_service);
        if (m_manager)
            CloseServiceHandle(m_manager);
    }
    ServiceHandle(const ServiceHandle &) = delete;
    ServiceHandle &operator=(const ServiceHandle &) = delete;
    SC_HANDLE get() const { return m_service; }

private:
    SC_HANDLE m_manager = nullptr;
    SC_HANDLE m_service = nullptr;
};

} // namespace

SystemWindowsTimeApi::SystemWindowsTimeApi()
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, &token))
        return;
    TOKEN_PRIVILEGES privileges{};
    privileges.PrivilegeCount = 1;
    privileges.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
    if (LookupPrivilegeValueW(nullptr, SE_SYSTEMTIME_NAME, &privileges.Privileges[0].Luid))
        AdjustTokenPrivileges(token, FALSE, &privileges, 0, nullptr, nullptr);
    CloseHandle(token);
}

std::int64_t SystemWindowsTimeApi::fileTimeNow()
{
    FILETIME ft{};
    GetSystemTimePreciseAsFileTime(&ft);
    return std::int64_t((std::uint64_t(ft.dwHighDateTime) << 32) | ft.dwLowDateTime);
}

std::int64_t SystemWindowsTimeApi::monotonicNs()
{
    return SystemClockReader::monotonicNs();
}

int SystemWindowsTimeApi::setSystemTime(std::int64_t fileTime)
{
    FILETIME ft{DWORD(std::uint64_t(fileTime) & 0xffffffffu), DWORD(std::uint64_t(fileTime) >> 32)};
    SYSTEMTIME st{};
    if (!FileTimeToSystemTime(&ft, &st) || !SetSystemTime(&st))
        return int(GetLastError());
    return 0;
}

int SystemWindowsTimeApi::getAdjustment(TimeAdjustment &adjustment)
{
    static const auto precise = kernel32Function<GetAdjustmentPrecise>("GetSystemTimeAdjustmentPrecise");
    DWORD64 value = 0, increment = 0;
    BOOL disabled = TRUE;
    if (precise) {
        if (!precise(&value, &increment, &disabled))
            return int(GetLastError());
    } else {
        DWORD shortValue = 0, shortIncrement = 0;
        if (!GetSystemTimeAdjustment(&shortValue, &shortIncrement, &disabled))
            return int(GetLastError());
        value = shortValue;
        increment = shortIncrement;
    }
    adjustment.adjustment = value;
    adjustment.increment = increment;
    adjustment.disabled = disabled != FALSE;
    return 0;
}

int SystemWindowsTimeApi::setAdjustment(std::uint64_t adjustment, bool disabled)
{
    static const auto precise = kernel32Function<SetAdjustmentPrecise>("SetSystemTimeAdjustmentPrecise");
    const BOOL off = disabled ? TRUE : FALSE;
    if (precise)
        return precise(adjustment, off) ? 0 : int(GetLastError());
    if (adjustment > 0xffffffffu)
        return int(ERROR_INVALID_PARAMETER);
    return SetSystemTimeAdjustment(DWORD(adjustment), off) ? 0 : int(GetLastError());
}

bool SystemWindowsTimeApi::timeServiceRunning()
{
    ServiceHandle service(SERVICE_QUERY_STATUS);
    SERVICE_STATUS status{};
    if (!service.get() || !QueryServiceStatus(service.get(), &status))
        return false; // not installed (or not readable): nothing runs that could fight
    return status.dwCurrentState != SERVICE_STOPPED;
}

int SystemWindowsTimeApi::stopTimeService()
{
    ServiceHandle service(SERVICE_STOP | SERVICE_QUERY_STATUS);
    if (!service.get())
        return int(GetLastError());
    SERVICE_STATUS status{};
    if (!ControlService(service.get(), SERVICE_CONTROL_STOP, &status) && GetLastError() != ERROR_SERVICE_NOT_ACTIVE)
        return int(GetLastError());
    // Wait up to 10 s for it to stop: it must not touch the clock after we start.
    for (int i = 0; i < 100 && QueryServiceStatus(service.get(), &status) && status.dwCurrentState != SERVICE_STOPPED; ++i)
        Sleep(100);
    return status.dwCurrentState == SERVICE_STOPPED ? 0 : int(ERROR_SERVICE_REQUEST_TIMEOUT);
}

} // namespace chronoscope::helper
