// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/engine/serverstatus.h"

namespace chronoscope::report {

// How worrying the current state is, for colouring the headline.
enum class Severity { Unknown, Good, Warning, Bad };

// The headline's words (in the user's language) are texts::HeadlineText (core/texts).
Severity headlineSeverity(const engine::SystemStatus &system);

} // namespace chronoscope::report
