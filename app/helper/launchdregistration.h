// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace chronoscope::helper {

// The app's side of the macOS launchd daemon (HELPER.md §2.1): registering
// Contents/Library/LaunchDaemons/<label>.plist of the running app bundle with SMAppService
// (macOS 13+; launchdregistration_mac.mm, built only on macOS). The daemon then runs as root on
// demand once an administrator approved it in System Settings > General > Login Items.
enum class DaemonStatus {
    NotRegistered,    // never registered, or unregistered
    Enabled,          // registered and approved: connecting to its socket starts it
    RequiresApproval, // registered; an administrator must allow it in Login Items
    NotFound,         // the plist is not in the bundle
    Unsupported,      // older than macOS 13
};

// `plistName`: "<label>.plist" (CHRONOSCOPE_HELPER_LABEL, packaging/macos/CMakeLists.txt).
DaemonStatus helperDaemonStatus(const std::string &plistName);
// Register (idempotent). False with `error` set (the system's description) when it failed;
// RequiresApproval afterwards is not a failure: call openLoginItemsSettings().
bool registerHelperDaemon(const std::string &plistName, std::string &error);
// Unregister (the app's "remove helper" action and its uninstaller).
bool unregisterHelperDaemon(const std::string &plistName, std::string &error);
// Opens System Settings at Login Items, where the administrator approves the daemon.
void openLoginItemsSettings();

} // namespace chronoscope::helper
