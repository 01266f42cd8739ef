// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hostile request frames and the refusal each must get, shared by the Linux helper's process
// test (tests/helper/tst_helperprocess.cpp, over stdin/stdout) and the Windows service's pipe
// test (tests/windows/tst_win_pipeservice.cpp, over the named pipe under wine), so that both
// transports demonstrably refuse the same input for the same reason. Plain C++ (no Qt).
#include <cstdint>
#include <string>
#include <vector>

#include "core/protocol/codec.h"
#include "core/protocol/protocol.h"

namespace chronoscope::testing {

struct HostileFrame
{
    std::string name;
    std::vector<std::uint8_t> bytes;  // one write (Linux) / one pipe message (Windows)
    protocol::Status expected;
    std::string auditDetail;          // in the audit line's detail="..." (transport-neutral part)
    bool streamable = true;           // false: only a message transport can deliver it as one frame
};

// `valid` is a well-formed STEP request; each case breaks it in one way.
inline std::vector<HostileFrame> hostileFrames(const protocol::Request &valid)
{
    using protocol::Status;
    const protocol::RequestFrame good = protocol::encodeRequest(valid);
    auto variant = [&](std::size_t index, std::uint8_t value) {
        std::vector<std::uint8_t> bytes(good.begin(), good.end());
        bytes[index] = value;
        return bytes;
    };
    std::vector<HostileFrame> cases;
    cases.push_back({"truncated", std::vector<std::uint8_t>(good.begin(), good.begin() + 20), Status::Truncated,
                     "20 of 48 bytes", true});
    cases.push_back({"wrong_version", variant(4, 2), Status::UnsupportedVersion, "unsupported_version", true});
    cases.push_back({"bad_magic", variant(0, 'X'), Status::Malformed, "bad_magic", true});
    cases.push_back({"unknown_op", variant(6, 9), Status::UnknownOp, "unknown_op 9", true});
    cases.push_back({"unknown_flags", variant(44, 0x80), Status::Malformed, "unknown_flags", true});
    std::vector<std::uint8_t> oversized(good.begin(), good.end());
    oversized.push_back(0);
    cases.push_back({"oversized", oversized, Status::Malformed, "wrong_size", false});
    return cases;
}

} // namespace chronoscope::testing
