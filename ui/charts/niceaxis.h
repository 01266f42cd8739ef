// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronoscope::ui {

// A value-axis range on round numbers (steps of 1, 2, 2.5 or 5 × 10^n) that covers
// [low, high], with its tick count and a printf label format that shows exactly the digits
// the step needs (so a tick at zero reads "0", never "1.39e-17").
struct NiceAxis
{
    double low = 0;
    double high = 1;
    int tickCount = 2;
    QString labelFormat;   // "%.2f", ...
};

NiceAxis niceAxis(double low, double high, int targetTicks = 5);

} // namespace chronoscope::ui
