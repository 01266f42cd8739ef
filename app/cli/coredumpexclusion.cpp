// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/coredumpexclusion.h"

#if defined(__unix__) || defined(__APPLE__)
#include <sys/resource.h>
#endif
#if defined(__linux__)
#include <sys/prctl.h>
#endif

namespace chronoscope::cli {

bool excludeFromCoreDumps()
{
    bool ok = true;
#if defined(__unix__) || defined(__APPLE__)
    const rlimit none{0, 0};
    ok = ::setrlimit(RLIMIT_CORE, &none) == 0;
#endif
#if defined(__linux__)
    ok = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    return ok;
}

} // namespace chronoscope::cli
