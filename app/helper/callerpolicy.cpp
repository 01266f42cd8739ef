// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/callerpolicy.h"

namespace chronoscope::helper {

protocol::Verb CallerDecision::verbForOp(protocol::Op op) const
{
    if (!mayChange)
        return protocol::Verb::ReadState;
    switch (op) {
    case protocol::Op::Step: return protocol::Verb::Step;
    case protocol::Op::Slew: return protocol::Verb::Slew;
    default: return protocol::Verb::ReadState;
    }
}

std::uint32_t CallerDecision::capabilities() const
{
    return protocol::CAP_READ_STATE | (mayChange ? protocol::CAP_STEP | protocol::CAP_SLEW : 0u);
}

CallerDecision decideCaller(const CallerToken &token, CallerMode mode, bool groupConfigured)
{
    CallerDecision decision;
    if (mode == CallerMode::ElevatedOneShot) {
        decision.mayChange = token.sameUserAsHelper;
        decision.reason = token.sameUserAsHelper ? "authorised: the user who consented (UAC)"
                                                 : "not authorised: not the user who started the helper";
        return decision;
    }
    if (token.administrator) {
        decision.mayChange = true;
        decision.reason = "authorised: administrator";
    } else if (groupConfigured && token.inConfiguredGroup) {
        decision.mayChange = true;
        decision.reason = "authorised: configured group";
    } else {
        decision.reason = groupConfigured ? "not authorised: neither administrator nor in the configured group"
                                          : "not authorised: not an administrator";
    }
    return decision;
}

std::string describeCaller(const CallerToken &token, const CallerDecision &decision)
{
    std::string text = token.account + " (" + token.sid + ") " + decision.reason;
    for (char &c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7e || c == '"')
            c = '?';
    }
    return text;
}

} // namespace chronoscope::helper
