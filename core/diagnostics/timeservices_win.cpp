// SPDX-License-Identifier: GPL-3.0-or-later
// Windows: the Windows Time service (W32Time) from the service control manager, and ntpd
// (Meinberg's port) or chronyd processes from a process snapshot. Built only on Windows
// (core/CMakeLists.txt); the Linux build machines never compile it.
#include "core/diagnostics/timeservices.h"

#ifndef NOMINMAX
#  define NOMINMAX
#endif
#include <windows.h>
#include <tlhelp32.h>

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

// True when the W32Time service is running; false when it is absent or stopped.
bool windowsTimeRunning()
{
    SC_HANDLE manager = ::OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT);
    if (!manager)
        return false;
    bool running = false;
    if (SC_HANDLE service = ::OpenServiceW(manager, L"W32Time", SERVICE_QUERY_STATUS)) {
        SERVICE_STATUS_PROCESS status{};
        DWORD needed = 0;
        if (::QueryServiceStatusEx(service, SC_STATUS_PROCESS_INFO, reinterpret_cast<LPBYTE>(&status),
                                   sizeof status, &needed)) {
            running = status.dwCurrentState == SERVICE_RUNNING;
        }
        ::CloseServiceHandle(service);
    }
    ::CloseServiceHandle(manager);
    return running;
}

} // namespace

Result<QList<TimeServiceStatus>> listPlatformTimeServices()
{
    QList<TimeServiceStatus> services{
        {u"w32time"_s, false, u"the Windows Time service"_s},
        {u"ntpd"_s, false, u"ntpd (e.g. Meinberg's Windows port): an NTP client and server"_s},
        {u"chronyd"_s, false, u"chrony's daemon"_s},
    };
    services[0].running = windowsTimeRunning();
    HANDLE snapshot = ::CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snapshot == INVALID_HANDLE_VALUE)
        return Error{u"CreateToolhelp32Snapshot failed with error %1"_s.arg(::GetLastError())};
    PROCESSENTRY32W entry{};
    entry.dwSize = sizeof entry;
    for (BOOL more = ::Process32FirstW(snapshot, &entry); more; more = ::Process32NextW(snapshot, &entry)) {
        const QString exe = QString::fromWCharArray(entry.szExeFile);
        int index = -1;
        if (exe.compare(u"ntpd.exe"_s, Qt::CaseInsensitive) == 0)
            index = 1;
        else if (exe.compare(u"chronyd.exe"_s, Qt::CaseInsensitive) == 0)
            index = 2;
        if (index >= 0)
            services[index].running = true;
    }
    ::CloseHandle(snapshot);
    return services;
}

} // namespace chronoscope::diagnostics
