// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>

#include "core/protocol/protocol.h"

namespace chronoscope::protocol {

// The helper's first argument. pkexec picks the polkit action by the helper path and argv[1]
// (HELPER.md §1.5), so each verb has its own action, and a helper started for one verb refuses
// the other verb's op: authorising "slew" never lets a caller step.
enum class Verb { Step, Slew, ReadState };

std::string_view verbName(Verb verb);              // "step", "slew", "read-state"
std::optional<Verb> parseVerb(std::string_view name);
// HELLO and READ_STATE are allowed for every verb; STEP only for step, SLEW only for slew.
bool verbAllows(Verb verb, Op op);

} // namespace chronoscope::protocol
