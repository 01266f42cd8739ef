// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/securedirectory.h"

#include <cerrno>

#include <sys/stat.h>
#include <unistd.h>

namespace chronoscope::helper {

bool ensureOwnerOnlyDirectory(const std::string &path, bool create)
{
    if (create && mkdir(path.c_str(), 0700) != 0 && errno != EEXIST)
        return false;
    struct stat st{};
    return lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid()
        && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

} // namespace chronoscope::helper
