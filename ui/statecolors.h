// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

#include "core/engine/serverstate.h"
#include "core/report/headline.h"

namespace chronoscope::ui {

// Good / warning / bad colours readable on `palette`'s base colour (darker on light themes,
// lighter on dark ones).
QColor severityColor(report::Severity severity, const QPalette &palette);
report::Severity stateSeverity(engine::ServerState state);
QColor stateColor(engine::ServerState state, const QPalette &palette);
// The state icon from the resources (":/icons/state-*.svg").
QIcon stateIcon(engine::ServerState state);
// Translated one- or two-word name of a state ("system peer", "falseticker", ...).
QString stateName(engine::ServerState state);
// True when `palette` has a dark window background.
bool isDark(const QPalette &palette);

} // namespace chronoscope::ui
