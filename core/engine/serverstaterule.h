// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

#include "core/engine/servercondition.h"
#include "core/engine/serverstate.h"
#include "core/engine/statusreason.h"
#include "core/stats/sourceselector.h"

namespace chronoscope::engine {

// The one place a server's state is decided (the selection step calls it for every server):
// the association's condition wins where it rules the server out; otherwise selection's
// verdict. Pure, so each transition is table-tested.
struct ServerStateRule
{
    struct Decision
    {
        ServerState state = ServerState::Unusable;
        QString reason;   // in words; empty for sys_peer and candidate
        StatusReason code; // the same as an id with arguments
    };

    // `selectable`: the association holds a sample selection may use. `verdict` and
    // `verdictReason`: selection's judgement when the server took part in it. The codes travel
    // with the words they stand for.
    static Decision decide(ServerCondition condition, const QString &conditionReason, bool selectable,
                           const std::optional<stats::Verdict> &verdict, const QString &verdictReason,
                           const StatusReason &conditionCode = {}, const StatusReason &verdictCode = {});
    // Whether a server in `condition` takes part in selection at all.
    static bool takesPartInSelection(ServerCondition condition, bool selectable);
};

} // namespace chronoscope::engine
