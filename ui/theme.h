// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace chronoscope::ui {

// Light and dark palettes. System keeps the platform's palette (captured on first use).
enum class Theme { System = 0, Light = 1, Dark = 2 };

void applyTheme(Theme theme);

} // namespace chronoscope::ui
