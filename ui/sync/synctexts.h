// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/correction/correctionoutcome.h"
#include "core/correction/correctionpolicy.h"
#include "core/correction/timeservices.h"
#include "core/engine/serverstatus.h"

namespace chronoscope::ui {

// The translated sentences of the "Synchronise now" dialog.
class SyncTexts
{
    Q_DECLARE_TR_FUNCTIONS(SyncTexts)
public:
    static QString proposal(const correction::CorrectionProposal &proposal);
    static QString majority(const correction::CorrectionProposal &proposal);
    static QString confirmStep(const correction::CorrectionProposal &proposal);
    static QString noCorrection(const correction::CorrectionProposal &proposal, const engine::SystemStatus &system);
    static QString timeServices(const correction::CompetingTimeServices &services);
    static QString outcome(const correction::CorrectionOutcome &outcome);
    static QString verification(const engine::SystemStatus &system, correction::CorrectionKind kind);
};

} // namespace chronoscope::ui
