// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/serviceinstaller.h"

#include <cstdio>
#include <string>

#include <windows.h>
#include <sddl.h>

#include "app/helper/eventlogauditsink.h"

namespace chronoscope::helper {
namespace {

constexpr wchar_t DISPLAY_NAME[] = L"Chronoscope clock helper";
constexpr wchar_t DESCRIPTION[] = L"Steps or slews the system clock for Chronoscope, on request of administrators "
                                  L"(or the configured group), within fixed bounds; every change is logged.";
// SYSTEM and Administrators: everything; interactive users: query, start, interrogate.
constexpr wchar_t SERVICE_SDDL[] = L"D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)"
                                   L"(A;;CCLCSWRPLOCRRC;;;IU)";
constexpr wchar_t EVENT_KEY[] = L"SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\";

std::wstring modulePath()
{
    wchar_t path[MAX_PATH];
    const DWORD size = GetModuleFileNameW(nullptr, path, MAX_PATH);
    return std::wstring(path, size);
}

int registerEventSource(const std::wstring &exe)
{
    HKEY key = nullptr;
    const std::wstring name = std::wstring(EVENT_KEY) + EventLogAuditSink::SOURCE;
    LSTATUS status = RegCreateKeyExW(HKEY_LOCAL_MACHINE, name.c_str(), 0, nullptr, 0, KEY_SET_VALUE, nullptr, &key, nullptr);
    if (status != ERROR_SUCCESS)
        return int(status);
    const DWORD types = EVENTLOG_ERROR_TYPE | EVENTLOG_WARNING_TYPE | EVENTLOG_INFORMATION_TYPE;
    status = RegSetValueExW(key, L"EventMessageFile", 0, REG_EXPAND_SZ, reinterpret_cast<const BYTE *>(exe.c_str()),
                            DWORD((exe.size() + 1) * sizeof(wchar_t)));
    if (status == ERROR_SUCCESS)
        status = RegSetValueExW(key, L"TypesSupported", 0, REG_DWORD, reinterpret_cast<const BYTE *>(&types), sizeof types);
    RegCloseKey(key);
    return int(status);
}

} // namespace

int installService(const WindowsHelperOptions &options)
{
    const std::wstring exe = modulePath();
    const std::string arguments = serviceArguments(options);
    const std::wstring command = L"\"" + exe + L"\" " + std::wstring(arguments.begin(), arguments.end());
    SC_HANDLE manager = OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT | SC_MANAGER_CREATE_SERVICE);
    if (!manager)
        return int(GetLastError());
    SC_HANDLE service = CreateServiceW(manager, SERVICE_NAME, DISPLAY_NAME, SERVICE_ALL_ACCESS,
        SERVICE_WIN32_OWN_PROCESS, SERVICE_DEMAND_START, SERVICE_ERROR_NORMAL, command.c_str(),
        nullptr, nullptr, nullptr, nullptr /* LocalSystem */, nullptr);
    if (!service && GetLastError() == ERROR_SERVICE_EXISTS) {
        service = OpenServiceW(manager, SERVICE_NAME, SERVICE_ALL_ACCESS);
        if (service && !ChangeServiceConfigW(service, SERVICE_NO_CHANGE, SERVICE_DEMAND_START, SERVICE_NO_CHANGE,
                                             command.c_str(), nullptr, nullptr, nullptr, nullptr, nullptr, DISPLAY_NAME)) {
            const int error = int(GetLastError());
            CloseServiceHandle(service);
            CloseServiceHandle(manager);
            return error;
        }
    }
    if (!service) {
        const int error = int(GetLastError());
        CloseServiceHandle(manager);
        return error;
    }
    SERVICE_DESCRIPTIONW description{const_cast<LPWSTR>(DESCRIPTION)};
    ChangeServiceConfig2W(service, SERVICE_CONFIG_DESCRIPTION, &description);
    // Restarted 5 s after a crash (the new process restores a slew the old one left running).
    SC_ACTION actions[2] = {{SC_ACTION_RESTART, 5000}, {SC_ACTION_RESTART, 5000}};
    SERVICE_FAILURE_ACTIONSW failure{};
    failure.dwResetPeriod = 86400;
    failure.cActions = 2;
    failure.lpsaActions = actions;
    ChangeServiceConfig2W(service, SERVICE_CONFIG_FAILURE_ACTIONS, &failure);
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    if (ConvertStringSecurityDescriptorToSecurityDescriptorW(SERVICE_SDDL, SDDL_REVISION_1, &descriptor, nullptr)) {
        if (!SetServiceObjectSecurity(service, DACL_SECURITY_INFORMATION, descriptor))
            std::fprintf(stderr, "chronoscope-helper: could not let interactive users start the service (error %lu)\n",
                         GetLastError());
        LocalFree(descriptor);
    }
    CloseServiceHandle(service);
    CloseServiceHandle(manager);
    return registerEventSource(exe);
}

int uninstallService()
{
    SC_HANDLE manager = OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT);
    if (!manager)
        return int(GetLastError());
    SC_HANDLE service = OpenServiceW(manager, SERVICE_NAME, SERVICE_STOP | SERVICE_QUERY_STATUS | DELETE);
    int result = 0;
    if (service) {
        SERVICE_STATUS status{};
        if (ControlService(service, SERVICE_CONTROL_STOP, &status)) {
            for (int i = 0; i < 100 && QueryServiceStatus(service, &status) && status.dwCurrentState != SERVICE_STOPPED; ++i)
                Sleep(100);
        }
        if (!DeleteService(service) && GetLastError() != ERROR_SERVICE_MARKED_FOR_DELETE)
            result = int(GetLastError());
        CloseServiceHandle(service);
    } else if (GetLastError() != ERROR_SERVICE_DOES_NOT_EXIST) {
        result = int(GetLastError());
    }
    CloseServiceHandle(manager);
    const std::wstring name = std::wstring(EVENT_KEY) + EventLogAuditSink::SOURCE;
    RegDeleteKeyW(HKEY_LOCAL_MACHINE, name.c_str());
    return result;
}

} // namespace chronoscope::helper
