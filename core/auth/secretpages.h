// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace chronoscope::auth {

// Whole pages for key material, straight from the operating system (issue 13: keys never in
// core dumps). One implementation per platform: secretpages_linux.cpp maps anonymous pages that
// are left out of core dumps (MADV_DONTDUMP, "dd" in /proc/PID/smaps) and, where RLIMIT_MEMLOCK
// allows, out of swap (mlock); secretpages_other.cpp hands out ordinary page-aligned memory.
struct SecretPages
{
    void *base = nullptr;        // page-aligned and zero-filled; null when the system refused
    bool dumpExcluded = false;   // left out of core dumps
    bool locked = false;         // kept out of swap

    // `bytes` is a multiple of the page size (SecretArena asks for 64 KiB).
    static SecretPages map(std::size_t bytes);
    // Wipes the pages, then gives them back.
    static void unmap(void *base, std::size_t bytes);
};

} // namespace chronoscope::auth
