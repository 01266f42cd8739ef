// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/peercredentials.h"

#include <vector>

#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>

namespace chronoscope::helper {
namespace {

constexpr int MAX_GROUPS = 1024;     // getgrouplist's answer is bounded by this
constexpr std::size_t DB_BUFFER = 16384; // getpwuid_r/getgrnam_r scratch space

bool userName(long uid, std::string &name, long &primaryGid)
{
    passwd entry{};
    passwd *found = nullptr;
    std::vector<char> buffer(DB_BUFFER);
    if (getpwuid_r(uid_t(uid), &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return false;
    name = entry.pw_name;
    primaryGid = long(entry.pw_gid);
    return true;
}

bool groupId(const std::string &groupName, long &gid)
{
    struct group entry{};
    struct group *found = nullptr;
    std::vector<char> buffer(DB_BUFFER);
    if (getgrnam_r(groupName.c_str(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return false;
    gid = long(entry.gr_gid);
    return true;
}

} // namespace

bool readPeerCredentials(int socketFd, PeerCredentials &peer)
{
#if defined(SO_PEERCRED) && defined(__linux__)
    ucred credentials{};
    socklen_t size = sizeof credentials;
    if (getsockopt(socketFd, SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0 || size != sizeof credentials)
        return false;
    peer.uid = long(credentials.uid);
    peer.gid = long(credentials.gid);
    peer.pid = long(credentials.pid);
    return true;
#else
    uid_t uid = 0;
    gid_t gid = 0;
    if (getpeereid(socketFd, &uid, &gid) != 0)
        return false;
    peer.uid = long(uid);
    peer.gid = long(gid);
#  ifdef LOCAL_PEERPID
    pid_t pid = 0;
    socklen_t size = sizeof pid;
    if (getsockopt(socketFd, SOL_LOCAL, LOCAL_PEERPID, &pid, &size) == 0)
        peer.pid = long(pid);
#  endif
    return true;
#endif
}

bool userInGroup(long uid, const std::string &group)
{
    std::string name;
    long primary = -1, wanted = -1;
    if (group.empty() || !userName(uid, name, primary) || !groupId(group, wanted))
        return false;
    if (primary == wanted)
        return true;
#ifdef __APPLE__
    using GroupId = int; // macOS declares getgrouplist with int
#else
    using GroupId = gid_t;
#endif
    std::vector<GroupId> groups(MAX_GROUPS);
    int count = MAX_GROUPS;
    if (getgrouplist(name.c_str(), GroupId(primary), groups.data(), &count) < 0)
        count = MAX_GROUPS; // more than MAX_GROUPS: the first ones were filled in
    for (int i = 0; i < count && i < MAX_GROUPS; ++i) {
        if (long(groups[std::size_t(i)]) == wanted)
            return true;
    }
    return false;
}

CallerToken peerCallerToken(const PeerCredentials &peer, const std::string &adminGroup,
                            const std::string &configuredGroup)
{
    CallerToken token;
    token.pid = peer.pid;
    token.sid = "uid=" + std::to_string(peer.uid);
    std::string name;
    long primary = -1;
    token.account = peer.uid >= 0 && userName(peer.uid, name, primary) ? name : "uid " + std::to_string(peer.uid);
    token.administrator = peer.uid == 0 || (peer.uid > 0 && userInGroup(peer.uid, adminGroup));
    token.inConfiguredGroup = peer.uid >= 0 && userInGroup(peer.uid, configuredGroup);
    return token;
}

} // namespace chronoscope::helper
