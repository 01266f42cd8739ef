// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/secretarena.h"

#include <cstring>
#include <functional>
#include <new>

#include <openssl/crypto.h>

#include <QtGlobal>

#include "core/auth/secretpages.h"

#if defined(__SANITIZE_ADDRESS__)
#define CHRONOSCOPE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHRONOSCOPE_ASAN 1
#endif
#endif
#ifdef CHRONOSCOPE_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace chronoscope::auth {
namespace {

// Under AddressSanitizer (the fuzz targets, the asan preset) the arena's memory is checked like
// the heap's: blocks not handed out, and the part of a block beyond the bytes asked for, are
// poisoned, so a read or write past a secret is reported. No-ops otherwise.
void poison(const void *address, std::size_t bytes)
{
#ifdef CHRONOSCOPE_ASAN
    ASAN_POISON_MEMORY_REGION(address, bytes);
#else
    Q_UNUSED(address);
    Q_UNUSED(bytes);
#endif
}

void unpoison(const void *address, std::size_t bytes)
{
#ifdef CHRONOSCOPE_ASAN
    ASAN_UNPOISON_MEMORY_REGION(address, bytes);
#else
    Q_UNUSED(address);
    Q_UNUSED(bytes);
#endif
}

} // namespace

SecretArena::SecretArena(int maxChunks) : m_maxChunks(maxChunks < 0 ? 0 : maxChunks)
{
    m_chunks.reserve(std::size_t(m_maxChunks));   // never reallocated: Chunk pointers stay valid
}

SecretArena::~SecretArena()
{
    for (const Chunk &chunk : m_chunks) {
        unpoison(chunk.base, CHUNK_BYTES);
        SecretPages::unmap(chunk.base, CHUNK_BYTES);
    }
}

SecretArena &SecretArena::instance()
{
    static SecretArena *const arena = new SecretArena();
    return *arena;
}

int SecretArena::sizeClassOf(std::size_t bytes)
{
    int sizeClass = 0;
    while (blockBytesOf(sizeClass) < bytes)
        ++sizeClass;   // at most SIZE_CLASSES - 1: callers pass bytes <= MAX_BLOCK_BYTES
    return sizeClass;
}

SecretArena::Block SecretArena::allocate(std::size_t bytes)
{
    if (bytes == 0)
        return {};
    const std::lock_guard lock(m_mutex);
    if (bytes > MAX_SECRET_BYTES) {
        ++m_stats.refused;
        return {};
    }
    if (bytes <= MAX_BLOCK_BYTES) {
        if (char *block = takeSecureBlock(sizeClassOf(bytes))) {
            unpoison(block, bytes);
            ++m_stats.blocksInUse;
            return {block, true};
        }
    }
    void *heap = ::operator new(bytes, std::nothrow);
    if (heap == nullptr) {
        ++m_stats.refused;
        return {};
    }
    std::memset(heap, 0, bytes);
    ++m_stats.heapFallbacks;
    ++m_stats.blocksInUse;
    return {heap, false};
}

// A free block of the class, else one carved from a chunk of the class with room, else one from
// a new chunk; null at the cap or when the system refuses pages. Called with m_mutex held.
char *SecretArena::takeSecureBlock(int sizeClass)
{
    std::vector<char *> &freeList = m_freeBlocks[std::size_t(sizeClass)];
    if (!freeList.empty()) {
        char *block = freeList.back();
        freeList.pop_back();
        return block;
    }
    const std::size_t blockBytes = blockBytesOf(sizeClass);
    for (Chunk &chunk : m_chunks) {
        if (chunk.sizeClass == sizeClass && chunk.carvedBytes + blockBytes <= CHUNK_BYTES) {
            char *block = chunk.base + chunk.carvedBytes;
            chunk.carvedBytes += blockBytes;
            return block;
        }
    }
    if (int(m_chunks.size()) >= m_maxChunks)
        return nullptr;
    // Room in the free list for every block of the class up front, so release() never allocates.
    std::size_t classChunks = 1;
    for (const Chunk &chunk : m_chunks)
        classChunks += chunk.sizeClass == sizeClass ? 1 : 0;
    try {
        freeList.reserve(classChunks * (CHUNK_BYTES / blockBytes));
    } catch (const std::bad_alloc &) {
        return nullptr;
    }
    const SecretPages pages = SecretPages::map(CHUNK_BYTES);
    if (pages.base == nullptr)
        return nullptr;
    ++m_stats.chunks;
    m_stats.dumpableChunks += pages.dumpExcluded ? 0 : 1;
    m_stats.unlockedChunks += pages.locked ? 0 : 1;
    poison(pages.base, CHUNK_BYTES);
    m_chunks.push_back({static_cast<char *>(pages.base), sizeClass, blockBytes});
    return static_cast<char *>(pages.base);
}

void SecretArena::release(void *data, std::size_t bytes)
{
    if (data == nullptr)
        return;
    const std::lock_guard lock(m_mutex);
    --m_stats.blocksInUse;
    if (const Chunk *chunk = chunkHolding(data)) {
        unpoison(data, blockBytesOf(chunk->sizeClass));
        OPENSSL_cleanse(data, blockBytesOf(chunk->sizeClass));
        poison(data, blockBytesOf(chunk->sizeClass));
        m_freeBlocks[std::size_t(chunk->sizeClass)].push_back(static_cast<char *>(data));
        return;
    }
    OPENSSL_cleanse(data, bytes);
    ::operator delete(data);
}

const SecretArena::Chunk *SecretArena::chunkHolding(const void *address) const
{
    const std::less<const void *> before;   // a total order, even across unrelated arrays
    for (const Chunk &chunk : m_chunks) {
        if (!before(address, chunk.base) && before(address, chunk.base + CHUNK_BYTES))
            return &chunk;
    }
    return nullptr;
}

bool SecretArena::isSecure(const void *address) const
{
    const std::lock_guard lock(m_mutex);
    return chunkHolding(address) != nullptr;
}

SecretArena::Stats SecretArena::stats() const
{
    const std::lock_guard lock(m_mutex);
    return m_stats;
}

} // namespace chronoscope::auth
