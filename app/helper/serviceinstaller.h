// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/helper/windowshelperoptions.h"

namespace chronoscope::helper {

inline constexpr const wchar_t *SERVICE_NAME = L"ChronoscopeHelper";

// Registers chronoscope-helper.exe (this executable) as the demand-start LocalSystem service
// SERVICE_NAME with "--service" and the options, restarted by the SCM after a crash, startable
// by interactive users (the app starts it when it needs it), and the Event Log source. Running
// it again updates the command line. Both return 0 or the Win32 error (serviceinstaller_win.cpp).
int installService(const WindowsHelperOptions &options);
// Stops the service (which restores any clock adjustment it owns), deletes it and the source.
int uninstallService();

} // namespace chronoscope::helper
