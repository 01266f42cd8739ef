// SPDX-License-Identifier: GPL-3.0-or-later
// Platforms without MADV_DONTDUMP (not built on Linux): ordinary page-aligned memory, still
// wiped when given back. Key material there may appear in a crash dump (README, "Secrets").
#include "core/auth/secretpages.h"

#include <cstring>
#include <new>

#include <openssl/crypto.h>

namespace chronoscope::auth {
namespace {

constexpr std::align_val_t PAGE_ALIGNMENT{4096};

} // namespace

SecretPages SecretPages::map(std::size_t bytes)
{
    SecretPages pages;
    pages.base = ::operator new(bytes, PAGE_ALIGNMENT, std::nothrow);
    if (pages.base != nullptr)
        std::memset(pages.base, 0, bytes);
    return pages;
}

void SecretPages::unmap(void *base, std::size_t bytes)
{
    if (base == nullptr)
        return;
    OPENSSL_cleanse(base, bytes);
    ::operator delete(base, PAGE_ALIGNMENT);
}

} // namespace chronoscope::auth
