// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the helper protocol decoder (core/protocol). Properties checked on every
// input, besides "no crash, no sanitizer report":
//   - a frame that decodes re-encodes to exactly the same bytes (one canonical encoding, so
//     nothing the helper accepted can carry hidden data);
//   - a decoded request never has unknown flags, and unused fields are zero;
//   - the same for the time-service frames, plus the render/re-parse check (timeServiceFrames).
// Build: the `fuzz` preset (clang), or runfuzz_target.cmake with clang++-14; the ctest
// `fuzz_helperprotocol` runs it for a few seconds, `fuzz-long` for 10 million executions.
#include <cstddef>
#include <cstdint>
#include <span>

#include "app/helper/sourcesformat.h"
#include "core/protocol/codec.h"
#include "core/protocol/sourcevalidation.h"
#include "core/protocol/timeservicecodec.h"

using namespace chronoscope::protocol;
namespace ts = chronoscope::protocol::timeservice;

namespace {

// The time-service frames (HELPER.md §4.5): canonical encodings, the header agreeing with the
// whole-frame decoder, and for an ApplySources list that passes validateSources, the chrony
// and ntpd renderers reading back to exactly the same servers (what the helper checks before
// writing) with no character outside the host rules in any host.
void timeServiceFrames(std::span<const std::uint8_t> bytes)
{
    const ts::DecodedRequest request = ts::decodeRequest(bytes);
    if (request.error == DecodeError::None) {
        const std::vector<std::uint8_t> again = ts::encodeRequest(request.request);
        if (again.size() != bytes.size() || !std::equal(again.begin(), again.end(), bytes.begin()))
            __builtin_trap();
        const ts::FrameHeader header = ts::decodeRequestHeader(bytes.first(ts::REQUEST_HEADER_SIZE));
        if (header.error != DecodeError::None || header.bodyLength + ts::REQUEST_HEADER_SIZE != bytes.size())
            __builtin_trap();
        if (request.request.servers.size() > ts::MAX_SERVERS)
            __builtin_trap();
        const ts::SourcesCheck check = ts::validateSources(request.request.daemon, request.request.servers);
        if (request.request.op == ts::Op::ApplySources && check.ok()) {
            for (const ts::ServerEntry &s : request.request.servers)
                for (char c : s.host)
                    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                          || c == '.' || c == ':'))
                        __builtin_trap();
            namespace fmt = chronoscope::helper::sourcesformat;
            const auto chrony = fmt::parseChrony(fmt::renderChrony(request.request.servers));
            if (!chrony || *chrony != request.request.servers)
                __builtin_trap();
            const auto timesyncd = fmt::parseTimesyncd(fmt::renderTimesyncd(request.request.servers));
            if (!timesyncd || *timesyncd != fmt::keptBy(ts::Daemon::Timesyncd, request.request.servers))
                __builtin_trap();
            if (request.request.daemon == ts::Daemon::Ntpd) {
                const fmt::Spliced spliced = fmt::spliceNtpBlock("driftfile /x\n", fmt::renderNtpBlock(request.request.servers));
                const auto ntp = spliced.text ? fmt::parseNtpBlock(*spliced.text) : std::nullopt;
                if (!ntp || *ntp != fmt::keptBy(ts::Daemon::Ntpd, request.request.servers))
                    __builtin_trap();
            }
        }
    } else if (ts::statusForDecodeError(request.error) == ts::Status::Ok) {
        __builtin_trap();
    }
    const ts::DecodedResponse response = ts::decodeResponse(bytes);
    if (response.error == DecodeError::None) {
        const std::vector<std::uint8_t> again = ts::encodeResponse(response.response);
        if (again.size() != bytes.size() || !std::equal(again.begin(), again.end(), bytes.begin()))
            __builtin_trap();
    }
}

} // namespace

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

    timeServiceFrames(bytes);

    const DecodedResponse response = decodeResponse(bytes);
    if (response.error == DecodeError::None) {
        const ResponseFrame again = encodeResponse(response.response);
        if (size != again.size() || !std::equal(again.begin(), again.end(), data))
            __builtin_trap();
    }
    return 0;
}
