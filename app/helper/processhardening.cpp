// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/processhardening.h"

#include <cstdlib>

#include <sys/resource.h>
#ifdef __linux__
#  include <sys/prctl.h>
#endif

namespace chronoscope::helper {
namespace {

constexpr const char *SAFE_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";
constexpr std::size_t MAX_UID_DIGITS = 10;          // 4294967294
constexpr unsigned long long MAX_UID = 4294967294;  // (uid_t)-1 means "no uid"

} // namespace

HelperEnvironment takeHelperEnvironment()
{
    HelperEnvironment taken;
    if (const char *uid = std::getenv("PKEXEC_UID"))
        taken.pkexecUid = std::string(uid);
    taken.forbidClockChanges = std::getenv("CHRONOSCOPE_FORBID_CLOCK_CHANGES") != nullptr;
    clearenv();
    setenv("PATH", SAFE_PATH, 1);
    return taken;
}

bool hardenProcess()
{
    const rlimit noCore{0, 0};
#ifdef __linux__
    const bool dumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
#else
    const bool dumpable = true;   // macOS: no core file is all we can ask for here
#endif
    const bool core = setrlimit(RLIMIT_CORE, &noCore) == 0;
    return dumpable && core;
}

long callerUid(const std::optional<std::string> &pkexecUid, long realUid)
{
    if (realUid != 0 || !pkexecUid || pkexecUid->empty() || pkexecUid->size() > MAX_UID_DIGITS)
        return realUid;
    if ((*pkexecUid)[0] == '0' && pkexecUid->size() > 1)
        return realUid;
    unsigned long long uid = 0;
    for (char c : *pkexecUid) {
        if (c < '0' || c > '9')
            return realUid;
        uid = uid * 10 + unsigned(c - '0');
    }
    return uid <= MAX_UID ? long(uid) : realUid;
}

} // namespace chronoscope::helper
