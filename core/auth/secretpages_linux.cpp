// SPDX-License-Identifier: GPL-3.0-or-later
// Linux: anonymous private pages, marked "do not dump" and locked in memory when allowed.
#include "core/auth/secretpages.h"

#include <sys/mman.h>

#include <openssl/crypto.h>

namespace chronoscope::auth {

SecretPages SecretPages::map(std::size_t bytes)
{
    SecretPages pages;
    void *base = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        return pages;
    pages.base = base;
    pages.dumpExcluded = ::madvise(base, bytes, MADV_DONTDUMP) == 0;
    // Fails beyond RLIMIT_MEMLOCK (8 MiB by default since Linux 5.16, 64 KiB on older kernels):
    // the pages then may be swapped, which SecretArena counts.
    pages.locked = ::mlock(base, bytes) == 0;
    return pages;
}

void SecretPages::unmap(void *base, std::size_t bytes)
{
    if (base == nullptr)
        return;
    OPENSSL_cleanse(base, bytes);
    ::munlock(base, bytes);
    ::munmap(base, bytes);
}

} // namespace chronoscope::auth
