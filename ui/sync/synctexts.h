// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/clock/correctionoutcome.h"
#include "core/clock/correctionpolicy.h"
#include "core/clock/timeservices.h"
#include "core/engine/serverstatus.h"

namespace chronoscope::ui {

// The translated sentences of the "Synchronise now" dialog.
class SyncTexts
{
    Q_DECLARE_TR_FUNCTIONS(SyncTexts)
public:
    static QString proposal(const clock::CorrectionProposal &proposal);
    static QString majority(const clock::CorrectionProposal &proposal);
    static QString confirmStep(const clock::CorrectionProposal &proposal);
    static QString noCorrection(const clock::CorrectionProposal &proposal, const engine::SystemStatus &system);
    static QString timeServices(const clock::TimeServiceReport &report);
    static QString outcome(const clock::CorrectionOutcome &outcome);
    static QString verification(const engine::SystemStatus &system, clock::CorrectionKind kind);
};

} // namespace chronoscope::ui
