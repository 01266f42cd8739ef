// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/niceaxis.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

NiceAxis niceAxis(double low, double high, int targetTicks)
{
    if (!(high > low)) {
        const double pad = std::max(std::abs(low) * 0.1, 1e-9);
        low -= pad;
        high += pad;
    }
    const double raw = (high - low) / std::max(1, targetTicks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10;
    for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (magnitude * factor >= raw) {
            step = magnitude * factor;
            break;
        }
    }
    NiceAxis axis;
    axis.low = std::floor(low / step) * step;
    axis.high = std::ceil(high / step) * step;
    axis.tickCount = int(std::lround((axis.high - axis.low) / step)) + 1;
    // Decimals of the step itself (2.5 needs one more than its magnitude says).
    int decimals = std::max(0, int(-std::floor(std::log10(step) + 1e-9)));
    if (std::abs(step / std::pow(10.0, -decimals) - std::round(step / std::pow(10.0, -decimals))) > 1e-6)
        ++decimals;
    axis.labelFormat = u"%.%1f"_s.arg(decimals);
    return axis;
}

} // namespace chronoscope::ui
