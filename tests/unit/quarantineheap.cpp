// SPDX-License-Identifier: GPL-3.0-or-later
// malloc, free, calloc, realloc and the aligned allocations, replaced for the process (glibc
// supports replacing them in the executable); outside the quarantine they forward to glibc's own
// (__libc_malloc ...). Blocks in the region carry a 16-byte header with their size.
#include "tests/unit/quarantineheap.h"

#include <sys/mman.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <malloc.h>

extern "C" {
void *__libc_malloc(std::size_t size);
void __libc_free(void *block);
void *__libc_calloc(std::size_t count, std::size_t size);
void *__libc_realloc(void *block, std::size_t size);
void *__libc_memalign(std::size_t alignment, std::size_t size);
}

namespace {

constexpr std::size_t REGION_BYTES = std::size_t(512) << 20;   // address space only (MAP_NORESERVE)
constexpr std::size_t HEADER_BYTES = 16;

std::atomic_bool g_on{false};
std::atomic_flag g_lock = ATOMIC_FLAG_INIT;
char *g_region = nullptr;
std::size_t g_used = 0;
std::size_t g_allocations = 0;
bool g_exhausted = false;

struct SpinLock
{
    SpinLock() { while (g_lock.test_and_set(std::memory_order_acquire)) { } }
    ~SpinLock() { g_lock.clear(std::memory_order_release); }
};

bool inRegion(const void *block)
{
    const auto address = reinterpret_cast<std::uintptr_t>(block);
    const auto start = reinterpret_cast<std::uintptr_t>(g_region);
    return g_region != nullptr && address >= start && address < start + REGION_BYTES;
}

std::size_t sizeOf(const void *block)
{
    std::size_t size = 0;
    std::memcpy(&size, static_cast<const char *>(block) - HEADER_BYTES, sizeof size);
    return size;
}

// A block from the region, or null when the quarantine is off or the region is full.
void *quarantined(std::size_t size, std::size_t alignment)
{
    if (!g_on.load(std::memory_order_relaxed))
        return nullptr;
    const SpinLock lock;
    if (alignment < HEADER_BYTES)
        alignment = HEADER_BYTES;
    std::size_t user = (g_used + HEADER_BYTES + alignment - 1) / alignment * alignment;
    if (size > REGION_BYTES || user > REGION_BYTES - size) {
        g_exhausted = true;
        return nullptr;
    }
    char *block = g_region + user;
    std::memcpy(block - HEADER_BYTES, &size, sizeof size);
    g_used = user + (size == 0 ? 1 : size);
    ++g_allocations;
    return block;
}

} // namespace

namespace chronoscope::testing {

void setHeapQuarantine(bool on)
{
    if (on && g_region == nullptr) {
        void *region = ::mmap(nullptr, REGION_BYTES, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (region == MAP_FAILED)
            return;
        g_region = static_cast<char *>(region);
    }
    g_on.store(on);
}

QuarantineState heapQuarantine()
{
    const SpinLock lock;
    return {g_region, g_used, g_allocations, g_exhausted};
}

} // namespace chronoscope::testing

extern "C" {

void *malloc(std::size_t size)
{
    if (void *block = quarantined(size, HEADER_BYTES))
        return block;
    return __libc_malloc(size);
}

void free(void *block)
{
    if (!inRegion(block))   // quarantined blocks are never reused
        __libc_free(block);
}

void *calloc(std::size_t count, std::size_t size)
{
    if (size != 0 && count > SIZE_MAX / size) {
        errno = ENOMEM;
        return nullptr;
    }
    if (void *block = quarantined(count * size, HEADER_BYTES))
        return block;   // the region is zero-filled and never reused
    return __libc_calloc(count, size);
}

void *realloc(void *block, std::size_t size)
{
    if (block == nullptr)
        return malloc(size);
    const bool fromRegion = inRegion(block);
    if (!fromRegion && !g_on.load(std::memory_order_relaxed))
        return __libc_realloc(block, size);
    // Always a new block; the old one keeps its content, as a moved glibc block would.
    void *moved = malloc(size);
    if (moved == nullptr)
        return nullptr;
    const std::size_t old = fromRegion ? sizeOf(block) : malloc_usable_size(block);
    std::memcpy(moved, block, old < size ? old : size);
    free(block);
    return moved;
}

void *memalign(std::size_t alignment, std::size_t size)
{
    if (void *block = quarantined(size, alignment))
        return block;
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(std::size_t alignment, std::size_t size)
{
    return memalign(alignment, size);
}

int posix_memalign(void **result, std::size_t alignment, std::size_t size)
{
    void *block = memalign(alignment, size);
    if (block == nullptr)
        return ENOMEM;
    *result = block;
    return 0;
}

void *valloc(std::size_t size)
{
    return memalign(4096, size);
}

void *pvalloc(std::size_t size)
{
    return memalign(4096, (size + 4095) / 4096 * 4096);
}

} // extern "C"
