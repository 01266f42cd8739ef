// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/serverstaterule.h"

using namespace Qt::StringLiterals;

namespace chronoscope::engine {
namespace {

ServerState stateFor(stats::Verdict verdict)
{
    switch (verdict) {
    case stats::Verdict::SysPeer: return ServerState::SysPeer;
    case stats::Verdict::Candidate: return ServerState::Candidate;
    case stats::Verdict::Outlier: return ServerState::Outlier;
    case stats::Verdict::Falseticker: return ServerState::Falseticker;
    case stats::Verdict::Jittery: return ServerState::Jittery;
    case stats::Verdict::Unusable: return ServerState::Unusable;
    }
    return ServerState::Unusable;
}

} // namespace

bool ServerStateRule::takesPartInSelection(ServerCondition condition, bool selectable)
{
    // Kiss-o'-death and authentication verdicts stand; the rest is for selection to judge as
    // long as there is a sample (an unreachable server's old sample ages out through λ).
    switch (condition) {
    case ServerCondition::RateLimited:
    case ServerCondition::Denied:
    case ServerCondition::AuthFailed:
        return false;
    case ServerCondition::Waiting:
    case ServerCondition::Answering:
    case ServerCondition::UnusableReplies:
    case ServerCondition::Unreachable:
        return selectable;
    }
    return false;
}

ServerStateRule::Decision ServerStateRule::decide(ServerCondition condition, const QString &conditionReason,
                                                  bool selectable, const std::optional<stats::Verdict> &verdict,
                                                  const QString &verdictReason, const StatusReason &conditionCode,
                                                  const StatusReason &verdictCode)
{
    if (takesPartInSelection(condition, selectable) && verdict)
        return {stateFor(*verdict), verdictReason, verdictCode};
    switch (condition) {
    case ServerCondition::RateLimited: return {ServerState::KodRate, conditionReason, conditionCode};
    case ServerCondition::Denied: return {ServerState::KodDeny, conditionReason, conditionCode};
    case ServerCondition::AuthFailed: return {ServerState::AuthFailed, conditionReason, conditionCode};
    case ServerCondition::Unreachable: return {ServerState::Unreachable, conditionReason, conditionCode};
    case ServerCondition::UnusableReplies: return {ServerState::Unusable, conditionReason, conditionCode};
    case ServerCondition::Waiting:
        if (conditionReason.isEmpty())
            return {ServerState::Unusable, u"waiting for the first reply"_s, {u"waiting_first_reply"_s, {}}};
        return {ServerState::Unusable, conditionReason, conditionCode};
    case ServerCondition::Answering:
        // Selection has not run since the first sample arrived.
        return {ServerState::Candidate, QString(), {}};
    }
    return {ServerState::Unusable, conditionReason, conditionCode};
}

} // namespace chronoscope::engine
