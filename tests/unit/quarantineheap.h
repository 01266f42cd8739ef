// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

// Test support for tst_secretmemory (linked into it alone: it replaces malloc for the whole
// process). While the quarantine is on, every allocation comes from a region of its own, memory
// that is freed is never handed out again, and realloc always moves. A copy of a secret freed
// without being wiped therefore stays where the memory scan finds it, instead of being
// overwritten, by chance, by the next allocation of the same size (what glibc would do, hiding
// the leak from the scan but not from a core dump taken a moment earlier). realloc that always
// moves is the worst case of glibc's, which moves a block it cannot grow in place.
namespace chronoscope::testing {

struct QuarantineState
{
    const char *start = nullptr;   // the region (null before the quarantine was first turned on)
    std::size_t usedBytes = 0;     // handed out so far; the rest of the region was never written
    std::size_t allocations = 0;   // served from the region
    bool exhausted = false;        // the region ran out and allocations went to glibc again
};

void setHeapQuarantine(bool on);
QuarantineState heapQuarantine();

} // namespace chronoscope::testing
