// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/serverstate.h"

using namespace Qt::StringLiterals;

namespace chronoscope::engine {

QString serverStateId(ServerState state)
{
    switch (state) {
    case ServerState::SysPeer: return u"sys_peer"_s;
    case ServerState::Candidate: return u"candidate"_s;
    case ServerState::Outlier: return u"outlier"_s;
    case ServerState::Falseticker: return u"falseticker"_s;
    case ServerState::Jittery: return u"jittery"_s;
    case ServerState::Unusable: return u"unusable"_s;
    case ServerState::Unreachable: return u"unreachable"_s;
    case ServerState::KodRate: return u"kod_rate"_s;
    case ServerState::KodDeny: return u"kod_deny"_s;
    case ServerState::AuthFailed: return u"auth_failed"_s;
    }
    return u"unusable"_s;
}

} // namespace chronoscope::engine
