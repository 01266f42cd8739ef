// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/protocol/codec.h"
#include "core/protocol/timeservice.h"

// Encoding and decoding of the time-service frames (HELPER.md §4.5). A reader first takes the
// fixed header (REQUEST_HEADER_SIZE / RESPONSE_HEADER_SIZE bytes), decodes it with
// decode*Header to learn the body length (already bounded), reads exactly that many bytes more,
// and decodes the whole frame. Every count and length is checked before anything is allocated.
namespace chronoscope::protocol::timeservice {

struct FrameHeader
{
    DecodeError error = DecodeError::None;
    std::uint64_t requestId = 0;  // filled whenever the magic was right
    std::uint16_t op = 0;         // as on the wire (not checked here)
    std::size_t bodyLength = 0;   // ≤ MAX_REQUEST_BODY / MAX_RESPONSE_BODY when error is None
};

struct DecodedRequest
{
    DecodeError error = DecodeError::None;
    Request request;               // valid when error is None; requestId whenever magic was right
};

struct DecodedResponse
{
    DecodeError error = DecodeError::None;
    Response response;
};

// Empty when the request cannot be encoded (more than MAX_SERVERS servers, a host longer than
// MAX_HOST_LENGTH or empty, cmdmon data longer than MAX_CMDMON_REQUEST_DATA). It does not check
// the semantic rules (validateSources in sourcevalidation.h); the helper does, again.
std::vector<std::uint8_t> encodeRequest(const Request &request);
// `header` must be REQUEST_HEADER_SIZE bytes: magic, version, zero field, body length bound.
FrameHeader decodeRequestHeader(std::span<const std::uint8_t> header);
// A whole frame: header + body. Checks, in order: the header, the op, the exact body size for
// the op and its counts, unknown daemon, unknown server flags, reserved bytes, poll fields
// without SERVER_POLL, a cmdmon command off the whitelist or data of the wrong size.
DecodedRequest decodeRequest(std::span<const std::uint8_t> frame);

std::vector<std::uint8_t> encodeResponse(const Response &response);
FrameHeader decodeResponseHeader(std::span<const std::uint8_t> header);
DecodedResponse decodeResponse(std::span<const std::uint8_t> frame);

// The refusal status for a frame that failed to decode.
Status statusForDecodeError(DecodeError error);

} // namespace chronoscope::protocol::timeservice
