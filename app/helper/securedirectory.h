// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace chronoscope::helper {

// Windows (securedirectory_win.cpp): makes sure `path` is a real directory (no reparse point)
// owned by SYSTEM or Administrators. `create`: create it first if missing, with a protected DACL
// giving SYSTEM and Administrators full control and, if `usersMayRead`, Users read access.
// False when it is missing or someone else could have planted it.
bool ensureAdministratorsDirectory(const std::string &path, bool create, bool usersMayRead);

// %ProgramData%\Chronoscope (C:\ProgramData\Chronoscope when the variable is unset).
std::string programDataDirectory();

// POSIX (securedirectory_posix.cpp): makes sure `path` is a real directory (not a link) owned by
// this process's effective user and writable by nobody else. `create`: create it first (0700)
// if missing. False when it is missing or someone else could have planted or changed it.
bool ensureOwnerOnlyDirectory(const std::string &path, bool create);

} // namespace chronoscope::helper
