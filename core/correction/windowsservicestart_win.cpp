// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/correction/windowsservicestart.h"

#include <windows.h>

namespace chronoscope::correction {

ServiceStartResult startWindowsService(const wchar_t *serviceName)
{
    ServiceStartResult result;
    SC_HANDLE manager = OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT);
    if (!manager) {
        result.win32Error = GetLastError();
        result.result = result.win32Error == ERROR_ACCESS_DENIED ? ServiceStart::AccessDenied : ServiceStart::Failed;
        return result;
    }
    SC_HANDLE service = OpenServiceW(manager, serviceName, SERVICE_START);
    DWORD error = ERROR_SUCCESS;
    if (!service) {
        error = GetLastError();
    } else {
        if (!StartServiceW(service, 0, nullptr))
            error = GetLastError();
        CloseServiceHandle(service);
    }
    CloseServiceHandle(manager);
    result.win32Error = error;
    switch (error) {
    case ERROR_SUCCESS:
    case ERROR_SERVICE_ALREADY_RUNNING: result.result = ServiceStart::Started; break;
    case ERROR_SERVICE_DOES_NOT_EXIST: result.result = ServiceStart::NotInstalled; break;
    case ERROR_ACCESS_DENIED: result.result = ServiceStart::AccessDenied; break;
    default: result.result = ServiceStart::Failed; break;
    }
    return result;
}

} // namespace chronoscope::correction
