// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "app/helper/callerpolicy.h"

namespace chronoscope::helper {

// Reads a pipe client's token (callertoken_win.cpp): impersonates the client just long enough to
// open its token, then checks memberships with CheckTokenMembership (enabled groups only).
// `groupSid`: the configured group as "S-1-..." (empty: none). Returns false when the client's
// token cannot be read (the connection is then refused).
bool readPipeCallerToken(void *pipe, const std::string &groupSid, CallerToken &token);

// --group NAME|SID to "S-1-..." (LookupAccountNameW for names); empty when unknown.
std::string resolveGroupSid(const std::string &group);

} // namespace chronoscope::helper
