// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <mutex>
#include <vector>

namespace chronoscope::auth {

// Memory for key material that core dumps leave out (issue 13). Blocks are carved from 64 KiB
// chunks of SecretPages (on Linux: MADV_DONTDUMP, mlock where RLIMIT_MEMLOCK allows); each chunk
// serves one size class (16, 32, ... 4096 bytes) and freed blocks are reused through a free list
// per class. Every block is wiped when released. At most `maxChunks` chunks are mapped (1 MiB for
// the process's arena, room for thousands of keys); beyond that cap, for a block over 4096 bytes
// or when the system refuses pages, the block comes from the ordinary heap (still wiped on
// release) and the fallback is counted. Requests over MAX_SECRET_BYTES are refused. Thread-safe:
// the engine thread and the GUI thread both create and drop keys.
class SecretArena
{
public:
    static constexpr std::size_t CHUNK_BYTES = 64 * 1024;
    static constexpr std::size_t MIN_BLOCK_BYTES = 16;
    static constexpr std::size_t MAX_BLOCK_BYTES = 4096;      // larger secrets live on the heap
    static constexpr std::size_t MAX_SECRET_BYTES = 1 << 20;  // larger requests are refused
    static constexpr int DEFAULT_MAX_CHUNKS = 16;             // 16 × 64 KiB = 1 MiB

    struct Block
    {
        void *data = nullptr;   // null for 0 bytes and for refused requests
        bool secure = false;    // in a chunk (false: heap fallback)
    };

    struct Stats
    {
        int chunks = 0;               // mapped chunks (at most maxChunks)
        int dumpableChunks = 0;       // chunks the system would not mark "do not dump"
        int unlockedChunks = 0;       // chunks mlock refused (they may be swapped)
        long long blocksInUse = 0;    // secure and heap blocks not yet released
        long long heapFallbacks = 0;  // blocks that had to come from the heap
        long long refused = 0;        // requests over MAX_SECRET_BYTES
    };

    explicit SecretArena(int maxChunks = DEFAULT_MAX_CHUNKS);
    // Wipes and unmaps the chunks. Every block must have been released.
    ~SecretArena();
    SecretArena(const SecretArena &) = delete;
    SecretArena &operator=(const SecretArena &) = delete;

    // The process's arena (SecretBytes uses it). Never destroyed, so that secrets in static
    // objects can still be released at exit.
    static SecretArena &instance();

    // A zero-filled block of at least `bytes` bytes.
    Block allocate(std::size_t bytes);
    // Wipes the block and takes it back; `bytes` is what was asked of allocate(). Null is ignored.
    void release(void *data, std::size_t bytes);
    // True when `address` lies in one of this arena's chunks.
    bool isSecure(const void *address) const;
    Stats stats() const;

private:
    static constexpr int SIZE_CLASSES = 9;   // 16 << 0 ... 16 << 8 = 4096 bytes

    struct Chunk
    {
        char *base = nullptr;
        int sizeClass = 0;
        std::size_t carvedBytes = 0;   // blocks handed out from the start of the chunk
    };

    static int sizeClassOf(std::size_t bytes);
    static std::size_t blockBytesOf(int sizeClass) { return MIN_BLOCK_BYTES << sizeClass; }
    char *takeSecureBlock(int sizeClass);
    const Chunk *chunkHolding(const void *address) const;

    const int m_maxChunks;
    mutable std::mutex m_mutex;
    std::vector<Chunk> m_chunks;
    std::array<std::vector<char *>, SIZE_CLASSES> m_freeBlocks;
    Stats m_stats;
};

} // namespace chronoscope::auth
