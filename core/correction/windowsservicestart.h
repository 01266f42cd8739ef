// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace chronoscope::correction {

// Asking Windows' Service Control Manager to start a demand-start service (the helper service,
// README "Windows helper service": interactive users may start it). Plain Win32, no Qt, so that
// the helper's Windows tests (tests/windows, under wine) compile it as well.
enum class ServiceStart {
    Started,       // started, or it was running already
    NotInstalled,  // no such service
    AccessDenied,  // this account may not start it
    Failed,        // any other error; win32Error says which
};

struct ServiceStartResult
{
    ServiceStart result = ServiceStart::Failed;
    unsigned long win32Error = 0; // GetLastError() of the call that failed
};

// Returns at once; the service creates its pipe a moment later.
ServiceStartResult startWindowsService(const wchar_t *serviceName);

} // namespace chronoscope::correction
