// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

#include "core/protocol/codec.h"
#include "core/protocol/protocol.h"

namespace chronoscope::protocol {

// Stable lower-case identifiers for logs, audit lines and JSON ("needs_confirmation").
std::string_view statusName(Status status);
std::string_view opName(Op op);
std::string_view decodeErrorName(DecodeError error);

} // namespace chronoscope::protocol
