// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13: key material lives in memory that core dumps leave out. SecretArena hands out blocks
// of 64 KiB chunks marked MADV_DONTDUMP (VmFlags "dd" in /proc/self/smaps) and, where
// RLIMIT_MEMLOCK allows, locked ("lo"); released blocks are wiped; sizes are bounded; beyond its
// cap it falls back to the heap and counts it; two threads may allocate and release at once.
// SecretBytes keeps its bytes there, shared by its copies and wiped by the last one.
#include <atomic>
#include <cstring>
#include <limits>
#include <thread>
#include <vector>

#include <QTest>

#include "core/auth/secretarena.h"
#include "core/auth/secretbytes.h"
#include "tests/unit/procsmaps.h"

using namespace chronoscope::auth;
using chronoscope::testing::MappedRegion;
using chronoscope::testing::regionHolding;

namespace {

bool allBytesAre(const void *data, std::size_t size, unsigned char value)
{
    const auto *bytes = static_cast<const volatile unsigned char *>(data);
    for (std::size_t i = 0; i < size; ++i) {
        if (bytes[i] != value)
            return false;
    }
    return true;
}

} // namespace

class TestSecretArena : public QObject
{
    Q_OBJECT

private slots:
    void chunksAreLeftOutOfCoreDumps();
    void releasedBlocksAreWipedAndReused();
    void sizesAreBounded();
    void pastTheCapBlocksComeFromTheHeapAndAreCounted();
    void twoThreadsAllocateAndReleaseAtOnce();
    void secretBytesLiveInTheProcessArena();
    void copiesShareTheBytesAndTheLastOneWipes();
    void aSharedArgumentIsLeftToItsOtherHolders();
};

void TestSecretArena::chunksAreLeftOutOfCoreDumps()
{
    SecretArena arena(2);
    const SecretArena::Block block = arena.allocate(32);
    QVERIFY(block.data != nullptr);
    QVERIFY(block.secure);
    QVERIFY(arena.isSecure(block.data));
    QCOMPARE(quintptr(block.data) % 4096, quintptr(0));   // the first block starts the chunk
    const MappedRegion region = regionHolding(block.data);
    QVERIFY2(region.end > region.start, "the block is not in /proc/self/smaps");
    QVERIFY2(region.hasFlag("dd"), region.vmFlags.join(' '));
    const SecretArena::Stats stats = arena.stats();
    QCOMPARE(stats.chunks, 1);
    QCOMPARE(stats.dumpableChunks, 0);
    // mlock may be refused (RLIMIT_MEMLOCK); then it is counted, and the VMA says so.
    QCOMPARE(region.hasFlag("lo"), stats.unlockedChunks == 0);
    QVERIFY(allBytesAre(block.data, 32, 0));
    // Ordinary heap memory is not marked: the flag really tells the two apart.
    const QByteArray heap(4096, 'x');
    QVERIFY(!regionHolding(heap.constData()).hasFlag("dd"));
    QVERIFY(!arena.isSecure(heap.constData()));
    arena.release(block.data, 32);
}

void TestSecretArena::releasedBlocksAreWipedAndReused()
{
    SecretArena arena(2);
    const SecretArena::Block first = arena.allocate(40);   // a 64-byte block
    QVERIFY(first.secure);
    std::memset(first.data, 0xA5, 64);
    arena.release(first.data, 40);
    // The chunk stays mapped: the released block can be looked at, and it is all zero.
    QVERIFY(allBytesAre(first.data, 64, 0));
    QCOMPARE(arena.stats().blocksInUse, 0);
    const SecretArena::Block again = arena.allocate(64);
    QCOMPARE(again.data, first.data);   // the free list hands it out again
    QVERIFY(allBytesAre(again.data, 64, 0));
    // A different size class comes from a chunk of its own.
    const SecretArena::Block other = arena.allocate(200);
    QVERIFY(other.secure);
    QCOMPARE(arena.stats().chunks, 2);
    std::memset(other.data, 0x5A, 200);
    arena.release(other.data, 200);
    QVERIFY(allBytesAre(other.data, 256, 0));
    arena.release(again.data, 64);
}

