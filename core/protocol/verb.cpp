// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/verb.h"

namespace chronoscope::protocol {

std::string_view verbName(Verb verb)
{
    switch (verb) {
    case Verb::Step: return "step";
    case Verb::Slew: return "slew";
    case Verb::ReadState: return "read-state";
    }
    return "?";
}

std::optional<Verb> parseVerb(std::string_view name)
{
    for (Verb verb : {Verb::Step, Verb::Slew, Verb::ReadState}) {
        if (verbName(verb) == name)
            return verb;
    }
    return std::nullopt;
}

bool verbAllows(Verb verb, Op op)
{
    switch (op) {
    case Op::Hello:
    case Op::ReadState: return true;
    case Op::Step: return verb == Verb::Step;
    case Op::Slew: return verb == Verb::Slew;
    case Op::None: return false;
    }
    return false;
}

} // namespace chronoscope::protocol
