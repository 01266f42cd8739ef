// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A property every input must keep; a violation stops the fuzzer like a crash would, with the
// input saved as an artifact.
inline void fuzzCheck(bool condition)
{
    if (!condition)
        __builtin_trap();
}
