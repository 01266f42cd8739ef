// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "app/helper/callerpolicy.h"

namespace chronoscope::helper {

// Who is at the other end of a connected Unix socket, as the kernel reports it (POSIX,
// peercredentials_posix.cpp): Linux SO_PEERCRED, macOS/BSD getpeereid (and LOCAL_PEERPID).
struct PeerCredentials
{
    long uid = -1;
    long gid = -1;
    long pid = -1; // -1 where the system does not say
};

// False when the socket has no peer credentials (not a connected AF_UNIX socket).
bool readPeerCredentials(int socketFd, PeerCredentials &peer);

// Whether the account `uid` belongs to the group named `group` (primary or supplementary, per
// the user and group databases: getpwuid_r, getgrnam_r, getgrouplist). False for unknown users
// or groups, and for an empty name.
bool userInGroup(long uid, const std::string &group);

// The caller as the caller policy judges it (callerpolicy.h, CallerMode::Service): an
// administrator is root or a member of `adminGroup` ("admin" on macOS); `configuredGroup`
// (empty: none) may change the clock too. `account` is the user name (or "uid N"), `sid` "uid=N".
CallerToken peerCallerToken(const PeerCredentials &peer, const std::string &adminGroup,
                            const std::string &configuredGroup);

} // namespace chronoscope::helper