void TestSecretArena::sizesAreBounded()
{
    SecretArena arena(4);
    QCOMPARE(arena.allocate(0).data, nullptr);
    for (std::size_t size : {std::size_t(1), std::size_t(16), std::size_t(17), SecretArena::MAX_BLOCK_BYTES}) {
        const SecretArena::Block block = arena.allocate(size);
        QVERIFY(block.secure);
        std::memset(block.data, 0x11, size);
        arena.release(block.data, size);
    }
    QCOMPARE(arena.stats().heapFallbacks, 0);
    // Over the largest size class: from the heap, counted, usable.
    const std::size_t large = SecretArena::MAX_BLOCK_BYTES + 1;
    const SecretArena::Block heap = arena.allocate(large);
    QVERIFY(heap.data != nullptr);
    QVERIFY(!heap.secure);
    QVERIFY(!arena.isSecure(heap.data));
    QVERIFY(allBytesAre(heap.data, large, 0));
    std::memset(heap.data, 0x22, large);
    arena.release(heap.data, large);
    QCOMPARE(arena.stats().heapFallbacks, 1);
    // Absurd sizes are refused without arithmetic overflow or an attempt to allocate.
    QCOMPARE(arena.allocate(SecretArena::MAX_SECRET_BYTES + 1).data, nullptr);
    QCOMPARE(arena.allocate(std::numeric_limits<std::size_t>::max()).data, nullptr);
    const SecretArena::Stats stats = arena.stats();
    QCOMPARE(stats.refused, 2);
    QCOMPARE(stats.blocksInUse, 0);
    arena.release(nullptr, 10);   // ignored
    QCOMPARE(arena.stats().blocksInUse, 0);
}

void TestSecretArena::pastTheCapBlocksComeFromTheHeapAndAreCounted()
{
    SecretArena arena(1);
    const std::size_t perChunk = SecretArena::CHUNK_BYTES / SecretArena::MAX_BLOCK_BYTES;   // 16
    std::vector<void *> blocks;
    for (std::size_t i = 0; i < perChunk; ++i) {
        const SecretArena::Block block = arena.allocate(SecretArena::MAX_BLOCK_BYTES);
        QVERIFY(block.secure);
        blocks.push_back(block.data);
    }
    QCOMPARE(arena.stats().chunks, 1);
    const SecretArena::Block overCap = arena.allocate(SecretArena::MAX_BLOCK_BYTES);
    QVERIFY(overCap.data != nullptr);
    QVERIFY(!overCap.secure);
    // Another size class would need a second chunk: heap too.
    const SecretArena::Block small = arena.allocate(16);
    QVERIFY(small.data != nullptr);
    QVERIFY(!small.secure);
    SecretArena::Stats stats = arena.stats();
    QCOMPARE(stats.chunks, 1);
    QCOMPARE(stats.heapFallbacks, 2);
    QCOMPARE(stats.blocksInUse, qint64(perChunk + 2));
    // A released secure block is secure memory for the next request again.
    arena.release(blocks.back(), SecretArena::MAX_BLOCK_BYTES);
    const SecretArena::Block reused = arena.allocate(SecretArena::MAX_BLOCK_BYTES - 1);
    QVERIFY(reused.secure);
    QCOMPARE(reused.data, blocks.back());
    blocks.back() = reused.data;
    arena.release(overCap.data, SecretArena::MAX_BLOCK_BYTES);
    arena.release(small.data, 16);
    for (void *block : blocks)
        arena.release(block, SecretArena::MAX_BLOCK_BYTES);
    stats = arena.stats();
    QCOMPARE(stats.blocksInUse, 0);
    QCOMPARE(stats.heapFallbacks, 2);
    // No chunks at all (a cap of 0): everything is heap, nothing crashes.
    SecretArena none(0);
    const SecretArena::Block heapOnly = none.allocate(20);
    QVERIFY(heapOnly.data != nullptr && !heapOnly.secure);
    none.release(heapOnly.data, 20);
    QCOMPARE(none.stats().heapFallbacks, 1);
}

