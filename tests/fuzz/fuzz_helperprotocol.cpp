// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the helper protocol decoder (core/protocol). Properties checked on every
// input, besides "no crash, no sanitizer report":
//   - a frame that decodes re-encodes to exactly the same bytes (one canonical encoding, so
//     nothing the helper accepted can carry hidden data);
//   - a decoded request never has unknown flags, and unused fields are zero.
// Build: the `fuzz` preset (clang), or runfuzz_target.cmake with clang++-14; the ctest
// `fuzz_helperprotocol` runs it for a few seconds, `fuzz-long` for 10 million executions.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/protocol/codec.h"

using namespace chronoscope::protocol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::span<const std::uint8_t> bytes(data, size);

    const DecodedRequest request = decodeRequest(bytes);
    if (request.error == DecodeError::None) {
        const RequestFrame again = encodeRequest(request.request);
        if (size != again.size() || !std::equal(again.begin(), again.end(), data))
            __builtin_trap();
        if ((request.request.flags & ~KNOWN_REQUEST_FLAGS) != 0)
            __builtin_trap();
        if ((request.request.op == Op::Hello || request.request.op == Op::ReadState)
            && (request.request.offsetNs != 0 || request.request.flags != 0))
            __builtin_trap();
    } else if (statusForDecodeError(request.error) == Status::Ok) {
        __builtin_trap();
    }

    const DecodedResponse response = decodeResponse(bytes);
    if (response.error == DecodeError::None) {
        const ResponseFrame again = encodeResponse(response.response);
        if (size != again.size() || !std::equal(again.begin(), again.end(), data))
            __builtin_trap();
    }
    return 0;
}
