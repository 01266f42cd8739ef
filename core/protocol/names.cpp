// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/names.h"

namespace chronoscope::protocol {

std::string_view statusName(Status status)
{
    switch (status) {
    case Status::Ok: return "ok";
    case Status::Malformed: return "malformed";
    case Status::UnsupportedVersion: return "unsupported_version";
    case Status::UnknownOp: return "unknown_op";
    case Status::NotPermitted: return "not_permitted";
    case Status::NeedsConfirmation: return "needs_confirmation";
    case Status::NeedsSecondConfirmation: return "needs_second_confirmation";
    case Status::OutOfRange: return "out_of_range";
    case Status::DateOutOfRange: return "date_out_of_range";
    case Status::Stale: return "stale";
    case Status::RateLimited: return "rate_limited";
    case Status::Failed: return "failed";
    case Status::Truncated: return "truncated";
    }
    return "unknown";
}

std::string_view opName(Op op)
{
    switch (op) {
    case Op::None: return "none";
    case Op::Hello: return "hello";
    case Op::ReadState: return "read_state";
    case Op::Step: return "step";
    case Op::Slew: return "slew";
    }
    return "unknown";
}

std::string_view decodeErrorName(DecodeError error)
{
    switch (error) {
    case DecodeError::None: return "none";
    case DecodeError::WrongSize: return "wrong_size";
    case DecodeError::BadMagic: return "bad_magic";
    case DecodeError::UnsupportedVersion: return "unsupported_version";
    case DecodeError::UnknownOp: return "unknown_op";
    case DecodeError::UnknownFlags: return "unknown_flags";
    case DecodeError::NonZeroReserved: return "nonzero_reserved";
    case DecodeError::BadArgument: return "bad_argument";
    }
    return "unknown";
}

} // namespace chronoscope::protocol