// Each thread keeps up to 40 blocks alive, each filled with a byte only it uses at that moment;
// a block handed out twice, or wiped while in use, shows up as a changed byte.
void TestSecretArena::twoThreadsAllocateAndReleaseAtOnce()
{
    SecretArena arena(3);   // small enough that some blocks fall back to the heap as well
    std::atomic<int> corrupted{0};
    const auto work = [&](int thread) {
        struct Live { void *data; std::size_t size; unsigned char fill; };
        std::vector<Live> live;
        for (int i = 0; i < 20000; ++i) {
            if (live.size() >= 40 || (!live.empty() && i % 3 == 0)) {
                const std::size_t at = std::size_t(i * 7) % live.size();
                const Live block = live[at];
                if (!allBytesAre(block.data, block.size, block.fill))
                    ++corrupted;
                arena.release(block.data, block.size);
                live.erase(live.begin() + qsizetype(at));
                continue;
            }
            const std::size_t size = 1 + std::size_t(i * 131 + thread * 977) % 5000;   // some over 4096
            const SecretArena::Block block = arena.allocate(size);
            if (block.data == nullptr || !allBytesAre(block.data, size, 0)) {
                ++corrupted;
                continue;
            }
            const auto fill = static_cast<unsigned char>(1 + thread * 100 + i % 97);
            std::memset(block.data, fill, size);
            live.push_back({block.data, size, fill});
        }
        for (const Live &block : live) {
            if (!allBytesAre(block.data, block.size, block.fill))
                ++corrupted;
            arena.release(block.data, block.size);
        }
    };
    std::thread engine(work, 0);
    std::thread gui(work, 1);
    engine.join();
    gui.join();
    QCOMPARE(corrupted.load(), 0);
    const SecretArena::Stats stats = arena.stats();
    QCOMPARE(stats.blocksInUse, 0);
    QCOMPARE(stats.chunks, 3);
    QVERIFY(stats.heapFallbacks > 0);   // the sizes over 4096 at least
}

void TestSecretArena::secretBytesLiveInTheProcessArena()
{
    const SecretBytes secret(QByteArray("tulip-garden-0123456789"));
    const QByteArray &bytes = secret.reveal();
    QCOMPARE(bytes, QByteArray("tulip-garden-0123456789"));
    QVERIFY(SecretArena::instance().isSecure(bytes.constData()));
    QVERIFY(regionHolding(bytes.constData()).hasFlag("dd"));
    QCOMPARE(secret.size(), 23);
    QVERIFY(SecretBytes().reveal().isEmpty());
    QVERIFY(SecretBytes(QByteArray()).isEmpty());
}

void TestSecretArena::copiesShareTheBytesAndTheLastOneWipes()
{
    const char *where = nullptr;
    {
        SecretBytes original(QByteArray(20, 'k'));
        where = original.reveal().constData();
        SecretBytes copy = original;
        QCOMPARE(copy.reveal().constData(), where);   // shared, not copied
        QVERIFY(copy == original);
        original = SecretBytes(QByteArray(20, 'j'));   // assignment lets go of the shared bytes
        QVERIFY(allBytesAre(where, 20, 'k'));          // the copy still holds them
        QVERIFY(!(copy == original));
        SecretBytes moved = std::move(copy);
        QVERIFY(allBytesAre(moved.reveal().constData(), 20, 'k'));
        QCOMPARE(moved.reveal().constData(), where);
        SecretBytes assigned;
        assigned = moved;
        moved = SecretBytes();
        QCOMPARE(assigned.reveal().constData(), where);
    }
    // The last holder is gone: the block (still mapped, it is the arena's) is wiped.
    QVERIFY(SecretArena::instance().isSecure(where));
    QVERIFY(allBytesAre(where, 20, 0));
}

void TestSecretArena::aSharedArgumentIsLeftToItsOtherHolders()
{
    // The caller still holds `source`: SecretBytes copies it and must not wipe the caller's bytes.
    const QByteArray source("shared-with-the-caller");
    const SecretBytes secret(source);
    QCOMPARE(source, QByteArray("shared-with-the-caller"));
    QCOMPARE(secret.reveal(), source);
    QVERIFY(secret.reveal().constData() != source.constData());
}

QTEST_GUILESS_MAIN(TestSecretArena)
#include "tst_secretarena.moc"
