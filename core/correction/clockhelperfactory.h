// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QObject>
#include <QString>

#include "core/correction/clockhelper.h"

namespace chronoscope::correction {

// Where the long-running helpers listen (HELPER.md §4.1). Windows: the service's pipe,
// \\.\pipe\chronoscope-helper (app/helper/windowshelperoptions.h; Qt adds the prefix). macOS:
// the socket launchd holds for the daemon (packaging/macos/helper-daemon.plist.in).
QString windowsHelperPipeName();
QString macHelperSocketPath();
// The Windows service the client starts when its pipe is missing (app/helper/serviceinstaller.h).
QString windowsHelperServiceName();

// The ClockHelper the app uses on this system: on Windows and macOS a LocalSocketClockHelper
// for the service above (on Windows it starts the demand-start service when its pipe is missing),
// elsewhere a ProcessClockHelper (pkexec, helperlaunch.h). For tests and
// development, CHRONOSCOPE_HELPER_SOCKET=<path or pipe name> selects a LocalSocketClockHelper for
// that endpoint on any system; like CHRONOSCOPE_HELPER it grants nothing, the service still
// judges the caller.
std::unique_ptr<ClockHelper> createClockHelper(QObject *parent = nullptr);

} // namespace chronoscope::correction
