// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>

#include "core/protocol/protocol.h"

namespace chronoscope::protocol {

// Why a frame was rejected. Decoding checks, in this order: exact size, magic, version, op,
// flags, then the op's own fields (fields an op does not use must be zero).
enum class DecodeError {
    None,
    WrongSize,
    BadMagic,
    UnsupportedVersion,
    UnknownOp,
    UnknownFlags,
    NonZeroReserved,  // a field the op does not use is not zero
    BadArgument,      // e.g. negative error bound, zero max age, a flag the op cannot carry
};

struct DecodedRequest
{
    DecodeError error = DecodeError::None;
    // Valid when error is None. requestId is also filled whenever the size and magic were right,
    // so that even a refusal can name the request it refuses.
    Request request;
};

struct DecodedResponse
{
    DecodeError error = DecodeError::None;
    Response response;
};

// Field by field, little-endian; never a memcpy of a struct, so padding and host byte order
// cannot leak into the wire format.
RequestFrame encodeRequest(const Request &request);
DecodedRequest decodeRequest(std::span<const std::uint8_t> bytes);
ResponseFrame encodeResponse(const Response &response);
DecodedResponse decodeResponse(std::span<const std::uint8_t> bytes);

// The refusal status a helper answers with for a frame that failed to decode.
Status statusForDecodeError(DecodeError error);

// The mapping behind statusForDecodeError of both helper protocols: an unsupported version and an
// unknown op keep their own status, every other decode error is Malformed. StatusEnum is
// protocol::Status or protocol::timeservice::Status (both have these four values).
template <typename StatusEnum>
constexpr StatusEnum statusForDecodeErrorIn(DecodeError error)
{
    switch (error) {
    case DecodeError::None: return StatusEnum::Ok;
    case DecodeError::UnsupportedVersion: return StatusEnum::UnsupportedVersion;
    case DecodeError::UnknownOp: return StatusEnum::UnknownOp;
    case DecodeError::WrongSize:
    case DecodeError::BadMagic:
    case DecodeError::UnknownFlags:
    case DecodeError::NonZeroReserved:
    case DecodeError::BadArgument: return StatusEnum::Malformed;
    }
    return StatusEnum::Malformed;
}

} // namespace chronoscope::protocol
